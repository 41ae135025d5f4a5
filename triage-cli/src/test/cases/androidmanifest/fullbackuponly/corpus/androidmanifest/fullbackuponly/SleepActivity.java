package corpus.androidmanifest.fullbackuponly;

import android.app.Activity;
import android.os.Bundle;
import android.view.WindowManager;

/** Sleep log, kept out of screenshots. */
public class SleepActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        getWindow().setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE);
    }
}
