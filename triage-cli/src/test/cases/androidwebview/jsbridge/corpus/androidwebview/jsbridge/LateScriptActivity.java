package corpus.androidwebview.jsbridge;

import android.app.Activity;
import android.os.Bundle;
import android.webkit.WebView;

/** The bridge is added first and JavaScript switched on afterwards: pages can call it all the same. */
public class LateScriptActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        WebView webView = new WebView(this);
        setContentView(webView);
        webView.addJavascriptInterface(new PatientBridge(), "Patient"); // BUG: android/webview-javascript-bridge
        webView.getSettings().setJavaScriptEnabled(true);
        webView.loadUrl("https://portal.example.org/");
    }
}
