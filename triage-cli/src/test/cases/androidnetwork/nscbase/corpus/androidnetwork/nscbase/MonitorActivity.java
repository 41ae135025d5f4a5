package corpus.androidnetwork.nscbase;

import android.app.Activity;
import android.os.Bundle;
import android.view.WindowManager;

/** Heart-rate monitor. */
public class MonitorActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        getWindow().setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE);
    }
}
