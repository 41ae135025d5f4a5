package corpus.androidflows.fragments;

import android.app.Fragment;
import android.os.Bundle;
import android.util.Log;

/** Reads what its activity put into its arguments bundle. */
public class ArgumentsFragment extends Fragment {
    @Override
    public void onCreate(Bundle state) {
        super.onCreate(state);
        Bundle args = getArguments();
        Log.i("Arguments", "device " + args.getString("device")); // BUG: android/sensitive-data-logged
    }
}
