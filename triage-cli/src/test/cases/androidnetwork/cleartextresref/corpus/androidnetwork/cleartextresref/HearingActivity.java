package corpus.androidnetwork.cleartextresref;

import android.app.Activity;
import android.os.Bundle;
import android.view.WindowManager;

/** Hearing test results. */
public class HearingActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        getWindow().setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE);
    }
}
