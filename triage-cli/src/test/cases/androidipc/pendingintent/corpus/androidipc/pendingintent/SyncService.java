package corpus.androidipc.pendingintent;

import android.app.AlarmManager;
import android.app.PendingIntent;
import android.app.Service;
import android.content.Intent;
import android.os.Handler;
import android.os.IBinder;
import android.os.Looper;

/** Schedules the next sync from a posted task. */
public class SyncService extends Service {
    static final String ACTION_SYNC = "corpus.androidipc.pendingintent.SYNC";

    @Override
    public int onStartCommand(Intent intent, int flags, int startId) {
        AlarmManager alarms = getSystemService(AlarmManager.class);
        new Handler(Looper.getMainLooper()).post(() -> {
            PendingIntent next = PendingIntent.getService(this, 7, new Intent(ACTION_SYNC), 0); // BUG: android/mutable-pending-intent
            alarms.set(AlarmManager.RTC_WAKEUP, System.currentTimeMillis() + 3_600_000L, next);
        });
        return START_STICKY;
    }

    void scheduleExplicit(AlarmManager alarms) {
        Intent intent = new Intent(ACTION_SYNC);
        intent.setClass(this, SyncService.class);
        alarms.set(AlarmManager.RTC, 0L, PendingIntent.getService(this, 8, intent, PendingIntent.FLAG_UPDATE_CURRENT));
    }

    @Override
    public IBinder onBind(Intent intent) {
        return null;
    }
}
