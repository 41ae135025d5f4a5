package corpus.androidflows.intents;

import android.app.Activity;
import android.content.Intent;
import android.os.Bundle;
import android.util.Log;

/** Starts a picker that returns a constant, and logs what comes back. */
public class ColourPickerActivity extends Activity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        startActivityForResult(new Intent(this, PaletteActivity.class), 7);
    }

    @Override
    protected void onActivityResult(int requestCode, int resultCode, Intent data) {
        super.onActivityResult(requestCode, resultCode, data);
        Log.i("Colour", "picked " + data.getStringExtra("colour"));
    }

    /** The palette: its result is a colour name. */
    public static class PaletteActivity extends Activity {
        @Override
        protected void onCreate(Bundle state) {
            super.onCreate(state);
            setResult(RESULT_OK, new Intent().putExtra("colour", "teal"));
            finish();
        }
    }
}
