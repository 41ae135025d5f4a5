package corpus.androidmanifest.modernbackup;

import android.app.Activity;
import android.os.Bundle;
import android.view.WindowManager;

/** Cycle tracker, kept out of screenshots. */
public class CycleActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        getWindow().setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE);
    }
}
