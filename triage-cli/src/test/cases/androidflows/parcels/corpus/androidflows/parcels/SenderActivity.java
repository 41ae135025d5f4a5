package corpus.androidflows.parcels;

import android.app.Activity;
import android.content.Intent;
import android.os.Bundle;
import android.os.Parcel;
import android.telephony.TelephonyManager;
import android.util.Log;

/** Puts a parcelable holding the device id into an intent extra and into a bundle for other activities. */
public class SenderActivity extends Activity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        String imei = getSystemService(TelephonyManager.class).getImei();
        DeviceRecord record = new DeviceRecord();
        record.deviceId = imei;
        record.label = "front desk";
        record.setOwner(getSystemService(android.accounts.AccountManager.class).getAccounts()[0].name);
        record.setRoom("3B");

        Intent i = new Intent(this, ReceiverActivity.class);
        i.putExtra("record", record);
        startActivity(i);

        Intent b = new Intent(this, BundleReceiverActivity.class);
        Bundle extras = new Bundle();
        extras.putParcelable("record", record);
        b.putExtras(extras);
        startActivity(b);

        // a round trip through a parcel, written and read in order
        Parcel p = Parcel.obtain();
        record.writeToParcel(p, 0);
        p.setDataPosition(0);
        DeviceRecord copy = DeviceRecord.CREATOR.createFromParcel(p);
        Log.i("Sender", "copied id " + copy.deviceId); // BUG: android/sensitive-data-logged
        Log.i("Sender", "copied label " + copy.label);
        p.recycle();

        Parcel q = Parcel.obtain();
        q.writeString("clinic");
        q.writeString(imei);
        q.setDataPosition(0);
        String first = q.readString();
        String second = q.readString();
        Log.i("Sender", "first " + first);
        Log.i("Sender", "second " + second); // BUG: android/sensitive-data-logged
        q.recycle();
    }
}
