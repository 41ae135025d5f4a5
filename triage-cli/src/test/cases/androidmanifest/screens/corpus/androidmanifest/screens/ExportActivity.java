package corpus.androidmanifest.screens;

import android.app.Activity;
import android.os.Bundle;
import android.view.WindowManager;

/** Export screen; whether screenshots are allowed is a setting (off by default). */
public class ExportActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setTitle(getIntent().getStringExtra("diagnosis")); // the entry's diagnosis: patient data on screen
        boolean allowScreenshots = getIntent().getBooleanExtra("allowScreenshots", false);
        int flags = allowScreenshots ? 0 : WindowManager.LayoutParams.FLAG_SECURE;
        getWindow().setFlags(flags, WindowManager.LayoutParams.FLAG_SECURE);
    }
}
