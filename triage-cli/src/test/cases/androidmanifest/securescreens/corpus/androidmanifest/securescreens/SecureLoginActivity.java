package corpus.androidmanifest.securescreens;

import android.app.Activity;
import android.os.Bundle;
import android.view.WindowManager;

/** The same login screen, secured. */
public class SecureLoginActivity extends Activity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        getWindow().addFlags(WindowManager.LayoutParams.FLAG_SECURE);
        setContentView(R.layout.login);
    }
}
