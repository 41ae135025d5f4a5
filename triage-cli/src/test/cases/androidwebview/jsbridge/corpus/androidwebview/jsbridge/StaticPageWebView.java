package corpus.androidwebview.jsbridge;

import android.content.Context;
import android.util.AttributeSet;
import android.webkit.WebSettings;
import android.webkit.WebView;

/** Safe: a WebView subclass for static pages that keeps JavaScript off. */
public class StaticPageWebView extends WebView {
    public StaticPageWebView(Context context, AttributeSet attrs) {
        super(context, attrs);
        WebSettings s = getSettings();
        s.setJavaScriptEnabled(false);
        s.setBuiltInZoomControls(true);
    }
}
