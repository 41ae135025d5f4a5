package corpus.androidwebview.jsbridge;

import android.app.Activity;
import android.os.Bundle;

/** The layout inflates the WebView subclasses: their constructors decide about JavaScript. */
public class InflatedWebViewActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setContentView(R.layout.portal);
        PortalWebView portal = findViewById(R.id.web);
        portal.addJavascriptInterface(new PatientBridge(), "Patient"); // BUG: android/webview-javascript-bridge
        StaticPageWebView terms = findViewById(R.id.terms);
        terms.addJavascriptInterface(new PatientBridge(), "Patient");
    }
}
