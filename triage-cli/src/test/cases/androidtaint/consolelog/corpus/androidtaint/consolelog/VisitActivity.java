package corpus.androidtaint.consolelog;

import android.app.Activity;
import android.content.Context;
import android.location.Location;
import android.location.LocationManager;
import android.os.Bundle;

/** Debug output left in a home-visit app: on Android, System.out and System.err go to the device log. */
public class VisitActivity extends Activity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        LocationManager lm = (LocationManager) getSystemService(Context.LOCATION_SERVICE);
        Location here = lm.getLastKnownLocation(LocationManager.GPS_PROVIDER);
        System.out.println("visit at " + here.getLatitude() + "," + here.getLongitude()); // BUG: android/sensitive-data-logged
        System.err.printf("fix %s%n", here); // BUG: android/sensitive-data-logged
        System.out.println("visit started");
        System.out.println("fix from " + here.getProvider() + ", within " + here.getAccuracy() + " m");
    }
}
