package corpus.androidipc.pendingintent;

import android.app.Notification;
import android.app.PendingIntent;
import android.content.Context;
import android.content.Intent;

/** Builds the app's notifications; callers give the intent the notification opens. */
public final class Notifications {
    private Notifications() {
    }

    public static Notification reminder(Context context, Intent open) {
        PendingIntent content = PendingIntent.getActivity(context, 0, open, PendingIntent.FLAG_UPDATE_CURRENT); // BUG: android/mutable-pending-intent
        return new Notification.Builder(context, "reminders")
                .setContentTitle("Time for your medication")
                .setContentIntent(content)
                .build();
    }

    /** Every caller passes an explicit intent. */
    public static Notification result(Context context, Intent open) {
        PendingIntent content = PendingIntent.getActivity(context, 1, open, PendingIntent.FLAG_UPDATE_CURRENT);
        return new Notification.Builder(context, "results")
                .setContentTitle("New lab result")
                .setContentIntent(content)
                .build();
    }
}
