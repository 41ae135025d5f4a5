package corpus.androidmanifest.appaffinity;

import android.app.Activity;
import android.os.Bundle;
import android.view.WindowManager;

/** A screen of the symptom checker. */
public class SymptomsActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        getWindow().setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE);
    }
}
