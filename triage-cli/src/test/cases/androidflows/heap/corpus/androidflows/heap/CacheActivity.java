package corpus.androidflows.heap;

import android.app.Activity;
import android.location.Location;
import android.location.LocationManager;
import android.os.Bundle;
import android.util.Log;

/** A Kotlin-style data holder made by a constructor and read in another method. */
public class CacheActivity extends Activity {
    private static final String TAG = "Cache";

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        Location here = getSystemService(LocationManager.class).getLastKnownLocation(LocationManager.GPS_PROVIDER);
        Position p = new Position(here.getLatitude(), "wgs84");
        logPosition(p);
    }

    private void logPosition(Position p) {
        Log.i(TAG, "lat " + p.getLatitude()); // BUG: android/sensitive-data-logged
        Log.i(TAG, "datum " + p.getDatum());
    }

    /** As kotlinc compiles {@code data class Position(val latitude: Double, val datum: String)}. */
    static final class Position {
        private final double latitude;
        private final String datum;

        Position(double latitude, String datum) {
            this.latitude = latitude;
            this.datum = datum;
        }

        double getLatitude() {
            return latitude;
        }

        String getDatum() {
            return datum;
        }
    }
}
