package corpus.androidwebview.fileaccess;

import android.app.Activity;
import android.os.Bundle;
import android.webkit.WebView;

public class OfflineHelpActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        WebView webView = new WebView(this);
        setContentView(webView);
        WebSettingsHelper.apply(webView, true);
        WebSettingsHelper.universalAccess(webView.getSettings(), false);
        webView.getSettings().setAllowFileAccessFromFileURLs(false);
        webView.loadUrl("file:///android_asset/help/index.html");
    }
}
