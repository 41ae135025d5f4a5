package corpus.androidflows.files;

import android.app.Service;
import android.content.Intent;
import android.os.IBinder;
import android.util.Log;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;

/** A service reads the saved location file, and a file nothing in the app writes. */
public class SyncService extends Service {
    @Override
    public int onStartCommand(Intent intent, int flags, int startId) {
        try (FileInputStream in = openFileInput("where.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in))) {
            Log.d("Sync", "syncing from " + r.readLine()); // BUG: android/sensitive-data-logged
        } catch (IOException e) {
            Log.d("Sync", "no location saved");
        }
        try (FileInputStream in = openFileInput("server.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in))) {
            Log.d("Sync", "syncing with " + r.readLine());
        } catch (IOException e) {
            Log.d("Sync", "no server saved");
        }
        return START_NOT_STICKY;
    }

    @Override
    public IBinder onBind(Intent intent) {
        return null;
    }
}
