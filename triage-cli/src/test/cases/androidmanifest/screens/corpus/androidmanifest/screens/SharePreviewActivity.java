package corpus.androidmanifest.screens;

import android.app.Activity;
import android.os.Bundle;
import android.view.WindowManager;

/** Preview of an entry before sharing: lets the user take a screenshot. */
public class SharePreviewActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setTitle(getIntent().getStringExtra("diagnosis")); // the entry's diagnosis: patient data on screen
        getWindow().setFlags(0, WindowManager.LayoutParams.FLAG_SECURE);
    }
}
