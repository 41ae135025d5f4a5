package corpus.androidflows.passwords;

import android.os.Bundle;
import android.util.Log;
import android.view.View;
import android.widget.EditText;

/** The password field (inputType textPassword) is found in onCreate and read in the click handler the layout names. */
public class LoginActivity extends SecureActivity {
    private EditText user;
    private EditText password;

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        setContentView(R.layout.login);
        user = findViewById(R.id.user);
        password = findViewById(R.id.password);
    }

    public void onSignIn(View button) {
        String name = user.getText().toString();
        String secret = password.getText().toString();
        Log.i("Login", "signing in " + name);
        Log.d("Login", "signing in with " + secret); // BUG: android/sensitive-data-logged
        Log.d("Login", "password of " + secret.length() + " characters");
    }

    /** No entry point calls this: code that never runs reports nothing. */
    private void dumpForm() {
        Log.d("Login", "password " + password.getText());
    }
}
