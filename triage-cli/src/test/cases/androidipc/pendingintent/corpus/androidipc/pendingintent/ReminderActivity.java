package corpus.androidipc.pendingintent;

import android.app.Activity;
import android.app.AlarmManager;
import android.app.Notification;
import android.app.NotificationManager;
import android.app.PendingIntent;
import android.content.ComponentName;
import android.content.Intent;
import android.net.Uri;
import android.os.Build;
import android.os.Bundle;

public class ReminderActivity extends Activity {
    static final String ACTION_TAKE_DOSE = "corpus.androidipc.pendingintent.TAKE_DOSE";
    private static final int ALARM_FLAGS = PendingIntent.FLAG_UPDATE_CURRENT | PendingIntent.FLAG_MUTABLE;
    private static final int SAFE_FLAGS = PendingIntent.FLAG_UPDATE_CURRENT | PendingIntent.FLAG_IMMUTABLE;

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        AlarmManager alarms = getSystemService(AlarmManager.class);
        NotificationManager notifications = getSystemService(NotificationManager.class);

        // vulnerable: implicit intents, mutable
        PendingIntent dose = PendingIntent.getBroadcast(this, 1, new Intent(ACTION_TAKE_DOSE), ALARM_FLAGS); // BUG: android/mutable-pending-intent
        alarms.set(AlarmManager.RTC_WAKEUP, 0L, dose);
        Intent view = new Intent(Intent.ACTION_VIEW);
        view.setData(Uri.parse("clinic://records/42"));
        view.putExtra("patient", "42");
        PendingIntent open = PendingIntent.getActivity(this, 2, view, 0); // BUG: android/mutable-pending-intent
        Notification n = Notifications.reminder(this, new Intent(ACTION_TAKE_DOSE));
        notifications.notify(1, n);
        int legacyFlags = Build.VERSION.SDK_INT >= 31 ? PendingIntent.FLAG_MUTABLE : 0;
        PendingIntent legacy = PendingIntent.getActivity(this, 3, new Intent(), legacyFlags); // BUG: android/mutable-pending-intent

        // safe: immutable, or explicit
        PendingIntent immutable = PendingIntent.getBroadcast(this, 4, new Intent(ACTION_TAKE_DOSE), SAFE_FLAGS);
        PendingIntent explicit = PendingIntent.getActivity(this, 5, new Intent(this, RecordActivity.class), ALARM_FLAGS);
        Intent toReceiver = new Intent(ACTION_TAKE_DOSE);
        toReceiver.setPackage(getPackageName());
        PendingIntent packaged = PendingIntent.getBroadcast(this, 6, toReceiver, ALARM_FLAGS);
        Intent named = new Intent(ACTION_TAKE_DOSE).setComponent(new ComponentName(this, DoseReceiver.class));
        PendingIntent component = PendingIntent.getBroadcast(this, 7, named, 0);
        Intent byName = new Intent();
        byName.setClassName(getPackageName(), RecordActivity.class.getName());
        PendingIntent classNamed = PendingIntent.getActivity(this, 8, byName, PendingIntent.FLAG_UPDATE_CURRENT);
        int flags = Build.VERSION.SDK_INT >= Build.VERSION_CODES.M ? PendingIntent.FLAG_IMMUTABLE : 0;
        PendingIntent versioned = PendingIntent.getActivity(this, 9, new Intent(ACTION_TAKE_DOSE), flags);
        notifications.notify(2, Notifications.result(this, new Intent(this, RecordActivity.class)));
        Intent results = new Intent(ACTION_TAKE_DOSE);
        results.setClass(this, RecordActivity.class);
        notifications.notify(3, Notifications.result(this, results));
        notifications.notify(4, Notifications.reminder(this, new Intent(this, RecordActivity.class)));
        alarms.cancel(open);
        alarms.cancel(legacy);
        alarms.cancel(immutable);
        alarms.cancel(explicit);
        alarms.cancel(packaged);
        alarms.cancel(component);
        alarms.cancel(classNamed);
        alarms.cancel(versioned);
    }
}
