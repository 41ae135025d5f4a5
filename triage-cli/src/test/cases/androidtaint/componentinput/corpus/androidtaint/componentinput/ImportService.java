package corpus.androidtaint.componentinput;

import android.app.Service;
import android.content.Intent;
import android.os.IBinder;

import java.io.File;

/** Started by any app through its intent filter. */
public class ImportService extends Service {
    @Override
    public int onStartCommand(Intent intent, int flags, int startId) {
        String name = intent.getStringExtra("file");
        File report = new File(getFilesDir(), name);
        report.delete(); // BUG: java/path-traversal
        File fixed = new File(getFilesDir(), "import.csv");
        fixed.delete();
        return START_NOT_STICKY;
    }

    @Override
    public IBinder onBind(Intent intent) {
        return null;
    }
}
