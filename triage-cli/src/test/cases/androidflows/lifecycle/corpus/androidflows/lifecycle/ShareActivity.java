package corpus.androidflows.lifecycle;

import android.app.Activity;
import android.os.Bundle;
import android.provider.Settings;
import android.util.Log;
import android.view.View;

/** Click handlers named by the layout (android:onClick), called by the framework with the clicked view. */
public class ShareActivity extends Activity {
    private String androidId;
    private String helpTopic;

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        setContentView(R.layout.share);
        androidId = Settings.Secure.getString(getContentResolver(), Settings.Secure.ANDROID_ID);
        helpTopic = "sharing";
    }

    public void onShareClicked(View v) {
        Log.i("Share", "shared by " + androidId); // BUG: android/sensitive-data-logged
    }

    public void onHelpClicked(View v) {
        Log.i("Share", "help on " + helpTopic);
    }
}
