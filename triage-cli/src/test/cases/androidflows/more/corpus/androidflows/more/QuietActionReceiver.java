package corpus.androidflows.more;

import android.content.BroadcastReceiver;
import android.content.Context;
import android.content.Intent;
import android.util.Log;

/** Receives the app's own broadcast through its manifest intent filter's action. */
public class QuietActionReceiver extends BroadcastReceiver {
    @Override
    public void onReceive(Context context, Intent intent) {
        Log.i("QuietActionReceiver", "received " + intent.getStringExtra("id"));
    }
}
