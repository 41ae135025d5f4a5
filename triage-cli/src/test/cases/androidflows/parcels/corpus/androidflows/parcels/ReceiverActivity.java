package corpus.androidflows.parcels;

import android.app.Activity;
import android.os.Bundle;
import android.util.Log;

/** Reads the parcelable extra another activity of the app put in its intent. */
public class ReceiverActivity extends Activity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        DeviceRecord record = getIntent().getParcelableExtra("record", DeviceRecord.class);
        Log.i("Receiver", "device " + record.deviceId); // BUG: android/sensitive-data-logged
        Log.i("Receiver", "label " + record.label);
        Log.i("Receiver", "owner " + record.getOwner()); // BUG: android/sensitive-data-logged
        Log.i("Receiver", "room " + record.getRoom());
    }
}
