package corpus.androidnetwork.legacytarget;

import android.app.Activity;
import android.os.Bundle;
import android.view.WindowManager;

/** Glucose log. */
public class GlucoseActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        getWindow().setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE);
    }
}
