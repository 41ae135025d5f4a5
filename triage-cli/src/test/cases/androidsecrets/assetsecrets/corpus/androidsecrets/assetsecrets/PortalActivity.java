package corpus.androidsecrets.assetsecrets;

import android.app.Activity;
import android.os.Bundle;
import android.view.WindowManager;

/** Hosts the clinic's web portal. */
public class PortalActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        getWindow().setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE);
    }
}
