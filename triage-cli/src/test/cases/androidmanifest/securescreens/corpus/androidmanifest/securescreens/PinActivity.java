package corpus.androidmanifest.securescreens;

import android.app.Activity;
import android.os.Bundle;

/** The PIN pad comes from an included layout. */
public class PinActivity extends Activity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        setContentView(R.layout.pin);
    }
}
