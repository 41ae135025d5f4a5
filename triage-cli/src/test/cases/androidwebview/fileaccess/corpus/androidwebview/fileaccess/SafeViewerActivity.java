package corpus.androidwebview.fileaccess;

import android.app.Activity;
import android.os.Bundle;
import android.webkit.WebSettings;
import android.webkit.WebView;

/** Safe: file access switched off explicitly; the debug-only switch is off in release builds. */
public class SafeViewerActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        WebView webView = new WebView(this);
        setContentView(webView);
        WebSettings settings = webView.getSettings();
        settings.setJavaScriptEnabled(true);
        settings.setAllowFileAccess(false);
        settings.setAllowContentAccess(false);
        settings.setAllowFileAccessFromFileURLs(false);
        settings.setAllowUniversalAccessFromFileURLs(BuildConfig.DEBUG);
        WebSettingsHelper.apply(webView, false);
        webView.loadUrl("https://results.example.org/");
    }
}
