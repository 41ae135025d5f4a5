package corpus.androidmanifest.screens;

import android.app.Activity;
import android.os.Bundle;
import android.view.WindowManager;

/** The journal, kept out of screenshots. */
public class JournalActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setTitle(getIntent().getStringExtra("diagnosis")); // the entry's diagnosis: patient data on screen
        getWindow().setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE);
    }
}
