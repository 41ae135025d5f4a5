package corpus.androidflows.lifecycle;

import android.app.Activity;
import android.content.BroadcastReceiver;
import android.content.Context;
import android.content.Intent;
import android.content.IntentFilter;
import android.hardware.Sensor;
import android.hardware.SensorEvent;
import android.hardware.SensorEventListener;
import android.hardware.SensorManager;
import android.location.Location;
import android.location.LocationListener;
import android.location.LocationManager;
import android.os.Bundle;
import android.telephony.TelephonyManager;
import android.util.Log;
import android.view.View;
import android.widget.Button;

/** Data kept in fields between lifecycle methods and read by the callbacks the activity registers. */
public class VisitActivity extends Activity {
    private static final String TAG = "Visit";
    private String deviceId;
    private String clinicName;
    private Location lastFix;
    private String mode;

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        TelephonyManager tm = getSystemService(TelephonyManager.class);
        deviceId = tm.getDeviceId();
        clinicName = "North clinic";
        Button send = new Button(this);
        send.setOnClickListener(new View.OnClickListener() {
            @Override
            public void onClick(View v) {
                Log.i(TAG, "sending for " + deviceId); // BUG: android/sensitive-data-logged
            }
        });
        Button about = new Button(this);
        about.setOnClickListener(new View.OnClickListener() {
            @Override
            public void onClick(View v) {
                Log.i(TAG, "about " + clinicName);
            }
        });
        send.setOnLongClickListener(v -> {
            Log.i(TAG, "held by " + deviceId); // BUG: android/sensitive-data-logged
            return true;
        });
        about.setOnLongClickListener(v -> {
            Log.i(TAG, "held on " + clinicName);
            return true;
        });
        LocationManager lm = getSystemService(LocationManager.class);
        lm.requestLocationUpdates(LocationManager.GPS_PROVIDER, 1000L, 1f, new LocationListener() {
            @Override
            public void onLocationChanged(Location location) {
                lastFix = location;
                mode = "tracking";
            }
        });
        SensorManager sensors = getSystemService(SensorManager.class);
        sensors.registerListener(new SensorEventListener() {
            @Override
            public void onSensorChanged(SensorEvent event) {
                Log.d(TAG, "step near " + lastFix); // BUG: android/sensitive-data-logged
                Log.d(TAG, "step while " + mode);
            }

            @Override
            public void onAccuracyChanged(Sensor sensor, int accuracy) {
            }
        }, sensors.getDefaultSensor(Sensor.TYPE_STEP_COUNTER), SensorManager.SENSOR_DELAY_NORMAL);
        registerReceiver(new BroadcastReceiver() {
            @Override
            public void onReceive(Context context, Intent intent) {
                Log.w(TAG, "battery low on " + deviceId); // BUG: android/sensitive-data-logged
                Log.w(TAG, "battery low at " + clinicName);
            }
        }, new IntentFilter(Intent.ACTION_BATTERY_LOW), Context.RECEIVER_NOT_EXPORTED);
    }

    @Override
    protected void onStart() {
        super.onStart();
        Log.v(TAG, "start " + clinicName);
    }

    @Override
    protected void onResume() {
        super.onResume();
        Log.v(TAG, "resume " + deviceId); // BUG: android/sensitive-data-logged
    }

    @Override
    protected void onPause() {
        Log.v(TAG, "paused at " + lastFix); // BUG: android/sensitive-data-logged
        Log.v(TAG, "paused in " + mode);
        super.onPause();
    }

    @Override
    protected void onRestart() {
        super.onRestart();
        Log.v(TAG, "restart " + clinicName);
    }

    @Override
    protected void onStop() {
        Log.v(TAG, "stop " + mode);
        super.onStop();
    }

    @Override
    protected void onDestroy() {
        Log.v(TAG, "destroy " + deviceId); // BUG: android/sensitive-data-logged
        super.onDestroy();
    }
}
