package corpus.androidflows.reflectmore;

import android.util.Log;

/** Has a method that would leak what it is given; reflection names it only with a name the app reads at run time. */
public class Echo {
    public void say(String text) {
        Log.i("Echo", "said something");
    }

    void repeat(String text) {
        Log.i("Echo", "repeated " + text);
    }
}
