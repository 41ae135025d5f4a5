package corpus.androidflows.emulator;

import android.app.Service;
import android.content.Intent;
import android.os.IBinder;
import android.util.Log;

/** Reads what an activity left in static fields. */
public class UploadService extends Service {
    @Override
    public int onStartCommand(Intent intent, int flags, int startId) {
        Log.i("Upload", "device " + Shared.device); // BUG: android/sensitive-data-logged
        Log.i("Upload", "theme " + Shared.theme);
        Log.i("Upload", "build " + Shared.BUILD_TAG); // BUG: android/sensitive-data-logged
        return START_NOT_STICKY;
    }

    @Override
    public IBinder onBind(Intent intent) {
        return null;
    }
}
