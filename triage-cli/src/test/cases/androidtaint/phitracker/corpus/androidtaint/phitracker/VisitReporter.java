package corpus.androidtaint.phitracker;

import io.sentry.Breadcrumb;
import io.sentry.Sentry;
import io.sentry.SentryLevel;

/**
 * Crash reporting in a patient app: breadcrumbs, messages, tags and exceptions carrying the diagnosis or the
 * patient's name go to Sentry from the phone (android/phi-to-tracker); the visit's id and counts are the safe twins.
 */
public class VisitReporter {

    public void badBreadcrumb(Visit v) {
        Sentry.addBreadcrumb("opened visit for " + v.getDiagnosis()); // BUG: android/phi-to-tracker
    }

    public void goodBreadcrumb(Visit v) {
        Sentry.addBreadcrumb("opened visit " + v.getId());
    }

    public void badCategorisedBreadcrumb(Visit v) {
        Sentry.addBreadcrumb("patient " + v.getPatientName(), "navigation"); // BUG: android/phi-to-tracker
    }

    public void badMessage(Visit v) {
        Sentry.captureMessage("no pharmacy for " + v.getPatientName()); // BUG: android/phi-to-tracker
    }

    public void badLevelledMessage(Visit v) {
        Sentry.captureMessage("unknown code " + v.getDiagnosis(), SentryLevel.WARNING); // BUG: android/phi-to-tracker
    }

    public void goodMessage(Visit v) {
        Sentry.captureMessage("visit with " + v.getMedicationCount() + " medications has no pharmacy");
    }

    public void badTag(Visit v) {
        Sentry.setTag("diagnosis", v.getDiagnosis()); // BUG: android/phi-to-tracker
    }

    public void goodTag(Visit v) {
        Sentry.setTag("visit", v.getId());
    }

    public void badExtra(Visit v) {
        Sentry.setExtra("patient", v.getPatientName()); // BUG: android/phi-to-tracker
    }

    public void badException(Visit v) {
        Sentry.captureException(new IllegalStateException("no plan for " + v.getDiagnosis())); // BUG: android/phi-to-tracker
    }

    public void goodException(Visit v) {
        Sentry.captureException(new IllegalStateException("no plan for visit " + v.getId()));
    }

    public void badBreadcrumbObject(Visit v) {
        Breadcrumb crumb = new Breadcrumb("visit of " + v.getPatientName()); // BUG: android/phi-to-tracker
        crumb.setMessage("diagnosed " + v.getDiagnosis()); // BUG: android/phi-to-tracker
        crumb.setData("diagnosis", v.getDiagnosis()); // BUG: android/phi-to-tracker
        crumb.setData("medications", v.getMedicationCount());
        Sentry.addBreadcrumb(crumb);
    }
}
