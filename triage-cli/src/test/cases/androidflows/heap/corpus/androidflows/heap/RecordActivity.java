package corpus.androidflows.heap;

import android.app.Activity;
import android.os.Bundle;
import android.telephony.TelephonyManager;
import android.util.Log;

/** Personal data in fields of objects, in static fields and in arrays, read in other methods. */
public class RecordActivity extends Activity {
    private static final String TAG = "Record";

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        String imei = getSystemService(TelephonyManager.class).getImei();

        Visit visit = new Visit(imei, "B12");
        report(visit);
        Holder h = new Holder();
        h.visit = visit;
        h.note = "routine";
        show(h);

        Registry.currentDevice = imei;
        Registry.currentTheme = "dark";
        new Auditor().audit();

        String[] parts = new String[3];
        parts[0] = "visit";
        parts[1] = imei;
        parts[2] = "end";
        Log.d(TAG, "first " + parts[0]);
        Log.d(TAG, "second " + parts[1]); // BUG: android/sensitive-data-logged
        String[] copy = new String[3];
        System.arraycopy(parts, 0, copy, 0, 3);
        Log.d(TAG, "copied " + copy[1]); // BUG: android/sensitive-data-logged

        String value = imei;
        Log.d(TAG, "value " + value); // BUG: android/sensitive-data-logged
        value = "overwritten";
        Log.d(TAG, "value now " + value);
    }

    private void report(Visit v) {
        Log.i(TAG, "visit by " + v.patientDevice); // BUG: android/sensitive-data-logged
        Log.i(TAG, "visit in " + v.room);
        Log.i(TAG, "device " + v.device()); // BUG: android/sensitive-data-logged
        Log.i(TAG, "room " + v.room());
    }

    private void show(Holder h) {
        Log.i(TAG, "held " + h.visit.patientDevice); // BUG: android/sensitive-data-logged
        Log.i(TAG, "held in " + h.visit.room);
        Log.i(TAG, "note " + h.note);
    }
}
