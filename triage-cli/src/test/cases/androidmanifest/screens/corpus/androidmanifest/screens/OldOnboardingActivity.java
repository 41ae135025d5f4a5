package corpus.androidmanifest.screens;

import android.app.Activity;
import android.os.Bundle;

/** The old onboarding flow, disabled. */
public class OldOnboardingActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setTitle("OldOnboardingActivity");
    }
}
