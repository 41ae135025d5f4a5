package corpus.androidmanifest.securescreens;

import android.app.Activity;
import android.os.Bundle;
import android.widget.TextView;

/** Shows a patient's diagnosis: patient data on screen. */
public class ChartActivity extends Activity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        TextView view = new TextView(this);
        view.setText(new PatientRecord("J45.909").getDiagnosis());
        setContentView(view);
    }
}
