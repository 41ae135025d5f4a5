package corpus.androidflows.heap;

import android.util.Log;

/** Reads the registry's static fields set by another class. */
final class Auditor {
    void audit() {
        Log.w("Audit", "device " + Registry.currentDevice); // BUG: android/sensitive-data-logged
        Log.w("Audit", "theme " + Registry.currentTheme);
    }
}
