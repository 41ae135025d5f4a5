package corpus.androidflows.lifecycle;

import android.app.Service;
import android.content.Intent;
import android.location.Location;
import android.location.LocationManager;
import android.os.IBinder;
import android.util.Log;

/** A service that looks up the location when created and reports it when started and stopped. */
public class TrackService extends Service {
    private Location start;
    private String label;

    @Override
    public void onCreate() {
        super.onCreate();
        start = getSystemService(LocationManager.class).getLastKnownLocation(LocationManager.NETWORK_PROVIDER);
        label = "walk";
    }

    @Override
    public int onStartCommand(Intent intent, int flags, int startId) {
        Log.i("Track", "started at " + start.getLatitude()); // BUG: android/sensitive-data-logged
        Log.i("Track", "started " + label);
        return START_STICKY;
    }

    @Override
    public void onDestroy() {
        Log.i("Track", "stopped " + label);
        super.onDestroy();
    }

    @Override
    public IBinder onBind(Intent intent) {
        return null;
    }
}
