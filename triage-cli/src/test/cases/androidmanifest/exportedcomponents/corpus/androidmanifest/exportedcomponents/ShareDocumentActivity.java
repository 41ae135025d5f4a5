package corpus.androidmanifest.exportedcomponents;

import android.app.Activity;
import android.os.Bundle;

/** Receives documents other apps share. */
public class ShareDocumentActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setTitle("ShareDocumentActivity");
    }
}
