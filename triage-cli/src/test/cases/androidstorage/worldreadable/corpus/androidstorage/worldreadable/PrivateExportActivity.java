package corpus.androidstorage.worldreadable;

import android.app.Activity;
import android.content.Context;
import android.content.SharedPreferences;
import android.os.Bundle;

import java.io.FileOutputStream;
import java.io.IOException;

/** Safe: private and append modes; the mode from a preference is not a known world-readable constant. */
public class PrivateExportActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        SharedPreferences prefs = getSharedPreferences("export", MODE_PRIVATE);
        try (FileOutputStream out = openFileOutput("export.csv", Context.MODE_PRIVATE)) {
            out.write("Jane Doe".getBytes());
            FileOutputStream log = openFileOutput("export.log", MODE_APPEND);
            log.close();
            FileStore.writePrivate(this, "notes.txt", new byte[0], MODE_APPEND);
            FileStore.write(this, "draft.txt", new byte[0], MODE_PRIVATE);
        } catch (IOException e) {
            finish();
        }
        getDir("cache", MODE_PRIVATE);
        openOrCreateDatabase("records.db", MODE_PRIVATE, null).close();
        getPreferences(prefs.getInt("mode", MODE_PRIVATE));
    }
}
