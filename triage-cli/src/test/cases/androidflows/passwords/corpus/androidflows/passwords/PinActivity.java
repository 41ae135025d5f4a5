package corpus.androidflows.passwords;

import android.os.Bundle;
import android.telephony.SmsManager;
import android.view.View;
import android.widget.EditText;

/** A PIN field (numberPassword) found through the window at the time of the click, beside a plain note field. */
public class PinActivity extends SecureActivity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        setContentView(R.layout.pin);
    }

    public void onSendPin(View button) {
        EditText pin = getWindow().findViewById(R.id.pin);
        SmsManager.getDefault().sendTextMessage("+15550100", null, "PIN " + pin.getText(), null, null); // BUG: android/sensitive-data-sms
    }

    public void onSendNote(View button) {
        EditText note = getWindow().findViewById(R.id.note);
        SmsManager.getDefault().sendTextMessage("+15550100", null, "Note: " + note.getText(), null, null);
    }
}
