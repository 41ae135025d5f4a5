package corpus.androidmanifest.securescreens;

import android.app.Activity;
import android.os.Bundle;

/** A password field: screenshots and the recent-apps overview can capture what is typed. */
public class LoginActivity extends Activity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        setContentView(R.layout.login);
    }
}
