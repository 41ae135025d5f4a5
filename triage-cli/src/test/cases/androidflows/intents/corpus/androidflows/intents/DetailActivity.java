package corpus.androidflows.intents;

import android.app.Activity;
import android.os.Bundle;
import android.util.Log;

/** Started by HomeActivity with the device id in its intent. */
public class DetailActivity extends Activity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        String device = getIntent().getStringExtra("device");
        Log.i("Detail", "device " + device); // BUG: android/sensitive-data-logged
    }
}
