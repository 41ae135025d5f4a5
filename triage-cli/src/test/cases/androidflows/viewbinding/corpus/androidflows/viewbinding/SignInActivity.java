package corpus.androidflows.viewbinding;

import android.app.Activity;
import android.os.Bundle;
import android.util.Log;

/** Reads the sign-in form through its generated view binding. */
public class SignInActivity extends Activity {
    private SignInBinding binding;

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        binding = SignInBinding.inflate(getLayoutInflater());
        setContentView(binding.getRoot());
    }

    @Override
    protected void onResume() {
        super.onResume();
        Log.i("SignIn", "email " + binding.email.getText());
        Log.d("SignIn", "password " + binding.passwordField.getText()); // BUG: android/sensitive-data-logged
        Log.d("SignIn", "pin " + binding.pinField.getText().toString()); // BUG: android/sensitive-data-logged
        Log.d("SignIn", "web " + binding.webSecret.getText()); // BUG: android/sensitive-data-logged
        Log.d("SignIn", "voucher " + binding.voucher.getText());
    }
}
