package corpus.androidflows.passwords;

import android.content.Intent;
import android.content.SharedPreferences;
import android.os.Bundle;
import android.widget.EditText;

/** A web password (textWebPassword) and a legacy android:password field leave the screen; the user name may. */
public class PortalActivity extends SecureActivity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        setContentView(R.layout.portal);
    }

    @Override
    protected void onPause() {
        super.onPause();
        EditText user = (EditText) findViewById(R.id.portal_user);
        EditText password = (EditText) findViewById(R.id.portal_password);
        SharedPreferences.Editor prefs = getSharedPreferences("portal", MODE_PRIVATE).edit();
        prefs.putString("user", user.getText().toString());
        prefs.putString("password", password.getText().toString()); // BUG: android/cleartext-storage
        prefs.apply();
    }

    @Override
    protected void onStop() {
        super.onStop();
        EditText recovery = (EditText) findViewById(R.id.recovery_code);
        Intent share = new Intent(Intent.ACTION_SEND);
        share.putExtra(Intent.EXTRA_TEXT, recovery.getText().toString());
        sendBroadcast(share); // BUG: android/implicit-intent-leak
        Intent own = new Intent(this, LoginActivity.class);
        own.putExtra("recovery", recovery.getText().toString());
        startActivity(own);
    }
}
