package corpus.androidmanifest.screens;

import android.app.Activity;
import android.os.Bundle;
import android.view.WindowManager;

/** Base of the screens that show journal entries: no screenshots, no recent-apps thumbnail. */
public abstract class SecureActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        getWindow().setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE);
    }
}
