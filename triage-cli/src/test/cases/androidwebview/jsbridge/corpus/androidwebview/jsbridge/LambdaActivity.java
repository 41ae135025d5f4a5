package corpus.androidwebview.jsbridge;

import android.app.Activity;
import android.os.Bundle;
import android.webkit.WebView;

/** The bridge is added later, on the UI thread, from a lambda that captured the WebView. */
public class LambdaActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setContentView(R.layout.portal);
        WebView webView = findViewById(R.id.web);
        webView.getSettings().setJavaScriptEnabled(true);
        new Thread(() -> {
            PatientBridge bridge = new PatientBridge();
            runOnUiThread(() -> webView.addJavascriptInterface(bridge, "Patient")); // BUG: android/webview-javascript-bridge
        }).start();
    }
}
