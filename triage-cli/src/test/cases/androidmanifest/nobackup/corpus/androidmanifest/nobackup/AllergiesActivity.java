package corpus.androidmanifest.nobackup;

import android.app.Activity;
import android.os.Bundle;
import android.view.WindowManager;

/** Allergy list, kept out of screenshots. */
public class AllergiesActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        getWindow().setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE);
    }
}
