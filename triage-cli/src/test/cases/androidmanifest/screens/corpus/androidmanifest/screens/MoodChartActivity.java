package corpus.androidmanifest.screens;

import android.app.Activity;
import android.os.Bundle;
import android.view.WindowManager;

/** Mood chart; the flag is set from a callback once the chart is drawn. */
public class MoodChartActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setTitle(getIntent().getStringExtra("diagnosis")); // the entry's diagnosis: patient data on screen
        runOnUiThread(() -> getWindow().addFlags(WindowManager.LayoutParams.FLAG_SECURE));
    }
}
