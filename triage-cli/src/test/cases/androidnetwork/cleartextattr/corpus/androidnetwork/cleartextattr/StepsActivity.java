package corpus.androidnetwork.cleartextattr;

import android.app.Activity;
import android.os.Bundle;
import android.view.WindowManager;

/** Daily steps. */
public class StepsActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        getWindow().setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE);
    }
}
