package corpus.androidflows.more;

import android.app.Activity;
import android.os.Bundle;
import android.util.Log;

/** Started by HubActivity, which names this class. */
public class ComponentActivity extends Activity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        Log.i("ComponentActivity", "got " + getIntent().getDoubleExtra("where", 0)); // BUG: android/sensitive-data-logged
    }
}
