package corpus.androidnetwork.attrwithnsc;

import android.app.Activity;
import android.os.Bundle;
import android.view.WindowManager;

/** Dental appointments. */
public class DentalActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        getWindow().setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE);
    }
}
