package corpus.androidflows.storage;

import android.app.Activity;
import android.database.Cursor;
import android.database.sqlite.SQLiteDatabase;
import android.os.Bundle;
import android.util.Log;

/** Reads back what LoginActivity stored, and logs it. */
public class ReportActivity extends Activity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        String device = getSharedPreferences("session", MODE_PRIVATE).getString("device", "");
        Log.i("Report", "device " + device); // BUG: android/sensitive-data-logged
        String theme = getSharedPreferences("session", MODE_PRIVATE).getString("theme", "light");
        Log.i("Report", "theme " + theme);
        SQLiteDatabase db = openOrCreateDatabase("app.db", MODE_PRIVATE, null);
        try (Cursor c = db.query("devices", new String[] {"device"}, null, null, null, null, null)) {
            while (c.moveToNext()) Log.i("Report", "row " + c.getString(0)); // BUG: android/sensitive-data-logged
        }
        try (Cursor c = db.query("tips", new String[] {"text"}, null, null, null, null, null)) {
            while (c.moveToNext()) Log.i("Report", "tip " + c.getString(0));
        }
    }
}
