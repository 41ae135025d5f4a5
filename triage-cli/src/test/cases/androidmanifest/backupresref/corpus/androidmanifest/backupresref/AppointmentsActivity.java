package corpus.androidmanifest.backupresref;

import android.app.Activity;
import android.os.Bundle;

/** The appointments list; sets no FLAG_SECURE. */
public class AppointmentsActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setTitle("AppointmentsActivity");
    }
}
