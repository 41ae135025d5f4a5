package corpus.androidflows.intents;

import android.content.BroadcastReceiver;
import android.content.Context;
import android.content.Intent;
import android.util.Log;

/** Gets the device id in an explicit broadcast. */
public class SyncReceiver extends BroadcastReceiver {
    @Override
    public void onReceive(Context context, Intent intent) {
        Log.d("Sync", "sync for " + intent.getStringExtra("id")); // BUG: android/sensitive-data-logged
    }
}
