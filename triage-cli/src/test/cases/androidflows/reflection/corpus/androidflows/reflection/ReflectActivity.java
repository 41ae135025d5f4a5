package corpus.androidflows.reflection;

import android.app.Activity;
import android.os.Bundle;
import android.telephony.TelephonyManager;
import android.util.Log;

import java.lang.reflect.Method;

/** Calls app methods through reflection with constant class and method names. */
public class ReflectActivity extends Activity {
    private static final String TAG = "Reflect";

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        String imei = getSystemService(TelephonyManager.class).getImei();
        try {
            Class<?> reporter = Class.forName("corpus.androidflows.reflection.Reporter");
            Method log = reporter.getMethod("log", String.class);
            log.invoke(null, imei);
            Method show = reporter.getMethod("show", String.class);
            show.invoke(null, "welcome back");

            Class<?> device = Class.forName("corpus.androidflows.reflection.DeviceInfo");
            Object serial = device.getMethod("serial").invoke(null);
            Log.i(TAG, "serial " + serial); // BUG: android/sensitive-data-logged
            Object model = device.getMethod("model").invoke(null);
            Log.i(TAG, "model " + model);

            Class<?> uploader = Class.forName("corpus.androidflows.reflection.Uploader");
            Object u = uploader.getDeclaredConstructor().newInstance();
            uploader.getMethod("send", String.class).invoke(u, imei);
            uploader.getMethod("send", String.class).invoke(u, "heartbeat");
        } catch (ReflectiveOperationException e) {
            Log.w(TAG, "no reflection");
        }
    }
}
