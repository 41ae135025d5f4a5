package corpus.androidmanifest.screens;

import android.app.Activity;
import android.os.Bundle;
import android.view.WindowManager;

/** Mood chart; the flag is set from a callback once the chart is drawn. */
public class MoodChartActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        runOnUiThread(() -> getWindow().addFlags(WindowManager.LayoutParams.FLAG_SECURE));
    }
}
