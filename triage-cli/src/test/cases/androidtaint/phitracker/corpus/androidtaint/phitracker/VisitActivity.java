package corpus.androidtaint.phitracker;

import android.app.Activity;
import android.os.Bundle;

/** The screen that reports a visit: it makes every VisitReporter call reachable from the app's entry point. */
public class VisitActivity extends Activity {

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        Visit v = new Visit(getIntent().getStringExtra("id"), getIntent().getStringExtra("dx"),
                getIntent().getStringExtra("name"), getIntent().getIntExtra("medications", 0));
        VisitReporter reporter = new VisitReporter();
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
