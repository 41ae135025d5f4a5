package corpus.androidipc.pendingintent;

import android.app.AlarmManager;
import android.app.PendingIntent;
import android.content.Context;
import android.content.Intent;
import android.os.Build;

/** Appointment alarms: flags put together from a base and a version- or feature-dependent part. */
public class AppointmentScheduler {
    static final String ACTION_APPOINTMENT = "corpus.androidipc.pendingintent.APPOINTMENT";
    private final Context context;
    private final AlarmManager alarms;
    private final boolean inlineReply;

    public AppointmentScheduler(Context context, boolean inlineReply) {
        this.context = context;
        this.alarms = context.getSystemService(AlarmManager.class);
        this.inlineReply = inlineReply;
    }

    public void remind(long at) {
        int flags = PendingIntent.FLAG_UPDATE_CURRENT | (inlineReply ? PendingIntent.FLAG_MUTABLE : 0);
        Intent intent = new Intent(ACTION_APPOINTMENT);
        PendingIntent pending = PendingIntent.getBroadcast(context, 11, intent, flags); // BUG: android/mutable-pending-intent
        alarms.set(AlarmManager.RTC_WAKEUP, at, pending);
    }

    public void remindSafely(long at) {
        int flags = PendingIntent.FLAG_UPDATE_CURRENT
                | (Build.VERSION.SDK_INT >= Build.VERSION_CODES.M ? PendingIntent.FLAG_IMMUTABLE : 0);
        PendingIntent pending = PendingIntent.getBroadcast(context, 12, new Intent(ACTION_APPOINTMENT), flags);
        alarms.set(AlarmManager.RTC_WAKEUP, at, pending);
    }

    public void cancelAll() {
        PendingIntent any = PendingIntent.getBroadcast(context, 11, new Intent(ACTION_APPOINTMENT),
                PendingIntent.FLAG_NO_CREATE | PendingIntent.FLAG_IMMUTABLE);
        if (any != null) alarms.cancel(any);
    }
}
