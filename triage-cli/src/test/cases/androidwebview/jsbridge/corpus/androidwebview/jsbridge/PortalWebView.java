package corpus.androidwebview.jsbridge;

import android.content.Context;
import android.util.AttributeSet;
import android.webkit.WebView;

/** A WebView subclass that configures itself. */
public class PortalWebView extends WebView {
    public PortalWebView(Context context) {
        super(context);
        init();
    }

    public PortalWebView(Context context, AttributeSet attrs) {
        super(context, attrs);
        init();
    }

    private void init() {
        getSettings().setJavaScriptEnabled(true);
        getSettings().setDomStorageEnabled(true);
    }

    public void attachBridge() {
        addJavascriptInterface(new PatientBridge(), "Patient"); // BUG: android/webview-javascript-bridge
    }
}
