package corpus.androidmanifest.screens;

import android.app.Activity;
import android.view.Window;
import android.view.WindowManager;

/** Helpers for windows that show personal data. */
final class ScreenGuard {
    private ScreenGuard() {
    }

    static void protect(Activity activity) {
        secure(activity.getWindow());
    }

    private static void secure(Window window) {
        window.addFlags(WindowManager.LayoutParams.FLAG_SECURE | WindowManager.LayoutParams.FLAG_KEEP_SCREEN_ON);
    }
}
