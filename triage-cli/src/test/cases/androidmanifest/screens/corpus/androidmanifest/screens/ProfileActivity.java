package corpus.androidmanifest.screens;

import android.app.Activity;
import android.os.Bundle;

/** The user's profile; secured through a helper. */
public class ProfileActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setTitle(getIntent().getStringExtra("diagnosis")); // the entry's diagnosis: patient data on screen
        ScreenGuard.protect(this);
    }
}
