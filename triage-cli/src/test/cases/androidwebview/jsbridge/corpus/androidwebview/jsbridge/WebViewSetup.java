package corpus.androidwebview.jsbridge;

import android.webkit.WebSettings;
import android.webkit.WebView;

/** Shared WebView configuration, as apps keep it in a utility class. */
public final class WebViewSetup {
    private WebViewSetup() {
    }

    public static void enableScripts(WebSettings settings) {
        settings.setJavaScriptEnabled(true);
        settings.setDomStorageEnabled(true);
        settings.setSupportZoom(false);
    }

    public static void readOnly(WebView view) {
        view.getSettings().setJavaScriptEnabled(false);
        view.getSettings().setBuiltInZoomControls(true);
    }
}
