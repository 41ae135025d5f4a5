package corpus.http;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPost;
import org.springframework.web.client.RestTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;

/** Calls to the lab, pharmacy and insurer systems. */
public class CleartextHttpCases {
    private static final String PHARMACY_BASE = "http://pharmacy-gateway.example.net/api";
    private static final String SECURE_PHARMACY_BASE = "https://pharmacy-gateway.example.net/api";
    private static final String FHIR_NS = "http://hl7.org/fhir";
    private final RestTemplate rest = new RestTemplate();
    private final OkHttpClient ok = new OkHttpClient();

    public URL badUrl() throws Exception {
        return new URL("http://lab.partner-hospital.example/results"); // BUG: java/cleartext-http
    }

    public HttpGet badApacheGet(String patientId) {
        return new HttpGet(PHARMACY_BASE + "/prescriptions?patient=" + patientId); // BUG: java/cleartext-http
    }

    public HttpPost badApachePost() {
        return new HttpPost("http://claims.insurer.example/submit"); // BUG: java/cleartext-http
    }

    public org.apache.hc.client5.http.classic.methods.HttpGet badApache5Get() {
        return new org.apache.hc.client5.http.classic.methods.HttpGet("http://imaging.example.org/studies"); // BUG: java/cleartext-http
    }

    public HttpRequest badJdkClient() {
        return HttpRequest.newBuilder(URI.create("http://eligibility.insurer.example/check")).GET().build(); // BUG: java/cleartext-http
    }

    public String badRestTemplate(String appointmentId) {
        return rest.getForObject("http://scheduling.example.org/appointments/" + appointmentId, String.class); // BUG: java/cleartext-http
    }

    public Request badOkHttp() {
        return new Request.Builder().url("http://lab.example.org/api/v1/results").build(); // BUG: java/cleartext-http
    }

    public URL badStringBuilder(String labId) throws Exception {
        String u = new StringBuilder("http://").append("lab.example.org").append("/results/").append(labId).toString();
        return new URL(u); // BUG: java/cleartext-http
    }

    private static String legacyInsurerEndpoint() {
        return "http://legacy.insurer.example/eligibility";
    }

    private static String insurerEndpoint() {
        return "https://api.insurer.example/eligibility";
    }

    public HttpGet badHelperReturn() {
        return new HttpGet(legacyInsurerEndpoint()); // BUG: java/cleartext-http
    }

    // ---- good ----

    public URL goodHttps() throws Exception {
        return new URL("https://lab.partner-hospital.example/results");
    }

    public HttpGet goodHttpsConstant(String patientId) {
        return new HttpGet(SECURE_PHARMACY_BASE + "/prescriptions?patient=" + patientId);
    }

    public HttpGet goodHelperReturn() {
        return new HttpGet(insurerEndpoint());
    }

    public String goodLocalhost() {
        return rest.getForObject("http://localhost:8080/actuator/health", String.class);
    }

    public HttpGet goodLoopback() {
        return new HttpGet("http://127.0.0.1:9200/_cluster/health");
    }

    public Request goodIpv6Loopback() {
        return new Request.Builder().url("http://[::1]:8081/metrics").build();
    }

    public HttpRequest goodJdkHttps() {
        return HttpRequest.newBuilder(URI.create("https://eligibility.insurer.example/check")).GET().build();
    }

    /** Namespace names look like URLs but are never fetched. */
    public Element goodNamespaces() throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = dbf.newDocumentBuilder().newDocument();
        Element patient = doc.createElementNS(FHIR_NS, "Patient");
        patient.setAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "xsi:type", "Patient");
        doc.appendChild(patient);
        return patient;
    }

    public QName goodQName() {
        return new QName("http://www.w3.org/2001/XMLSchema", "string");
    }

    public URI goodUriIdentifier() {
        return URI.create("http://terminology.hl7.org/CodeSystem/v2-0203");
    }

    /** Rejecting cleartext links mentions http:// without using it. */
    public boolean goodRejectsCleartext(String link) {
        return !link.startsWith("http://");
    }

    OkHttpClient client() {
        return ok;
    }
}
