package corpus.androidflows.lifecycle;

import android.content.BroadcastReceiver;
import android.content.Context;
import android.content.Intent;
import android.telephony.TelephonyManager;
import android.util.Log;

/** A receiver keeps nothing between broadcasts except in static state. */
public class AlarmReceiver extends BroadcastReceiver {
    static String lastSubscriber;
    static String lastKind;

    @Override
    public void onReceive(Context context, Intent intent) {
        Log.d("Alarm", "previous alarm for " + lastSubscriber); // BUG: android/sensitive-data-logged
        Log.d("Alarm", "previous alarm kind " + lastKind);
        lastSubscriber = context.getSystemService(TelephonyManager.class).getSubscriberId();
        lastKind = "dose";
    }
}
