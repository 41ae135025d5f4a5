package corpus.androidflows.more;

import android.content.BroadcastReceiver;
import android.content.Context;
import android.content.Intent;
import android.util.Log;

/** Receives the app's own broadcast through its manifest intent filter's action. */
public class ActionReceiver extends BroadcastReceiver {
    @Override
    public void onReceive(Context context, Intent intent) {
        Log.i("ActionReceiver", "received " + intent.getStringExtra("id")); // BUG: android/sensitive-data-logged
    }
}
