package corpus.phi;

import okhttp3.Request;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPSClient;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.util.UriComponentsBuilder;

import javax.net.ssl.SSLSocketFactory;
import javax.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * A portal that sends patient data to a lab, a registry and an archive: over http://, a plain socket or FTP it
 * crosses the network in clear text; in a URL it lands in access logs and browser histories. The same data in the
 * body of an https:// request, a TLS socket or FTPS, and URLs that carry only a record's id, are the safe twins.
 */
public class PhiTransmissionCases {
    private final RestTemplate rest = new RestTemplate();

    public void badMrnInHttpUrl(Patient p) throws IOException {
        new URL("http://labs.example.org/results?mrn=" + p.getIdentifierFirstRep().getValue()).openStream().close(); // BUG: java/phi-cleartext-transmission, java/phi-in-url, java/cleartext-http
    }

    public void goodIdInHttpsUrl(Patient p) throws IOException {
        new URL("https://labs.example.org/results/" + p.getIdElement().getIdPart()).openStream().close();
    }

    public void badBodyOverHttp(Patient p) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL("http://labs.example.org/orders").openConnection(); // BUG: java/cleartext-http
        c.setDoOutput(true);
        c.getOutputStream().write(p.getNameFirstRep().getNameAsSingleString().getBytes(StandardCharsets.UTF_8)); // BUG: java/phi-cleartext-transmission
    }

    public void goodBodyOverHttps(Patient p) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL("https://labs.example.org/orders").openConnection();
        c.setDoOutput(true);
        c.getOutputStream().write(p.getNameFirstRep().getNameAsSingleString().getBytes(StandardCharsets.UTF_8));
    }

    public void goodBodyToLoopback(Patient p) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL("http://localhost:8081/relay").openConnection();
        c.setDoOutput(true);
        c.getOutputStream().write(p.getNameFirstRep().getNameAsSingleString().getBytes(StandardCharsets.UTF_8));
    }

    public void badWriterOverHttp(Patient p) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL("http://registry.example.org/intake").openConnection(); // BUG: java/cleartext-http
        c.setDoOutput(true);
        try (Writer w = new OutputStreamWriter(c.getOutputStream(), StandardCharsets.UTF_8)) {
            w.write("dob=" + p.getBirthDateElement().getValueAsString()); // BUG: java/phi-cleartext-transmission
        }
    }

    public void badPlainSocket(Patient p) throws IOException {
        try (Socket s = new Socket("hl7.example.org", 2575)) {
            s.getOutputStream().write(p.getIdentifierFirstRep().getValue().getBytes(StandardCharsets.US_ASCII)); // BUG: java/phi-cleartext-transmission
        }
    }

    public void badPrintWriterOnPlainSocket(Patient p) throws IOException {
        try (Socket s = new Socket("hl7.example.org", 2575)) {
            PrintWriter out = new PrintWriter(s.getOutputStream(), true);
            out.println(p.getNameFirstRep().getFamily()); // BUG: java/phi-cleartext-transmission
        }
    }

    public void goodTlsSocket(Patient p) throws IOException {
        try (Socket s = SSLSocketFactory.getDefault().createSocket("hl7.example.org", 2576)) {
            s.getOutputStream().write(p.getIdentifierFirstRep().getValue().getBytes(StandardCharsets.US_ASCII));
        }
    }

    public void badFtpUpload(Patient p) throws IOException {
        FTPClient ftp = new FTPClient();
        ftp.connect("archive.example.org");
        ftp.storeFile("discharge.txt", new ByteArrayInputStream(p.getNameFirstRep().getNameAsSingleString().getBytes(StandardCharsets.UTF_8))); // BUG: java/phi-cleartext-transmission
    }

    public void badFtpAppend(Patient p) throws IOException {
        FTPClient ftp = new FTPClient();
        ftp.connect("archive.example.org");
        ftp.appendFile("census.txt", new ByteArrayInputStream(p.getBirthDate().toString().getBytes(StandardCharsets.UTF_8))); // BUG: java/phi-cleartext-transmission
    }

    public void goodFtpsUpload(Patient p) throws IOException {
        FTPClient ftp = new FTPSClient();
        ftp.connect("archive.example.org");
        ftp.storeFile("discharge.txt", new ByteArrayInputStream(p.getNameFirstRep().getNameAsSingleString().getBytes(StandardCharsets.UTF_8)));
    }

    public void badApacheGetOverHttp(Patient p) {
        new org.apache.http.client.methods.HttpGet("http://registry.example.org/lookup?name=" + p.getNameFirstRep().getFamily()); // BUG: java/phi-cleartext-transmission, java/phi-in-url, java/cleartext-http
    }

    public void badHttpClient5PostOverHttp(Patient p) {
        new org.apache.hc.client5.http.classic.methods.HttpPost("http://registry.example.org/intake?dob=" + p.getBirthDate()); // BUG: java/phi-cleartext-transmission, java/phi-in-url, java/cleartext-http
    }

    public void badUriCreateOverHttp(Patient p) {
        URI.create("http://registry.example.org/patients/" + p.getIdentifierFirstRep().getValue()); // BUG: java/phi-cleartext-transmission, java/phi-in-url
    }

    public void badNameInHttpsOkHttpUrl(Patient p) {
        new Request.Builder().url("https://api.example.org/patients?family=" + p.getNameFirstRep().getFamily()).build(); // BUG: java/phi-in-url
    }

    public void goodIdInHttpsOkHttpUrl(Patient p) {
        new Request.Builder().url("https://api.example.org/patients/" + p.getIdElement().getIdPart()).build();
    }

    public void badRedirectWithBirthDate(Patient p, HttpServletResponse resp) throws IOException {
        resp.sendRedirect("/portal/summary?dob=" + p.getBirthDateElement().getValueAsString()); // BUG: java/phi-in-url
    }

    public void goodRedirectWithId(Patient p, HttpServletResponse resp) throws IOException {
        resp.sendRedirect("/portal/summary/" + p.getIdElement().getIdPart());
    }

    public void badSsnInRestTemplateUrl(Patient p) {
        rest.getForObject("https://registry.example.org/lookup?ssn=" + p.getIdentifierFirstRep().getValue(), String.class); // BUG: java/phi-in-url
    }

    public void goodSsnInRestTemplateBody(Patient p) {
        rest.postForObject("https://registry.example.org/lookup", p.getIdentifierFirstRep().getValue(), String.class);
    }

    public void badQueryParam(Patient p) {
        UriComponentsBuilder.fromUriString("https://api.example.org/patients").queryParam("birthdate", p.getBirthDateElement().getValueAsString()).build(); // BUG: java/phi-in-url
    }

    public void goodQueryParamCount(Patient p) {
        UriComponentsBuilder.fromUriString("https://api.example.org/patients").queryParam("_count", 20).build();
    }

    public void badHttpsPutUrl(Patient p) {
        new org.apache.http.client.methods.HttpPut("https://registry.example.org/patients/" + p.getNameFirstRep().getFamily()); // BUG: java/phi-in-url
    }
}
