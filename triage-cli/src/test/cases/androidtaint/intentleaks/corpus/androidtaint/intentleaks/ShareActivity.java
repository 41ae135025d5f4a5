package corpus.androidtaint.intentleaks;

import android.app.Activity;
import android.content.Intent;
import android.database.Cursor;
import android.location.Location;
import android.location.LocationManager;
import android.os.Bundle;
import android.provider.ContactsContract;
import android.telephony.TelephonyManager;

/** Sends data to other apps with intents. */
public class ShareActivity extends Activity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        Location here = getSystemService(LocationManager.class).getLastKnownLocation(LocationManager.GPS_PROVIDER);
        Intent update = new Intent("corpus.LOCATION_UPDATE");
        update.putExtra("lat", here.getLatitude());
        sendBroadcast(update); // BUG: android/implicit-intent-leak
        Intent own = new Intent("corpus.LOCATION_UPDATE");
        own.setPackage(getPackageName());
        own.putExtra("lat", here.getLatitude());
        sendBroadcast(own);
        Intent partner = new Intent("corpus.LOCATION_UPDATE").putExtra("lon", here.getLongitude());
        sendBroadcast(partner, "corpus.androidtaint.intentleaks.PARTNER");
        Intent refresh = new Intent("corpus.REFRESH");
        refresh.putExtra("when", System.currentTimeMillis());
        sendBroadcast(refresh);

        TelephonyManager tm = getSystemService(TelephonyManager.class);
        Intent share = new Intent(Intent.ACTION_SEND);
        share.setType("text/plain");
        share.putExtra(Intent.EXTRA_TEXT, "my device " + tm.getImei());
        startActivity(share); // BUG: android/implicit-intent-leak
        Intent details = new Intent(this, ShareActivity.class);
        details.putExtra("imei", tm.getImei());
        startActivity(details);

        Cursor c = getContentResolver().query(ContactsContract.Contacts.CONTENT_URI, null, null, null, null);
        if (c.moveToFirst()) {
            announce(c.getString(0));
        }
        c.close();
        Intent pick = new Intent(Intent.ACTION_PICK);
        pick.putExtra("near", here.toString());
        startActivityForResult(pick, 7); // BUG: android/implicit-intent-leak
        forward(new Intent(this, ShareActivity.class), here);
    }

    /** An intent from elsewhere: whether it names a component cannot be seen here, so it is not judged. */
    void forward(Intent received, Location at) {
        received.putExtra("lat", at.getLatitude());
        sendBroadcast(received);
    }

    private void announce(String contact) {
        Intent i = new Intent("corpus.CONTACT_SELECTED");
        i.putExtra("name", contact);
        sendStickyBroadcast(i); // BUG: android/implicit-intent-leak
    }
}
