package corpus.androidmanifest.lifecyclesecure;

import android.app.Activity;
import android.os.Bundle;

/** Session notes. */
public class NotesActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setTitle("NotesActivity");
    }
}
