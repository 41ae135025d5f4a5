package corpus.androidstorage.worldreadable;

import android.os.Bundle;
import android.preference.PreferenceActivity;

/** Old-style preference screen whose values a companion widget app reads. */
public class SettingsActivity extends PreferenceActivity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        getPreferenceManager().setSharedPreferencesMode(MODE_WORLD_READABLE); // BUG: android/world-readable-file
        getPreferenceManager().setSharedPreferencesName("clinic_settings");
    }
}
