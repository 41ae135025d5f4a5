package corpus.androidmanifest.securescreens;

import android.app.Activity;
import android.os.Bundle;
import android.text.InputType;
import android.widget.EditText;
import android.widget.TextView;

/** Opening hours, and a phone number field for a call back: nothing sensitive. */
public class ClinicMapActivity extends Activity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        TextView view = new TextView(this);
        view.setText("Mon-Fri 8:00-18:00");
        EditText phone = new EditText(this);
        phone.setInputType(InputType.TYPE_CLASS_PHONE);
        setContentView(view);
    }
}
