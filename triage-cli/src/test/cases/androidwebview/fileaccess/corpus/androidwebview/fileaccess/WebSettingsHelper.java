package corpus.androidwebview.fileaccess;

import android.webkit.WebSettings;
import android.webkit.WebView;

/** One place for WebView settings; each screen says what it needs. */
public final class WebSettingsHelper {
    private WebSettingsHelper() {
    }

    public static void apply(WebView view, boolean localFiles) {
        WebSettings s = view.getSettings();
        s.setJavaScriptEnabled(true);
        s.setAllowFileAccess(localFiles); // BUG: android/webview-file-access
    }

    /** Only ever asked to switch universal access off. */
    public static void universalAccess(WebSettings s, boolean allow) {
        s.setAllowUniversalAccessFromFileURLs(allow);
    }
}
