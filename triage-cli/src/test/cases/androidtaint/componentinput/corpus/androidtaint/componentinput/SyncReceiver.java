package corpus.androidtaint.componentinput;

import android.content.BroadcastReceiver;
import android.content.Context;
import android.content.Intent;

import java.io.IOException;

/** Exported: any app can send it a broadcast. */
public class SyncReceiver extends BroadcastReceiver {
    @Override
    public void onReceive(Context context, Intent intent) {
        String host = intent.getStringExtra("host");
        try {
            Runtime.getRuntime().exec("ping -c 1 " + host); // BUG: java/command-injection
            Runtime.getRuntime().exec(new String[] {"ping", "-c", "1", "backup.example.org"});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
