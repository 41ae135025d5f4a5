package corpus.androidflows.intents;

import android.app.Service;
import android.content.Intent;
import android.os.IBinder;
import android.util.Log;

/** Started later through a PendingIntent that carries the device id. */
public class ReminderService extends Service {
    @Override
    public int onStartCommand(Intent intent, int flags, int startId) {
        Log.i("Reminder", "remind " + intent.getStringExtra("who")); // BUG: android/sensitive-data-logged
        Log.i("Reminder", "remind at " + startId);
        return START_NOT_STICKY;
    }

    @Override
    public IBinder onBind(Intent intent) {
        return null;
    }
}
