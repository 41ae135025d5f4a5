package corpus.androidmanifest.screens;

import android.app.Activity;
import android.os.Bundle;

/** The user's profile; secured through a helper. */
public class ProfileActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        ScreenGuard.protect(this);
    }
}
