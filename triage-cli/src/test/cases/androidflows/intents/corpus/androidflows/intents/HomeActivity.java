package corpus.androidflows.intents;

import android.app.Activity;
import android.app.PendingIntent;
import android.content.Intent;
import android.location.Location;
import android.location.LocationManager;
import android.os.Bundle;
import android.telephony.TelephonyManager;
import android.util.Log;

/** Sends personal data to other components of the same app, and harmless data to their twins. */
public class HomeActivity extends Activity {
    private static final int PICK_PLACE = 1;
    private static final int PICK_COLOUR = 2;

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        String imei = getSystemService(TelephonyManager.class).getImei();
        Location here = getSystemService(LocationManager.class).getLastKnownLocation(LocationManager.GPS_PROVIDER);

        Intent detail = new Intent(this, DetailActivity.class);
        detail.putExtra("device", imei);
        startActivity(detail);
        startActivity(new Intent(this, AboutActivity.class).putExtra("device", "none"));

        Intent map = new Intent("corpus.androidflows.intents.SHOW_MAP");
        map.setPackage(getPackageName());
        map.putExtra("lat", here.getLatitude());
        startActivity(map);
        Intent help = new Intent("corpus.androidflows.intents.SHOW_HELP");
        help.setPackage(getPackageName());
        help.putExtra("topic", "maps");
        startActivity(help);

        Bundle extras = new Bundle();
        extras.putString("where", here.toString());
        startService(new Intent(this, UploadService.class).putExtras(extras));
        Bundle plain = new Bundle();
        plain.putString("where", "home");
        startService(new Intent(this, PingService.class).putExtras(plain));

        Intent sync = new Intent();
        sync.setClass(this, SyncReceiver.class);
        sync.putExtra("id", imei);
        sendBroadcast(sync);
        Intent tick = new Intent();
        tick.setClass(this, TickReceiver.class);
        tick.putExtra("id", "tick");
        sendBroadcast(tick);

        PendingIntent later = PendingIntent.getService(this, 0,
                new Intent(this, ReminderService.class).putExtra("who", imei), PendingIntent.FLAG_IMMUTABLE);
        Log.d("Home", "scheduled " + later.hashCode());

        startActivityForResult(new Intent(this, PickerActivity.class), PICK_PLACE);
    }

    @Override
    protected void onActivityResult(int requestCode, int resultCode, Intent data) {
        super.onActivityResult(requestCode, resultCode, data);
        Log.i("Home", "picked " + data.getStringExtra("place")); // BUG: android/sensitive-data-logged
    }
}
