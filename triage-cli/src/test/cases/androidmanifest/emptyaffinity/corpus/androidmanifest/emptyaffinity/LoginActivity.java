package corpus.androidmanifest.emptyaffinity;

import android.app.Activity;
import android.os.Bundle;
import android.view.WindowManager;

/** A screen of the portal, kept out of screenshots. */
public class LoginActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        getWindow().setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE);
    }
}
