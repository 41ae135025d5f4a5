package corpus.androidflows.more;

import android.app.Activity;
import android.content.ComponentName;
import android.content.Context;
import android.content.Intent;
import android.content.ServiceConnection;
import android.location.Location;
import android.location.LocationManager;
import android.os.AsyncTask;
import android.os.Bundle;
import android.os.Handler;
import android.os.IBinder;
import android.os.Looper;
import android.os.Message;
import android.telephony.TelephonyManager;
import android.util.Log;

/** More ways one part of the app hands data to another, each beside a harmless twin. */
public class HubActivity extends Activity {
    private static final String TAG = "Hub";
    private final ServiceConnection connection = new ServiceConnection() {
        @Override
        public void onServiceConnected(ComponentName name, IBinder service) {
        }

        @Override
        public void onServiceDisconnected(ComponentName name) {
        }
    };

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        String imei = getSystemService(TelephonyManager.class).getImei();
        Location here = getSystemService(LocationManager.class).getLastKnownLocation(LocationManager.GPS_PROVIDER);

        bindService(new Intent(this, BoundService.class).putExtra("id", imei), connection, Context.BIND_AUTO_CREATE);
        bindService(new Intent(this, BoundQuietService.class).putExtra("id", "guest"), connection, Context.BIND_AUTO_CREATE);

        Intent named = new Intent();
        named.setClassName(this, "corpus.androidflows.more.NamedActivity");
        named.putExtra("id", imei);
        startActivity(named);
        Intent namedQuiet = new Intent();
        namedQuiet.setClassName(this, "corpus.androidflows.more.NamedQuietActivity");
        namedQuiet.putExtra("id", "guest");
        startActivity(namedQuiet);

        Intent component = new Intent();
        component.setComponent(new ComponentName(this, ComponentActivity.class));
        component.putExtra("where", here.getLongitude());
        startActivity(component);
        Intent componentQuiet = new Intent();
        componentQuiet.setComponent(new ComponentName(this, ComponentQuietActivity.class));
        componentQuiet.putExtra("where", 0.0);
        startActivity(componentQuiet);

        Intent refresh = new Intent("corpus.androidflows.more.REFRESH");
        refresh.setPackage(getPackageName());
        refresh.putExtra("id", imei);
        sendBroadcast(refresh);
        Intent ping = new Intent("corpus.androidflows.more.PING");
        ping.setPackage(getPackageName());
        ping.putExtra("id", "ping");
        sendBroadcast(ping);

        startActivity(new Intent(this, SingleTopActivity.class).putExtra("id", imei));
        startActivity(new Intent(this, SingleTopQuietActivity.class).putExtra("id", "top"));

        startService(new Intent(this, ImportService.class).putExtra("where", here.toString()));
        startService(new Intent(this, ImportQuietService.class).putExtra("where", "nowhere"));

        new ReportTask().executeOnExecutor(AsyncTask.THREAD_POOL_EXECUTOR, imei);
        new QuietTask().executeOnExecutor(AsyncTask.THREAD_POOL_EXECUTOR, "none");

        Handler later = new Handler(Looper.getMainLooper()) {
            @Override
            public void handleMessage(Message msg) {
                Log.d(TAG, "later " + msg.obj); // BUG: android/sensitive-data-logged
            }
        };
        later.sendMessageDelayed(Message.obtain(later, 2, here), 1000L);
        Handler tick = new Handler(Looper.getMainLooper()) {
            @Override
            public void handleMessage(Message msg) {
                Log.d(TAG, "tick " + msg.obj);
            }
        };
        tick.sendMessageDelayed(Message.obtain(tick, 2, "tick"), 1000L);
    }

    static final class ReportTask extends AsyncTask<String, Void, Void> {
        @Override
        protected Void doInBackground(String... ids) {
            Log.i(TAG, "report " + ids[0]); // BUG: android/sensitive-data-logged
            return null;
        }
    }

    static final class QuietTask extends AsyncTask<String, Void, Void> {
        @Override
        protected Void doInBackground(String... ids) {
            Log.i(TAG, "quiet " + ids[0]);
            return null;
        }
    }
}
