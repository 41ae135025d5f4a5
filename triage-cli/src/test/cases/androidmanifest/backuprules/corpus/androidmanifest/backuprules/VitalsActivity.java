package corpus.androidmanifest.backuprules;

import android.app.Activity;
import android.os.Bundle;
import android.view.WindowManager;

/** Shows blood pressure readings; the window is kept out of screenshots. */
public class VitalsActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        getWindow().addFlags(WindowManager.LayoutParams.FLAG_SECURE);
    }
}
