package corpus.androidmanifest.screens;

import android.app.Activity;
import android.os.Bundle;
import android.view.WindowManager;

/** A breathing exercise: keeps the screen on and allows screenshots. */
public class BreathingActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        getWindow().addFlags(WindowManager.LayoutParams.FLAG_KEEP_SCREEN_ON);
        getWindow().clearFlags(WindowManager.LayoutParams.FLAG_SECURE);
    }
}
