package corpus.androidwebview.fileaccess;

import android.app.Activity;
import android.os.Bundle;
import android.webkit.WebSettings;
import android.webkit.WebView;

/** Shows downloaded lab reports (HTML files in the app's storage) through file:// URLs. */
public class ReportViewerActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        WebView webView = new WebView(this);
        setContentView(webView);
        WebSettings settings = webView.getSettings();
        settings.setJavaScriptEnabled(true);
        settings.setAllowFileAccess(true); // BUG: android/webview-file-access
        settings.setAllowFileAccessFromFileURLs(true); // BUG: android/webview-file-access
        settings.setAllowUniversalAccessFromFileURLs(true); // BUG: android/webview-file-access
        webView.loadUrl("file://" + getFilesDir() + "/reports/latest.html");
    }
}
