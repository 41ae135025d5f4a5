package corpus.androidflows.intents;

import android.content.BroadcastReceiver;
import android.content.Context;
import android.content.Intent;
import android.util.Log;

/** Gets a constant in an explicit broadcast. */
public class TickReceiver extends BroadcastReceiver {
    @Override
    public void onReceive(Context context, Intent intent) {
        Log.d("Tick", "tick " + intent.getStringExtra("id"));
    }
}
