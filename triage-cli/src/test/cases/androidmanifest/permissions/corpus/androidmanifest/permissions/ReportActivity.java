package corpus.androidmanifest.permissions;

import android.app.Activity;
import android.os.Bundle;
import android.view.WindowManager;

/** Glucose reports. */
public class ReportActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        getWindow().setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE);
    }
}
