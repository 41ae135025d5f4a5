package corpus.androidtaint.privacyleaks;

import android.app.Activity;
import android.content.Context;
import android.content.SharedPreferences;
import android.location.Location;
import android.location.LocationListener;
import android.location.LocationManager;
import android.os.Bundle;
import android.telephony.SmsManager;
import android.util.Log;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;

public class TrackingActivity extends Activity implements LocationListener {
    private static final String TAG = "Tracking";

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        LocationManager lm = (LocationManager) getSystemService(Context.LOCATION_SERVICE);
        Location here = lm.getLastKnownLocation(LocationManager.GPS_PROVIDER);
        Log.d(TAG, "position " + here.getLatitude() + "," + here.getLongitude()); // BUG: android/sensitive-data-logged
        Log.i(TAG, "position refreshed");
        SharedPreferences prefs = getSharedPreferences("tracking", MODE_PRIVATE);
        prefs.edit().putString("last", here.toString()).apply(); // BUG: android/cleartext-storage
        prefs.edit().putFloat("lat", (float) here.getLatitude()).apply(); // BUG: android/cleartext-storage
        prefs.edit().putString("theme", "dark").putLong("updated", System.currentTimeMillis()).apply();
        String line = here.getLatitude() + ";" + here.getLongitude() + "\n";
        try (OutputStream shared = new FileOutputStream(new File(getExternalFilesDir(null), "track.csv"))) {
            shared.write(line.getBytes()); // BUG: android/external-storage
            shared.write("# end\n".getBytes());
        } catch (IOException e) {
            Log.w(TAG, "cannot write", e);
        }
        try (OutputStream own = openFileOutput("track.csv", MODE_PRIVATE)) {
            own.write(line.getBytes());
        } catch (IOException e) {
            Log.w(TAG, "cannot write", e);
        }
        SmsManager sms = getSystemService(SmsManager.class);
        sms.sendTextMessage("+15550100", null, "I am at " + here.getLatitude(), null, null); // BUG: android/sensitive-data-sms
        sms.sendTextMessage("+15550100", null, "Running late", null, null);
        new Uploader().upload(here);
        lm.requestLocationUpdates(LocationManager.GPS_PROVIDER, 60_000L, 10f, this);
    }

    @Override
    public void onLocationChanged(Location location) {
        Log.v(TAG, "moved to " + location); // BUG: android/sensitive-data-logged
        Log.v(TAG, "moved");
        // where the fix came from, how accurate and when: not where the person is
        Log.v(TAG, "fix from " + location.getProvider() + ", within " + location.getAccuracy() + " m, at " + location.getTime());
    }
}
