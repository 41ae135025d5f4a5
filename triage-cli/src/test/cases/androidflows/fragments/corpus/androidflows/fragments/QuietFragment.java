package corpus.androidflows.fragments;

import android.app.Fragment;
import android.os.Bundle;
import android.util.Log;

/** Its activity only ever gives it a theme name in its arguments. */
public class QuietFragment extends Fragment {
    @Override
    public void onStart() {
        super.onStart();
        Log.i("Quiet", "theme " + getArguments().getString("theme"));
    }
}
