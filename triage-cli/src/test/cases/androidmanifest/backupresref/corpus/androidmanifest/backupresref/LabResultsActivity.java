package corpus.androidmanifest.backupresref;

import android.app.Activity;
import android.os.Bundle;
import android.view.WindowManager;

/** Lab results, kept out of screenshots. */
public class LabResultsActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        getWindow().setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE);
    }
}
