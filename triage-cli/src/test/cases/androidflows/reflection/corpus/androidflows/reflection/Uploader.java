package corpus.androidflows.reflection;

import android.util.Log;

/** Made and called through reflection. */
public class Uploader {
    public void send(String payload) {
        Log.d("Uploader", "sending " + payload); // BUG: android/sensitive-data-logged
    }
}
