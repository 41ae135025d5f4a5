package corpus.androidstorage.worldreadable;

import android.app.Application;
import android.content.Context;
import android.content.SharedPreferences;

public class ClinicApp extends Application {
    private static final int PREFS_MODE = Context.MODE_WORLD_READABLE;

    @Override
    public void onCreate() {
        super.onCreate();
        SharedPreferences prefs = getApplicationContext().getSharedPreferences("clinic", PREFS_MODE); // BUG: android/world-readable-file
        prefs.edit().putBoolean("first_run", false).apply();
        SharedPreferences settings = getSharedPreferences("settings", MODE_PRIVATE);
        settings.edit().putBoolean("dark", true).apply();
    }
}
