package corpus.androidflows.more;

import android.app.IntentService;
import android.content.Intent;
import android.util.Log;

/** An IntentService started by HubActivity. */
public class ImportService extends IntentService {
    public ImportService() {
        super("ImportService");
    }

    @Override
    protected void onHandleIntent(Intent intent) {
        Log.i("ImportService", "import " + intent.getStringExtra("where")); // BUG: android/sensitive-data-logged
    }
}
