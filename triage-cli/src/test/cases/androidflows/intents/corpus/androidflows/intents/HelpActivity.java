package corpus.androidflows.intents;

import android.app.Activity;
import android.os.Bundle;
import android.util.Log;

/** Reached through its intent filter's action with a constant topic. */
public class HelpActivity extends Activity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        Log.i("Help", "topic " + getIntent().getStringExtra("topic"));
    }
}
