package corpus.androidflows.fragments;

import android.app.Fragment;
import android.content.Context;
import android.location.Location;
import android.location.LocationManager;
import android.os.Bundle;
import android.telephony.TelephonyManager;
import android.util.Log;
import android.view.LayoutInflater;
import android.view.View;
import android.view.ViewGroup;

/** Stores personal data in fields in one lifecycle callback and logs it in another. */
public class LifecycleFragment extends Fragment {
    private String device;
    private String where;
    private String greeting;

    @Override
    public void onAttach(Context context) {
        super.onAttach(context);
        device = context.getSystemService(TelephonyManager.class).getImei();
        greeting = "hello";
    }

    @Override
    public View onCreateView(LayoutInflater inflater, ViewGroup container, Bundle state) {
        Location here = getActivity().getSystemService(LocationManager.class)
                .getLastKnownLocation(LocationManager.GPS_PROVIDER);
        where = String.valueOf(here);
        return null;
    }

    @Override
    public void onResume() {
        super.onResume();
        Log.i("Lifecycle", "resumed on " + device); // BUG: android/sensitive-data-logged
        Log.i("Lifecycle", "resumed with " + greeting);
    }

    @Override
    public void onDestroyView() {
        super.onDestroyView();
        Log.i("Lifecycle", "view gone near " + where); // BUG: android/sensitive-data-logged
    }

    @Override
    public void onDetach() {
        super.onDetach();
        Log.i("Lifecycle", "detached, said " + greeting);
    }

    /** No callback calls this: code that never runs reports nothing. */
    private void dump() {
        Log.i("Lifecycle", "device " + device);
    }
}
