package corpus.androidflows.lifecycle;

import android.app.Activity;
import android.os.Bundle;
import android.util.Log;

/** Only a tab index goes into the instance state: nothing personal comes back. */
public class QuietStateActivity extends Activity {
    @Override
    protected void onSaveInstanceState(Bundle out) {
        super.onSaveInstanceState(out);
        out.putString("tab", "history");
    }

    @Override
    protected void onRestoreInstanceState(Bundle saved) {
        super.onRestoreInstanceState(saved);
        Log.d("State", "restored tab " + saved.getString("tab"));
    }

    @Override
    protected void onCreate(Bundle saved) {
        super.onCreate(saved);
        if (saved != null) Log.d("State", "created again on " + saved.getString("tab"));
    }
}
