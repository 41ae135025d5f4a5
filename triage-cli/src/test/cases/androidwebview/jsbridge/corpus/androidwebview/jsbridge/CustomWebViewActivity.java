package corpus.androidwebview.jsbridge;

import android.app.Activity;
import android.os.Bundle;

public class CustomWebViewActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        PortalWebView view = new PortalWebView(this);
        setContentView(view);
        view.addJavascriptInterface(new PatientBridge(), "Patient"); // BUG: android/webview-javascript-bridge
        view.attachBridge();
    }
}
