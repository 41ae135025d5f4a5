package corpus.androidtaint.phitracker;

import android.app.Activity;
import android.os.Bundle;

/**
 * The screen that reports on a visit: the app's entry point into VisitReporter (code no component reaches is dead in
 * an Android app and reports nothing).
 */
public class VisitActivity extends Activity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        Visit v = new Visit("v-1", "J45.909", "Jane Roe", 2);
        VisitReporter r = new VisitReporter();
        r.badBreadcrumb(v);
        r.goodBreadcrumb(v);
        r.badCategorisedBreadcrumb(v);
        r.badMessage(v);
        r.badLevelledMessage(v);
        r.goodMessage(v);
        r.badTag(v);
        r.goodTag(v);
        r.badExtra(v);
        r.badException(v);
        r.goodException(v);
        r.badBreadcrumbObject(v);
    }
}
