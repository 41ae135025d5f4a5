package corpus.androidflows.passwords;

import android.os.Bundle;
import android.text.InputType;
import android.util.Log;
import android.view.View;
import android.widget.EditText;

/** The layout declares plain fields; the code makes one of them a password field before the user types. */
public class AccountActivity extends SecureActivity {
    private EditText phone;
    private EditText secret;

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        setContentView(R.layout.account);
        phone = (EditText) findViewById(R.id.account_phone);
        phone.setInputType(InputType.TYPE_CLASS_PHONE);
        secret = (EditText) findViewById(R.id.account_secret);
        secret.setInputType(InputType.TYPE_CLASS_TEXT | InputType.TYPE_TEXT_VARIATION_PASSWORD);
    }

    public void onSave(View button) {
        Log.i("Account", "saving phone " + phone.getText());
        Log.i("Account", "saving secret " + secret.getText()); // BUG: android/sensitive-data-logged
    }
}
