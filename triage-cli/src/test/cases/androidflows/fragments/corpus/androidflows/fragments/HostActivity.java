package corpus.androidflows.fragments;

import android.app.Activity;
import android.os.Bundle;
import android.telephony.TelephonyManager;

/** Adds its fragments with a transaction; one of them gets the device id in its arguments. */
public class HostActivity extends Activity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        String imei = getSystemService(TelephonyManager.class).getImei();
        ArgumentsFragment withDevice = new ArgumentsFragment();
        Bundle args = new Bundle();
        args.putString("device", imei);
        withDevice.setArguments(args);
        QuietFragment plain = new QuietFragment();
        Bundle theme = new Bundle();
        theme.putString("theme", "dark");
        plain.setArguments(theme);
        getFragmentManager().beginTransaction()
                .add(android.R.id.content, withDevice)
                .add(android.R.id.content, plain)
                .add(android.R.id.content, new LifecycleFragment())
                .commit();
    }
}
