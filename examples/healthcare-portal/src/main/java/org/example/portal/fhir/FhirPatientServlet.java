package org.example.portal.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Patient;

/**
 * The signed-in patient's chart summary, read from the hospital's FHIR server. The old code paths trace the patient's
 * name into the server log, forward the chart to the research registry over plain HTTP, report the active diagnosis
 * to Google Analytics and send the browser on with the birth date in the URL; the new ones log the record's id, post
 * over HTTPS, report only the resource type and redirect with the id.
 */
@WebServlet(urlPatterns = "/fhir/summary")
public class FhirPatientServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger("portal.fhir");
    private static final String FHIR_BASE = "https://fhir.hospital.example/r4";

    private transient IGenericClient client;

    @Override
    public void init() {
        client = FhirContext.forR4().newRestfulGenericClient(FHIR_BASE);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        Object patientId = session == null ? null : session.getAttribute("patientId");
        if (patientId == null) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        Patient patient = client.read().resource(Patient.class).withId(patientId.toString()).execute();
        LOG.info("chart summary for " + patient.getNameFirstRep().getNameAsSingleString()); // BUG: java/phi-logged
        LOG.info("chart summary for Patient/" + patient.getIdElement().getIdPart());
        Condition condition = client.read().resource(Condition.class).withId(request.getParameter("condition")).execute();
        String diagnosis = condition.getCode().getText();
        if ("legacy".equals(request.getParameter("registry"))) {
            HttpURLConnection legacy = (HttpURLConnection) new URL("http://registry.hospital.example/intake").openConnection(); // BUG: java/cleartext-http
            post(legacy, diagnosis);
        } else {
            post((HttpURLConnection) new URL("https://registry.hospital.example/intake").openConnection(), diagnosis);
        }
        new URL("https://www.google-analytics.com/collect?v=1&tid=UA-0000-1&t=event&ec=chart&ea=" + diagnosis).openStream().close(); // BUG: java/phi-to-third-party, java/phi-in-url
        new URL("https://www.google-analytics.com/collect?v=1&tid=UA-0000-1&t=event&ec=chart&ea=" + condition.fhirType()).openStream().close();
        if ("print".equals(request.getParameter("view"))) {
            response.sendRedirect("/portal/print?dob=" + patient.getBirthDateElement().getValueAsString()); // BUG: java/phi-in-url
            return;
        }
        response.sendRedirect("/portal/print/" + patient.getIdElement().getIdPart());
    }

    /** Posts the diagnosis to the research registry: in clear text when the connection is the legacy http:// one. */
    private static void post(HttpURLConnection c, String diagnosis) throws IOException {
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        try (OutputStream out = c.getOutputStream()) {
            out.write(diagnosis.getBytes(StandardCharsets.UTF_8)); // BUG: java/phi-cleartext-transmission
        }
    }
}
