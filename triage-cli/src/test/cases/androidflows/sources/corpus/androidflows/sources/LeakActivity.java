package corpus.androidflows.sources;

import android.app.Activity;
import android.content.Intent;
import android.database.Cursor;
import android.location.Location;
import android.location.LocationManager;
import android.net.Uri;
import android.os.Bundle;
import android.provider.ContactsContract;
import android.telephony.SmsManager;
import android.telephony.TelephonyManager;
import android.webkit.WebView;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

/** Personal data sent where other apps or other machines can read it, each beside a harmless twin. */
public class LeakActivity extends Activity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        String phone = getSystemService(TelephonyManager.class).getLine1Number();
        Location here = getSystemService(LocationManager.class).getLastKnownLocation(LocationManager.GPS_PROVIDER);

        WebView web = new WebView(this);
        web.loadUrl("https://maps.example.org/?q=" + here.getLatitude() + "," + here.getLongitude()); // BUG: android/sensitive-data-network
        web.loadUrl("https://maps.example.org/help");

        Intent share = new Intent(Intent.ACTION_SEND);
        share.putExtra(Intent.EXTRA_TEXT, "call me on " + phone);
        sendBroadcast(share); // BUG: android/implicit-intent-leak
        Intent hello = new Intent(Intent.ACTION_SEND);
        hello.putExtra(Intent.EXTRA_TEXT, "hello");
        sendBroadcast(hello);

        try (Socket s = new Socket("relay.example.org", 443)) {
            OutputStream out = s.getOutputStream();
            out.write(phone.getBytes()); // BUG: android/sensitive-data-network
            out.write("bye".getBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }

        try (Cursor c = getContentResolver().query(ContactsContract.Contacts.CONTENT_URI, null, null, null, null)) {
            if (c != null && c.moveToFirst()) {
                String name = c.getString(c.getColumnIndexOrThrow(ContactsContract.Contacts.DISPLAY_NAME));
                SmsManager.getDefault().sendTextMessage("+15550100", null, "contact " + name, null, null); // BUG: android/sensitive-data-sms
                SmsManager.getDefault().sendTextMessage("+15550100", null, "contacts read", null, null);
            }
        }
        Uri site = Uri.parse("https://clinic.example.org/visit?phone=" + phone);
        startActivity(new Intent(Intent.ACTION_VIEW, site)); // BUG: android/implicit-intent-leak
        startActivity(new Intent(Intent.ACTION_VIEW, Uri.parse("https://clinic.example.org/")));
    }
}
