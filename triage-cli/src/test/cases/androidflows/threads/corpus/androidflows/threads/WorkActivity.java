package corpus.androidflows.threads;

import android.app.Activity;
import android.os.AsyncTask;
import android.os.Bundle;
import android.os.Handler;
import android.os.Looper;
import android.os.Message;
import android.telephony.TelephonyManager;
import android.util.Log;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Personal data handed to other threads: Thread, Runnable, Executor, AsyncTask, Handler messages. */
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

        new LookupTask().execute(imei);
        new CountTask().execute("ten");

        Handler handler = new Handler(Looper.getMainLooper()) {
            @Override
            public void handleMessage(Message msg) {
                Log.d(TAG, "message " + msg.obj); // BUG: android/sensitive-data-logged
            }
        };
        handler.sendMessage(handler.obtainMessage(1, imei));
        Handler quiet = new Handler(Looper.getMainLooper()) {
            @Override
            public void handleMessage(Message msg) {
                Log.d(TAG, "quiet " + msg.obj);
            }
        };
        quiet.sendMessage(quiet.obtainMessage(1, "ping"));
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

    /** AsyncTask: execute's arguments become doInBackground's, its result onPostExecute's. */
    static final class LookupTask extends AsyncTask<String, Void, String> {
        @Override
        protected String doInBackground(String... ids) {
            Log.i(TAG, "looking up " + ids[0]); // BUG: android/sensitive-data-logged
            return "record of " + ids[0];
        }

        @Override
        protected void onPostExecute(String record) {
            Log.i(TAG, "found " + record); // BUG: android/sensitive-data-logged
        }
    }

    static final class CountTask extends AsyncTask<String, Void, String> {
        @Override
        protected String doInBackground(String... what) {
            Log.i(TAG, "counting " + what[0]);
            return "count " + what[0];
        }

        @Override
        protected void onPostExecute(String result) {
            Log.i(TAG, "counted " + result);
        }
    }
}
