package corpus.androidmanifest.screens;

import android.app.Activity;
import android.os.Bundle;

/** Forwards a link to the right screen; draws nothing. */
public class DeepLinkTrampoline extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setTitle("DeepLinkTrampoline");
    }
}
