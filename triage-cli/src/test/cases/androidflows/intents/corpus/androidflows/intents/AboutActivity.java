package corpus.androidflows.intents;

import android.app.Activity;
import android.os.Bundle;
import android.util.Log;

/** Started by HomeActivity with a constant in its intent. */
public class AboutActivity extends Activity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        Log.i("About", "device " + getIntent().getStringExtra("device"));
    }
}
