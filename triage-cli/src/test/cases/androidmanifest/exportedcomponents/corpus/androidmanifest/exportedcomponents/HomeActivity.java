package corpus.androidmanifest.exportedcomponents;

import android.app.Activity;
import android.os.Bundle;
import android.view.WindowManager;

/** Home screen with the patient's next visit. */
public class HomeActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        getWindow().setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE);
    }
}
