package corpus.androidtaint.webloading;

import android.app.Activity;
import android.content.Intent;
import android.net.Uri;
import android.os.Bundle;
import android.webkit.WebResourceRequest;
import android.webkit.WebView;
import android.webkit.WebViewClient;

/** Exported: other apps open it with a URL to show. */
public class BrowserActivity extends Activity {
    private static final String PORTAL = "https://portal.example.org/";
    private WebView web;

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        web = new WebView(this);
        setContentView(web);
        Intent intent = getIntent();
        String url = intent.getStringExtra("url");
        web.loadUrl(url); // BUG: android/webview-injection
        web.loadUrl(PORTAL + "home");
        if (url.startsWith(PORTAL)) {
            web.loadUrl(url);
        }
        if (url.startsWith("https://portal.example.org")) {
            web.loadUrl(url); // BUG: android/webview-injection
        }
        String message = intent.getStringExtra("message");
        web.evaluateJavascript("showBanner('" + message + "')", null); // BUG: android/webview-injection
        web.evaluateJavascript("showBanner('Welcome')", null);
        Uri page = intent.getData();
        show(page.toString());
        web.setWebViewClient(new WebViewClient() {
            @Override
            public boolean shouldOverrideUrlLoading(WebView view, WebResourceRequest request) {
                // the page chose where to go: the WebView working as a browser
                view.loadUrl(request.getUrl().toString());
                return true;
            }
        });
    }

    private void show(String address) {
        web.loadDataWithBaseURL(address, "<p>Loading</p>", "text/html", "utf-8", null); // BUG: android/webview-injection
    }
}
