package corpus.androidmanifest.backupagent;

import android.app.Activity;
import android.os.Bundle;
import android.view.WindowManager;

/** Medication schedule, kept out of screenshots. */
public class MedsActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        getWindow().setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE);
    }
}
