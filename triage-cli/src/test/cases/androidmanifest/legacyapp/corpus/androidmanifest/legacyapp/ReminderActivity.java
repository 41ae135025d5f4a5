package corpus.androidmanifest.legacyapp;

import android.app.Activity;
import android.os.Bundle;
import android.view.WindowManager;

/** Pill reminders. */
public class ReminderActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        getWindow().setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE);
    }
}
