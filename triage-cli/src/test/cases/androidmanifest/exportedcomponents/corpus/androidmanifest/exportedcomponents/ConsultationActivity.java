package corpus.androidmanifest.exportedcomponents;

import android.app.Activity;
import android.os.Bundle;
import android.view.WindowManager;

/** Video consultation. */
public class ConsultationActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        getWindow().setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE);
    }
}
