package corpus.androidmanifest.permissions;

import android.app.Activity;
import android.os.Bundle;
import android.view.WindowManager;

/** Pump status. */
public class PumpActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        getWindow().setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE);
    }
}
