package corpus.androidflows.reflectmore;

import android.app.Activity;
import android.os.Bundle;
import android.telephony.TelephonyManager;
import android.util.Log;

import java.lang.reflect.Method;

/** Reflection through class literals and getClass(), and constructors looked up and called with arguments. */
public class MirrorActivity extends Activity {
    private static final String TAG = "Mirror";

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        String imei = getSystemService(TelephonyManager.class).getImei();
        try {
            Object sink = Sink.class.getConstructor(String.class).newInstance(imei);
            Sink.class.getConstructor(String.class, int.class).newInstance(imei, 2);
            Method note = sink.getClass().getMethod("note", String.class);
            note.invoke(sink, imei);
            sink.getClass().getMethod("count", String.class).invoke(sink, imei);
            Sink.class.getMethod("shout", String.class).invoke(null, imei);

            Echo echo = new Echo();
            echo.getClass().getMethod("say", String.class).invoke(echo, imei);
            String name = getIntent().getAction();
            Method chosen = Echo.class.getDeclaredMethod(name, String.class);
            chosen.invoke(echo, "hello");
        } catch (ReflectiveOperationException e) {
            Log.w(TAG, "no reflection");
        }
    }
}
