package corpus.androidsecrets.stringsecrets;

import android.app.Activity;
import android.os.Bundle;
import android.view.WindowManager;

/** Sign-in screen. */
public class LoginActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        getWindow().setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE);
    }
}
