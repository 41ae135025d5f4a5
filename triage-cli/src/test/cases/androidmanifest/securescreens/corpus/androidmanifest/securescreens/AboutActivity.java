package corpus.androidmanifest.securescreens;

import android.app.Activity;
import android.os.Bundle;

/** The clinic's address and a contact e-mail field: nothing sensitive to protect. */
public class AboutActivity extends Activity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        setContentView(R.layout.about);
    }
}
