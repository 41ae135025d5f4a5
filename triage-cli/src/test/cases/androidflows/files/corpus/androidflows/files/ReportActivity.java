package corpus.androidflows.files;

import android.app.Activity;
import android.os.Bundle;
import android.util.Log;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Reads back the files NotesActivity wrote and logs them. */
public class ReportActivity extends Activity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(openFileInput("device.txt"), StandardCharsets.UTF_8))) {
            Log.i("Report", "device " + r.readLine()); // BUG: android/sensitive-data-logged
        } catch (IOException e) {
            Log.i("Report", "no device saved");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(openFileInput("theme.txt"), StandardCharsets.UTF_8))) {
            Log.i("Report", "theme " + r.readLine());
        } catch (IOException e) {
            Log.i("Report", "no theme saved");
        }
    }
}
