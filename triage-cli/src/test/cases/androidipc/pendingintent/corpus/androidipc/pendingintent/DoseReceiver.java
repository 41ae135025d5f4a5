package corpus.androidipc.pendingintent;

import android.content.BroadcastReceiver;
import android.content.Context;
import android.content.Intent;

public class DoseReceiver extends BroadcastReceiver {
    @Override
    public void onReceive(Context context, Intent intent) {
    }
}
