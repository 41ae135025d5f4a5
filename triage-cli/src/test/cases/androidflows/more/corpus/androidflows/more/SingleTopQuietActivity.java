package corpus.androidflows.more;

import android.app.Activity;
import android.content.Intent;
import android.util.Log;

/** A single-top activity: a new start while it is on top arrives in onNewIntent. */
public class SingleTopQuietActivity extends Activity {
    @Override
    protected void onNewIntent(Intent intent) {
        super.onNewIntent(intent);
        Log.i("SingleTopQuietActivity", "again for " + intent.getStringExtra("id"));
    }
}
