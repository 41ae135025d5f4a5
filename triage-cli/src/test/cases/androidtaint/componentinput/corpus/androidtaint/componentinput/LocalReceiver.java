package corpus.androidtaint.componentinput;

import android.content.BroadcastReceiver;
import android.content.Context;
import android.content.Intent;

import java.io.IOException;

/** Not exported: only this app's own broadcasts reach it. */
public class LocalReceiver extends BroadcastReceiver {
    @Override
    public void onReceive(Context context, Intent intent) {
        try {
            Runtime.getRuntime().exec("ping -c 1 " + intent.getStringExtra("host"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
