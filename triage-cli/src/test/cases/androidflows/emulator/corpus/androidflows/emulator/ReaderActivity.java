package corpus.androidflows.emulator;

import android.app.Activity;
import android.os.Bundle;
import android.telephony.TelephonyManager;
import android.util.Log;

/** A static field holding the device id is overwritten with a constant before it is read. */
public class ReaderActivity extends Activity {
    static String cached;

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        cached = getSystemService(TelephonyManager.class).getImei();
        cached = "cleared";
        Log.i("Reader", "cached " + cached);
    }
}
