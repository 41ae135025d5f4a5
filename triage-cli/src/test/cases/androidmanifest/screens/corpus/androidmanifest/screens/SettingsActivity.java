package corpus.androidmanifest.screens;

import android.app.Activity;
import android.os.Bundle;

/** Settings; shows the user's e-mail address. */
public class SettingsActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setTitle("SettingsActivity");
    }
}
