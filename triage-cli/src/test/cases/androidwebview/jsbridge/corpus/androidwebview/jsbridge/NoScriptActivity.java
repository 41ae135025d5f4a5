package corpus.androidwebview.jsbridge;

import android.app.Activity;
import android.os.Bundle;
import android.webkit.WebView;

/** Safe: JavaScript is never switched on (it is off by default). */
public class NoScriptActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        WebView webView = new WebView(this);
        setContentView(webView);
        webView.getSettings().setBuiltInZoomControls(true);
        webView.addJavascriptInterface(new PatientBridge(), "Patient");
        webView.loadUrl("https://portal.example.org/static/privacy.html");
    }
}
