package corpus.androidipc.pendingintent;

import android.app.Activity;

public class RecordActivity extends Activity {
}
