package corpus.androidflows.passwords;

import android.app.Dialog;
import android.os.Bundle;
import android.util.Log;
import android.view.View;
import android.widget.EditText;

/** The same PIN form shown in a dialog and inflated as a view: both find the field by id. */
public class UnlockActivity extends SecureActivity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        Dialog dialog = new Dialog(this);
        dialog.setContentView(R.layout.unlock);
        EditText code = dialog.findViewById(R.id.unlock_code);
        EditText name = dialog.findViewById(R.id.unlock_name);
        Log.i("Unlock", "unlocking for " + name.getText());
        Log.i("Unlock", "unlock code " + code.getText()); // BUG: android/sensitive-data-logged
        dialog.show();

        View form = getLayoutInflater().inflate(R.layout.unlock, null);
        EditText inflated = form.findViewById(R.id.unlock_code);
        Log.w("Unlock", "code typed: " + inflated.getText().toString()); // BUG: android/sensitive-data-logged
        Log.w("Unlock", "code field shown: " + inflated.isShown());
    }
}
