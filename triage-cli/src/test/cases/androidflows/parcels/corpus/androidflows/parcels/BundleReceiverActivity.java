package corpus.androidflows.parcels;

import android.app.Activity;
import android.os.Bundle;
import android.util.Log;

/** Reads the parcelable another activity of the app put in a bundle of extras. */
public class BundleReceiverActivity extends Activity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        Bundle extras = getIntent().getExtras();
        DeviceRecord record = extras.getParcelable("record");
        Log.i("BundleReceiver", "device " + record.deviceId); // BUG: android/sensitive-data-logged
        Log.i("BundleReceiver", "label " + record.label);
    }
}
