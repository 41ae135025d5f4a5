package corpus.androidflows.threads;

import android.app.Activity;
import android.os.Bundle;
import android.telephony.TelephonyManager;
import android.util.Log;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Personal data handed to other threads: Thread, Runnable, Executor. */
public class WorkActivity extends Activity {
    private static final String TAG = "Work";
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        String imei = getSystemService(TelephonyManager.class).getImei();

        new Thread(new Runnable() {
            @Override
            public void run() {
                Log.d(TAG, "thread " + imei); // BUG: android/sensitive-data-logged
            }
        }).start();
        new Thread(() -> Log.d(TAG, "thread started")).start();

        pool.submit(new Uploader(imei));
        pool.submit(new Uploader("anonymous"));
    }

    /** A Runnable that carries its input to run() on a pool thread. */
    static final class Uploader implements Runnable {
        private final String who;

        Uploader(String who) {
            this.who = who;
        }

        @Override
        public void run() {
            Log.i(TAG, "upload for " + who); // BUG: android/sensitive-data-logged
        }
    }
}
