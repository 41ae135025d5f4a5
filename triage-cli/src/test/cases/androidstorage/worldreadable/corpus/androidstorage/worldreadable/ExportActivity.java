package corpus.androidstorage.worldreadable;

import android.app.Activity;
import android.content.Context;
import android.content.SharedPreferences;
import android.database.sqlite.SQLiteDatabase;
import android.os.Bundle;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;

/** Exports patient data so that a companion app can pick it up. */
public class ExportActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        try {
            exportCsv("Jane Doe;1970-01-01;A+");
            appendLog("export done");
        } catch (IOException e) {
            finish();
        }
        SharedPreferences session = getSharedPreferences("session", Context.MODE_WORLD_WRITEABLE); // BUG: android/world-readable-file
        session.edit().putString("token", "t").apply();
        SharedPreferences screen = getPreferences(MODE_WORLD_READABLE); // BUG: android/world-readable-file
        screen.edit().putInt("tab", 2).apply();
        File shared = getDir("shared", MODE_WORLD_READABLE | MODE_WORLD_WRITEABLE); // BUG: android/world-readable-file
        SQLiteDatabase db = openOrCreateDatabase("records.db", MODE_WORLD_READABLE, null); // BUG: android/world-readable-file
        db.close();
        new File(shared, "readme.txt").delete();
    }

    private void exportCsv(String row) throws IOException {
        try (FileOutputStream out = openFileOutput("export.csv", MODE_WORLD_READABLE)) { // BUG: android/world-readable-file
            out.write(row.getBytes());
        }
    }

    private void appendLog(String line) throws IOException {
        FileOutputStream out = openFileOutput("export.log", Context.MODE_WORLD_READABLE | Context.MODE_APPEND); // BUG: android/world-readable-file
        out.write(line.getBytes());
        out.close();
    }
}
