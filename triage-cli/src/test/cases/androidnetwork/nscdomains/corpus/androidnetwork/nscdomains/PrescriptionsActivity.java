package corpus.androidnetwork.nscdomains;

import android.app.Activity;
import android.os.Bundle;
import android.view.WindowManager;

/** Prescriptions. */
public class PrescriptionsActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        getWindow().setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE);
    }
}
