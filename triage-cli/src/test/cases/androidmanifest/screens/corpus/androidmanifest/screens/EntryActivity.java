package corpus.androidmanifest.screens;

import android.os.Bundle;

/** One journal entry; secured by its base class. */
public class EntryActivity extends SecureActivity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setTitle(getIntent().getStringExtra("diagnosis")); // the entry's diagnosis: patient data on screen
        setTitle("Entry");
    }
}
