package corpus.androidflows.more;

import android.app.IntentService;
import android.content.Intent;
import android.util.Log;

/** An IntentService started by HubActivity. */
public class ImportQuietService extends IntentService {
    public ImportQuietService() {
        super("ImportQuietService");
    }

    @Override
    protected void onHandleIntent(Intent intent) {
        Log.i("ImportQuietService", "import " + intent.getStringExtra("where"));
    }
}
