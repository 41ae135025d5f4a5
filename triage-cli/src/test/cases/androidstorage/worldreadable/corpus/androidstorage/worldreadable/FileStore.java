package corpus.androidstorage.worldreadable;

import android.content.Context;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;

/** Writes files for the app's screens; the caller chooses the mode. */
public final class FileStore {
    private FileStore() {
    }

    public static void write(Context context, String name, byte[] data, int mode) throws IOException {
        try (FileOutputStream out = context.openFileOutput(name, mode)) { // BUG: android/world-readable-file
            out.write(data);
        }
    }

    /** Only ever called with MODE_PRIVATE or MODE_APPEND. */
    public static void writePrivate(Context context, String name, byte[] data, int mode) throws IOException {
        try (FileOutputStream out = context.openFileOutput(name, mode)) {
            out.write(data);
        }
    }

    public static void share(File file) {
        file.setReadable(true, false); // BUG: android/world-readable-file
        file.setWritable(true, false); // BUG: android/world-readable-file
    }

    public static void protect(File file) {
        file.setReadable(true, true);
        file.setWritable(true);
        file.setReadable(false, false);
        file.setExecutable(true, false);
    }
}
