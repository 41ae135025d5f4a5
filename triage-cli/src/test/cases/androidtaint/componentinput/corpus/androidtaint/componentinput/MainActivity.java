package corpus.androidtaint.componentinput;

import android.app.Activity;
import android.content.BroadcastReceiver;
import android.content.Context;
import android.content.Intent;
import android.content.IntentFilter;
import android.os.Bundle;

import java.io.IOException;

public class MainActivity extends Activity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        // registered at run time without RECEIVER_NOT_EXPORTED: any app can send to it (before Android 14)
        registerReceiver(new AlarmReceiver(), new IntentFilter("corpus.ALARM"));
        registerReceiver(new BroadcastReceiver() {
            @Override
            public void onReceive(Context context, Intent intent) {
                try {
                    Runtime.getRuntime().exec("logcat -f " + intent.getStringExtra("path")); // BUG: java/command-injection
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }, new IntentFilter("corpus.DUMP"));
        // private registrations: safe
        registerReceiver(new QuietReceiver(), new IntentFilter("corpus.QUIET"), Context.RECEIVER_NOT_EXPORTED);
        registerReceiver(new BroadcastReceiver() {
            @Override
            public void onReceive(Context context, Intent intent) {
                try {
                    Runtime.getRuntime().exec("logcat -f " + intent.getStringExtra("path"));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }, new IntentFilter("corpus.GUARDED"), "corpus.androidtaint.componentinput.SENDER", null);
    }

    static void run(String command) {
        try {
            Runtime.getRuntime().exec(command); // BUG: java/command-injection
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
