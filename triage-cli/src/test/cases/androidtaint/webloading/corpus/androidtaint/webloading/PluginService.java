package corpus.androidtaint.webloading;

import android.app.Service;
import android.content.Intent;
import android.os.Environment;
import android.os.IBinder;

import dalvik.system.DexClassLoader;
import dalvik.system.PathClassLoader;

import java.io.File;

/** Loads plug-ins; exported. */
public class PluginService extends Service {
    @Override
    public int onStartCommand(Intent intent, int flags, int startId) {
        String path = intent.getStringExtra("plugin");
        new DexClassLoader(path, getCodeCacheDir().getPath(), null, getClassLoader()); // BUG: android/dynamic-code-loading
        File shared = new File(Environment.getExternalStorageDirectory(), "plugins/report.dex");
        new DexClassLoader(shared.getAbsolutePath(), getCodeCacheDir().getPath(), null, getClassLoader()); // BUG: android/dynamic-code-loading
        File download = new File(getExternalFilesDir(null), "update.apk");
        new PathClassLoader(download.getPath(), getClassLoader()); // BUG: android/dynamic-code-loading
        // the app's own private files: safe
        File bundled = new File(getFilesDir(), "plugins/report.dex");
        new DexClassLoader(bundled.getAbsolutePath(), getCodeCacheDir().getPath(), null, getClassLoader());
        loadNative(new File(getExternalCacheDir(), "libfilter.so").getPath());
        System.load(new File(getApplicationInfo().nativeLibraryDir, "libfilter.so").getPath());
        return START_NOT_STICKY;
    }

    private static void loadNative(String library) {
        System.load(library); // BUG: android/dynamic-code-loading
    }

    @Override
    public IBinder onBind(Intent intent) {
        return null;
    }
}
