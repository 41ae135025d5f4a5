package corpus.androidflows.reflection;

import android.util.Log;

/** Only ever called through reflection. */
public final class Reporter {
    private Reporter() {
    }

    public static void log(String what) {
        Log.i("Reporter", "device " + what); // BUG: android/sensitive-data-logged
    }

    public static void show(String what) {
        Log.i("Reporter", "message " + what);
    }
}
