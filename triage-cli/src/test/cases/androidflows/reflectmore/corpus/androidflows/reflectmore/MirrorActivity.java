package corpus.androidflows.reflectmore;

import android.app.Activity;
import android.os.Bundle;
import android.telephony.TelephonyManager;
import android.util.Log;

import java.lang.reflect.Field;
import java.lang.reflect.Method;

/** Reflection through class literals and getClass(): constructors called with arguments, fields by constant names. */
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

            Slot slot = new Slot(imei);
            Field secret = Slot.class.getDeclaredField("secret");
            secret.set(slot, imei);
            Log.i(TAG, "secret " + slot.secret); // BUG: android/sensitive-data-logged
            Slot.class.getDeclaredField("note").set(slot, "call back");
            Object owner = slot.getClass().getDeclaredField("owner").get(slot);
            Log.i(TAG, "owner " + owner); // BUG: android/sensitive-data-logged
            Log.i(TAG, "colour " + Slot.class.getField("colour").get(slot));
            Log.i(TAG, "note " + Slot.class.getDeclaredField("note").get(slot));

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
