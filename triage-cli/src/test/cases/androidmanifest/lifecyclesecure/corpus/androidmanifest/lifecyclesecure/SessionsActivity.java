package corpus.androidmanifest.lifecyclesecure;

import android.app.Activity;
import android.os.Bundle;

/** Therapy sessions. */
public class SessionsActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setTitle("SessionsActivity");
    }
}
