package corpus.androidtaint.componentinput;

import android.content.BroadcastReceiver;
import android.content.Context;
import android.content.Intent;

/** Registered by MainActivity at run time, exported. */
public class AlarmReceiver extends BroadcastReceiver {
    @Override
    public void onReceive(Context context, Intent intent) {
        MainActivity.run("am start " + intent.getStringExtra("component"));
    }
}
