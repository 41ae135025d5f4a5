package corpus.androidflows.more;

import android.app.Service;
import android.content.Intent;
import android.os.Binder;
import android.os.IBinder;
import android.util.Log;

/** Bound by HubActivity with an id in the binding intent. */
public class BoundService extends Service {
    @Override
    public IBinder onBind(Intent intent) {
        Log.i("BoundService", "bound for " + intent.getStringExtra("id")); // BUG: android/sensitive-data-logged
        return new Binder();
    }
}
