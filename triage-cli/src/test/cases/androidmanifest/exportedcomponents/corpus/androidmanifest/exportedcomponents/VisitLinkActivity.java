package corpus.androidmanifest.exportedcomponents;

import android.app.Activity;
import android.os.Bundle;
import android.view.WindowManager;

/** Opens a visit from an e-mail link. */
public class VisitLinkActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        getWindow().setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE);
    }
}
