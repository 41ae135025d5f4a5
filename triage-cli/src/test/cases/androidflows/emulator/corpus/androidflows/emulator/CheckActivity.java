package corpus.androidflows.emulator;

import android.app.Activity;
import android.os.Build;
import android.os.Bundle;
import android.telephony.TelephonyManager;
import android.util.Log;

/** Leaks only when the device does not look like an emulator; still a leak. */
public class CheckActivity extends Activity {
    private static String last;

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        String imei = getSystemService(TelephonyManager.class).getImei();
        if (!Build.FINGERPRINT.startsWith("generic") && !Build.MODEL.contains("Emulator")
                && !"google_sdk".equals(Build.PRODUCT)) {
            Log.i("Check", "real device " + imei); // BUG: android/sensitive-data-logged
        }
        if (Build.HARDWARE.contains("goldfish") || Build.BRAND.startsWith("generic")) {
            return;
        }
        Log.i("Check", "not goldfish " + imei); // BUG: android/sensitive-data-logged

        Shared.device = imei;
        Shared.theme = "dark";
        startService(new android.content.Intent(this, UploadService.class));

        last = imei;
        last = "none";
        Log.i("Check", "last " + last);
    }
}
