package corpus.androidwebview.jsbridge;

import android.app.Activity;
import android.os.Bundle;
import android.webkit.WebView;

/** Safe: a WebView field whose JavaScript the class switches off. */
public class FieldScriptsOffActivity extends Activity {
    private WebView webView;

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        webView = new WebView(this);
        webView.getSettings().setJavaScriptEnabled(false);
        setContentView(webView);
    }

    @Override
    protected void onResume() {
        super.onResume();
        webView.addJavascriptInterface(new PatientBridge(), "Patient");
    }
}
