package androidx.viewbinding;

import android.view.View;

/** The interface every generated binding class implements (bundled in the app, as the AndroidX library is). */
public interface ViewBinding {
    View getRoot();
}
