package corpus.phi;

import com.bugsnag.Bugsnag;
import com.bugsnag.Report;
import com.mixpanel.mixpanelapi.MessageBuilder;
import com.segment.analytics.Analytics;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.TrackMessage;
import io.sentry.Breadcrumb;
import io.sentry.Sentry;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Patient;
import org.json.JSONObject;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A back end instrumented with error reporting and product analytics: patient names, birth dates and diagnoses in
 * breadcrumbs, messages, event properties or a tracker's URL go to a vendor that signed no business associate
 * agreement. Record ids, counts and the app's own event names are the safe twins.
 */
public class PhiTrackerCases {
    private final Analytics segment = Analytics.builder("write-key").build();
    private final MessageBuilder mixpanel = new MessageBuilder("project-token");
    private final Bugsnag bugsnag = new Bugsnag("api-key");

    public void badSentryBreadcrumb(Patient p) {
        Sentry.addBreadcrumb("opened chart of " + p.getNameFirstRep().getNameAsSingleString()); // BUG: java/phi-to-third-party
    }

    public void goodSentryBreadcrumbWithId(Patient p) {
        Sentry.addBreadcrumb("opened chart Patient/" + p.getIdElement().getIdPart());
    }

    public void badSentryExtra(Condition c) {
        Sentry.setExtra("diagnosis", c.getCode().getCodingFirstRep().getDisplay()); // BUG: java/phi-to-third-party
    }

    public void goodSentryTag(Condition c) {
        Sentry.setTag("resource", c.fhirType());
    }

    public void badSentryMessage(Patient p) {
        Sentry.captureMessage("birth date out of range: " + p.getBirthDate()); // BUG: java/phi-to-third-party
    }

    public void badSentryException(Patient p) {
        Sentry.captureException(new IllegalStateException("duplicate record for " + p.getNameFirstRep().getFamily())); // BUG: java/phi-to-third-party
    }

    public void goodSentryExceptionWithId(Patient p) {
        Sentry.captureException(new IllegalStateException("duplicate record Patient/" + p.getIdElement().getIdPart()));
    }

    public void badBreadcrumbObject(Patient p, Condition c) {
        Breadcrumb crumb = new Breadcrumb("viewed " + p.getNameFirstRep().getFamily()); // BUG: java/phi-to-third-party
        crumb.setData("condition", c.getCode().getText()); // BUG: java/phi-to-third-party
        Sentry.addBreadcrumb(crumb);
    }

    public void badBugsnagNotify(Patient p) {
        bugsnag.notify(new RuntimeException("merge failed for " + p.getIdentifierFirstRep().getValue())); // BUG: java/phi-to-third-party
    }

    public void badBugsnagTab(Patient p, Report report) {
        report.addToTab("patient", "birthDate", p.getBirthDateElement().getValueAsString()); // BUG: java/phi-to-third-party
    }

    public void goodBugsnagTabWithId(Patient p, Report report) {
        report.addToTab("patient", "id", p.getIdElement().getIdPart());
    }

    public void badSegmentProperties(Condition c) {
        Map<String, Object> props = new HashMap<>();
        props.put("diagnosis", c.getCode().getText());
        segment.enqueue(TrackMessage.builder("Visit Completed").properties(props)); // BUG: java/phi-to-third-party
    }

    public void goodSegmentProperties(Condition c) {
        Map<String, Object> props = new HashMap<>();
        props.put("resource", c.getIdElement().getIdPart());
        segment.enqueue(TrackMessage.builder("Visit Completed").properties(props));
    }

    public void badSegmentIdentify(Patient p) {
        segment.enqueue(IdentifyMessage.builder().userId(p.getTelecomFirstRep().getValue())); // BUG: java/phi-to-third-party
    }

    public void badMixpanelEvent(Patient p, Condition c) throws Exception {
        JSONObject props = new JSONObject();
        props.put("condition", c.getCode().getText());
        mixpanel.event(p.getIdElement().getIdPart(), "Visit", props); // BUG: java/phi-to-third-party
    }

    public void goodMixpanelEvent(Patient p) throws Exception {
        JSONObject props = new JSONObject();
        props.put("visits", 3);
        mixpanel.event(p.getIdElement().getIdPart(), "Visit", props);
    }

    public void badMeasurementProtocolUrl(Condition c) throws IOException {
        new URL("https://www.google-analytics.com/collect?v=1&tid=UA-1-1&t=event&ea=" + c.getCode().getText()).openStream().close(); // BUG: java/phi-to-third-party, java/phi-in-url
    }

    public void badMeasurementProtocolBody(Condition c) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) new URL("https://www.google-analytics.com/collect").openConnection();
        conn.setDoOutput(true);
        conn.getOutputStream().write(("v=1&t=event&ea=" + c.getCode().getText()).getBytes(StandardCharsets.UTF_8)); // BUG: java/phi-to-third-party
    }

    public void goodMeasurementProtocolBody(Condition c) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) new URL("https://www.google-analytics.com/collect").openConnection();
        conn.setDoOutput(true);
        conn.getOutputStream().write(("v=1&t=event&ea=visit&el=" + c.fhirType()).getBytes(StandardCharsets.UTF_8));
    }
}
