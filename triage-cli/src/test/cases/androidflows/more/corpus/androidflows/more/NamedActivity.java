package corpus.androidflows.more;

import android.app.Activity;
import android.os.Bundle;
import android.util.Log;

/** Started by HubActivity, which names this class. */
public class NamedActivity extends Activity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        Log.i("NamedActivity", "got " + getIntent().getStringExtra("id")); // BUG: android/sensitive-data-logged
    }
}
