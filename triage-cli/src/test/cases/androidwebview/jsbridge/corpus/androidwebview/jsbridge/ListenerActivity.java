package corpus.androidwebview.jsbridge;

import android.app.Activity;
import android.os.Bundle;
import android.view.View;
import android.webkit.WebView;

/** An anonymous click listener adds the bridge to a captured WebView. */
public class ListenerActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setContentView(R.layout.portal);
        final WebView webView = findViewById(R.id.web);
        webView.getSettings().setJavaScriptEnabled(true);
        findViewById(R.id.refresh).setOnClickListener(new View.OnClickListener() {
            @Override
            public void onClick(View v) {
                webView.addJavascriptInterface(new PatientBridge(), "Patient"); // BUG: android/webview-javascript-bridge
                webView.reload();
            }
        });
    }
}
