package corpus.androidflows.lifecycle;

import android.app.Activity;
import android.location.Location;
import android.location.LocationManager;
import android.os.Bundle;
import android.util.Log;

/** A location saved with the instance state comes back in the bundle the framework hands onRestoreInstanceState. */
public class StateActivity extends Activity {
    @Override
    protected void onSaveInstanceState(Bundle out) {
        super.onSaveInstanceState(out);
        Location here = getSystemService(LocationManager.class).getLastKnownLocation(LocationManager.GPS_PROVIDER);
        out.putString("where", String.valueOf(here));
    }

    @Override
    protected void onRestoreInstanceState(Bundle saved) {
        super.onRestoreInstanceState(saved);
        Log.d("State", "restored " + saved.getString("where")); // BUG: android/sensitive-data-logged
    }

    @Override
    protected void onCreate(Bundle saved) {
        super.onCreate(saved);
        if (saved != null) {
            Log.d("State", "created again near " + saved.getString("where")); // BUG: android/sensitive-data-logged
        }
    }
}
