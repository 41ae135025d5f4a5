package corpus.androidstorage.worldreadable;

import android.app.Service;
import android.content.Intent;
import android.os.IBinder;

import java.io.IOException;

/** A service writes the sync snapshot with a mode kept in a constant. */
public class SyncService extends Service {
    static final int SNAPSHOT_MODE = MODE_WORLD_READABLE;
    static final int CACHE_MODE = MODE_PRIVATE;

    @Override
    public int onStartCommand(Intent intent, int flags, int startId) {
        try {
            FileStore.write(this, "snapshot.json", "{}".getBytes(), SNAPSHOT_MODE);
            FileStore.writePrivate(this, "cache.json", "{}".getBytes(), CACHE_MODE);
        } catch (IOException e) {
            stopSelf();
        }
        return START_NOT_STICKY;
    }

    @Override
    public IBinder onBind(Intent intent) {
        return null;
    }
}
