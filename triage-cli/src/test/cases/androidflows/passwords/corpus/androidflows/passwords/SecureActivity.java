package corpus.androidflows.passwords;

import android.app.Activity;
import android.os.Bundle;
import android.view.WindowManager;

/** Screens with password fields keep them out of screenshots and the recent-apps overview. */
public abstract class SecureActivity extends Activity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        getWindow().addFlags(WindowManager.LayoutParams.FLAG_SECURE);
    }
}
