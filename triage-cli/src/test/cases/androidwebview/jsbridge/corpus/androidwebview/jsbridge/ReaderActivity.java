package corpus.androidwebview.jsbridge;

import android.app.Activity;
import android.os.Bundle;
import android.webkit.WebView;

/** Safe: the bridge is installed on WebViews whose JavaScript is switched off. */
public class ReaderActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        WebView webView = new WebView(this);
        setContentView(webView);
        WebViewSetup.readOnly(webView);
        BridgeInstaller.installReadOnly(webView);
        BridgeInstaller.install(webView);
        webView.loadUrl("file:///android_asset/help/index.html");
    }
}
