package corpus.androidnetwork.legacysafe;

import android.app.Activity;
import android.os.Bundle;
import android.view.WindowManager;

/** Eye test results. */
public class VisionActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        getWindow().setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE);
    }
}
