package corpus.androidflows.reflectmore;

import android.util.Log;

/** Made by reflection through its constructors; its methods are called by reflection too. */
public class Sink {
    public Sink(String what) {
        Log.i("Sink", "made with " + what); // BUG: android/sensitive-data-logged
    }

    public Sink(String what, int times) {
        Log.i("Sink", "made " + times + " times");
    }

    public void count(String text) {
        Log.i("Sink", "counted a note");
    }

    public void note(String text) {
        Log.i("Sink", "note " + text); // BUG: android/sensitive-data-logged
    }

    public static void shout(String text) {
        Log.w("Sink", "shout " + text); // BUG: android/sensitive-data-logged
    }
}
