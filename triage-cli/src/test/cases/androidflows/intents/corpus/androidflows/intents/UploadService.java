package corpus.androidflows.intents;

import android.app.Service;
import android.content.Intent;
import android.os.Bundle;
import android.os.IBinder;
import android.util.Log;

/** Started with the location in a bundle of extras. */
public class UploadService extends Service {
    @Override
    public int onStartCommand(Intent intent, int flags, int startId) {
        Bundle extras = intent.getExtras();
        Log.i("Upload", "uploading " + extras.getString("where")); // BUG: android/sensitive-data-logged
        return START_NOT_STICKY;
    }

    @Override
    public IBinder onBind(Intent intent) {
        return null;
    }
}
