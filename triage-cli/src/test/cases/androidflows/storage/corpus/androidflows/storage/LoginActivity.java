package corpus.androidflows.storage;

import android.app.Activity;
import android.content.ContentValues;
import android.content.SharedPreferences;
import android.database.sqlite.SQLiteDatabase;
import android.os.Bundle;
import android.telephony.TelephonyManager;

/** Keeps the device id in private storage (preferences, a table) for another screen to read. */
public class LoginActivity extends Activity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        String imei = getSystemService(TelephonyManager.class).getImei();
        SharedPreferences prefs = getSharedPreferences("session", MODE_PRIVATE);
        prefs.edit().putString("device", imei).putString("theme", "dark").apply(); // BUG: android/cleartext-storage
        SQLiteDatabase db = openOrCreateDatabase("app.db", MODE_PRIVATE, null);
        ContentValues row = new ContentValues();
        row.put("device", imei);
        db.insert("devices", null, row); // BUG: android/cleartext-storage
        ContentValues tip = new ContentValues();
        tip.put("text", "drink water");
        db.insert("tips", null, tip);
    }
}
