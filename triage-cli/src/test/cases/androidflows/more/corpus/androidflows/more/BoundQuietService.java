package corpus.androidflows.more;

import android.app.Service;
import android.content.Intent;
import android.os.Binder;
import android.os.IBinder;
import android.util.Log;

/** Bound by HubActivity with an id in the binding intent. */
public class BoundQuietService extends Service {
    @Override
    public IBinder onBind(Intent intent) {
        Log.i("BoundQuietService", "bound for " + intent.getStringExtra("id"));
        return new Binder();
    }
}
