package corpus.androidtaint.componentinput;

import android.app.Service;
import android.content.Intent;
import android.os.IBinder;

import java.io.File;

/** The same code, not exported. */
public class PrivateImportService extends Service {
    @Override
    public int onStartCommand(Intent intent, int flags, int startId) {
        new File(getFilesDir(), intent.getStringExtra("file")).delete();
        return START_NOT_STICKY;
    }

    @Override
    public IBinder onBind(Intent intent) {
        return null;
    }
}
