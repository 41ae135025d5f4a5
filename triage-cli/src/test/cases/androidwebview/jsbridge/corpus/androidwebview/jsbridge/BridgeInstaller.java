package corpus.androidwebview.jsbridge;

import android.webkit.WebView;

/** Installs the app's bridge on the WebView it is given: callers decide whether JavaScript runs there. */
public final class BridgeInstaller {
    private BridgeInstaller() {
    }

    public static void install(WebView view) {
        view.addJavascriptInterface(new PatientBridge(), "Patient"); // BUG: android/webview-javascript-bridge
    }

    /** Only ever called for WebViews that show static pages without JavaScript. */
    public static void installReadOnly(WebView view) {
        view.addJavascriptInterface(new PatientBridge(), "Patient");
    }
}
