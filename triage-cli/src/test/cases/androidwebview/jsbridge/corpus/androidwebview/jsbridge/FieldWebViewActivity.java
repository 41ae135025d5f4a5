package corpus.androidwebview.jsbridge;

import android.app.Activity;
import android.os.Bundle;
import android.webkit.WebView;

/** The WebView lives in a field: JavaScript is switched on in one method, the bridge added in another. */
public class FieldWebViewActivity extends Activity {
    private WebView mWebView;

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setContentView(R.layout.portal);
        mWebView = (WebView) findViewById(R.id.web);
        configureWebView();
    }

    private void configureWebView() {
        mWebView.getSettings().setJavaScriptEnabled(true);
        mWebView.getSettings().setDomStorageEnabled(true);
    }

    @Override
    protected void onStart() {
        super.onStart();
        mWebView.addJavascriptInterface(new PatientBridge(), "Patient"); // BUG: android/webview-javascript-bridge
        mWebView.loadUrl("https://portal.example.org/records");
    }
}
