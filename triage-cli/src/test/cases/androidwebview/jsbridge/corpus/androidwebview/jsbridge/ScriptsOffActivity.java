package corpus.androidwebview.jsbridge;

import android.app.Activity;
import android.os.Bundle;
import android.webkit.WebSettings;
import android.webkit.WebView;

/** Safe: JavaScript is switched off explicitly, so no page can call the bridge. */
public class ScriptsOffActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setContentView(R.layout.portal);
        WebView webView = findViewById(R.id.web);
        WebSettings settings = webView.getSettings();
        settings.setJavaScriptEnabled(false);
        webView.addJavascriptInterface(new PatientBridge(), "Patient");
        webView.loadUrl("https://portal.example.org/static/terms.html");
    }
}
