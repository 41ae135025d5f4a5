package corpus.androidnetwork.legacynsc;

import android.app.Activity;
import android.os.Bundle;
import android.view.WindowManager;

/** Vaccination record. */
public class VaccinesActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        getWindow().setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE);
    }
}
