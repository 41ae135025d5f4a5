package corpus.androidflows.files;

import android.app.Activity;
import android.location.Location;
import android.location.LocationManager;
import android.os.Bundle;
import android.telephony.TelephonyManager;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Keeps the device id and the last location in files of the app's private storage, for other components to read. */
public class NotesActivity extends Activity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        String imei = getSystemService(TelephonyManager.class).getImei();
        Location here = getSystemService(LocationManager.class).getLastKnownLocation(LocationManager.GPS_PROVIDER);
        try (FileOutputStream out = openFileOutput("device.txt", MODE_PRIVATE)) {
            out.write(imei.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return;
        }
        try (FileOutputStream out = openFileOutput("theme.txt", MODE_PRIVATE)) {
            out.write("dark".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return;
        }
        try (PrintWriter w = new PrintWriter(new OutputStreamWriter(openFileOutput("where.txt", MODE_PRIVATE), StandardCharsets.UTF_8))) {
            w.println(here.getLatitude() + "," + here.getLongitude());
        } catch (IOException e) {
            // nothing saved
        }
    }
}
