package corpus.androidtaint.componentinput;

import android.content.BroadcastReceiver;
import android.content.Context;
import android.content.Intent;

/** Registered by MainActivity with RECEIVER_NOT_EXPORTED. */
public class QuietReceiver extends BroadcastReceiver {
    @Override
    public void onReceive(Context context, Intent intent) {
        try {
            Runtime.getRuntime().exec("am start " + intent.getStringExtra("component"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
