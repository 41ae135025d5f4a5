package corpus.androidwebview.jsbridge;

import android.app.Activity;
import android.os.Bundle;
import android.webkit.WebView;

/** Settings configured by a helper that receives them. */
public class HelperSettingsActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setContentView(R.layout.portal);
        WebView webView = findViewById(R.id.web);
        WebViewSetup.enableScripts(webView.getSettings());
        webView.addJavascriptInterface(new PatientBridge(), "Patient"); // BUG: android/webview-javascript-bridge
        webView.loadUrl("https://portal.example.org/");
    }
}
