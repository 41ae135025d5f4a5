package corpus.androidtaint.phitracker;

import android.app.Activity;
import android.os.Bundle;

/**
 * The screen that reports a visit: it makes the reporter live code (dead code of an Android app, reached from no
 * component, reports no taint).
 */
public class VisitActivity extends Activity {
    private final VisitReporter reporter = new VisitReporter();

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        Visit v = new Visit("v-1", "J45.909", "A. Patient", 2);
        reporter.badBreadcrumb(v);
        reporter.goodBreadcrumb(v);
        reporter.badCategorisedBreadcrumb(v);
        reporter.badMessage(v);
        reporter.badLevelledMessage(v);
        reporter.goodMessage(v);
        reporter.badTag(v);
        reporter.goodTag(v);
        reporter.badExtra(v);
        reporter.badException(v);
        reporter.goodException(v);
        reporter.badBreadcrumbObject(v);
    }
}
