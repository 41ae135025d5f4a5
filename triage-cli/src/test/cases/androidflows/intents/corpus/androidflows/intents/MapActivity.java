package corpus.androidflows.intents;

import android.app.Activity;
import android.os.Bundle;
import android.util.Log;

/** Reached through its intent filter's action: HomeActivity sends it a latitude. */
public class MapActivity extends Activity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        double lat = getIntent().getDoubleExtra("lat", 0);
        Log.i("Map", "centre on " + lat); // BUG: android/sensitive-data-logged
    }
}
