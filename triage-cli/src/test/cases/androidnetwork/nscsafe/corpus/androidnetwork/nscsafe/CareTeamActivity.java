package corpus.androidnetwork.nscsafe;

import android.app.Activity;
import android.os.Bundle;
import android.view.WindowManager;

/** Messages with the care team. */
public class CareTeamActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        getWindow().setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE);
    }
}
