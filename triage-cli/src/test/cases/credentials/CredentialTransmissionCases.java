package corpus.credentials;

import okhttp3.Credentials;
import okhttp3.Request;
import org.apache.http.client.methods.HttpGet;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPSClient;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.NameValuePair;
import org.apache.http.client.entity.UrlEncodedFormEntity;
import org.apache.http.entity.StringEntity;
import org.apache.http.message.BasicNameValuePair;
import org.springframework.web.client.RestTemplate;

import javax.net.ssl.SSLSocketFactory;
import javax.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A portal that signs its users in to a lab's system with the password they typed: over http:// the password
 * crosses the network in clear text, in a header, a body, a URL or a socket. The same requests over https://, a TLS
 * socket, FTPS or to the machine itself, and a user name alone, are the safe twins. The portal's own service account
 * sent in an Authorization header (hard-coded, from the environment, computed) over http:// is as readable; over
 * https:// it is not, and other headers carry no credentials.
 */
public class CredentialTransmissionCases {
    private final RestTemplate rest = new RestTemplate();

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public void badBasicAuthHeaderOverHttp(HttpServletRequest req) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL("http://labs.example.org/api/orders").openConnection(); // BUG: java/cleartext-http
        c.setRequestProperty("Authorization", basic(req.getParameter("user"), req.getParameter("password"))); // BUG: java/credential-cleartext-transmission
        c.getResponseCode();
    }

    public void goodBasicAuthHeaderOverHttps(HttpServletRequest req) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL("https://labs.example.org/api/orders").openConnection();
        c.setRequestProperty("Authorization", basic(req.getParameter("user"), req.getParameter("password")));
        c.getResponseCode();
    }

    public void goodBasicAuthHeaderToLoopback(HttpServletRequest req) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:8081/api/orders").openConnection();
        c.setRequestProperty("Authorization", basic(req.getParameter("user"), req.getParameter("password")));
        c.getResponseCode();
    }

    public void goodUserNameHeaderOverHttp(HttpServletRequest req) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL("http://labs.example.org/api/orders").openConnection(); // BUG: java/cleartext-http
        c.setRequestProperty("X-User", req.getParameter("user"));
        c.getResponseCode();
    }

    public void badPasswordInFormBodyOverHttp(HttpServletRequest req) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL("http://labs.example.org/login").openConnection(); // BUG: java/cleartext-http
        c.setDoOutput(true);
        try (Writer w = new OutputStreamWriter(c.getOutputStream(), StandardCharsets.UTF_8)) {
            w.write("user=" + req.getParameter("user") + "&pass=" + req.getParameter("pwd")); // BUG: java/credential-cleartext-transmission
        }
    }

    public void goodPasswordInFormBodyOverHttps(HttpServletRequest req) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL("https://labs.example.org/login").openConnection();
        c.setDoOutput(true);
        try (Writer w = new OutputStreamWriter(c.getOutputStream(), StandardCharsets.UTF_8)) {
            w.write("user=" + req.getParameter("user") + "&pass=" + req.getParameter("pwd"));
        }
    }

    public void badPasswordInHttpQuery(HttpServletRequest req) throws IOException {
        String pin = req.getParameter("pin");
        new URL("http://pharmacy.example.org/unlock?pin=" + pin).openStream().close(); // BUG: java/credential-cleartext-transmission, java/cleartext-http, java/ssrf
    }

    public void badApacheHeaderOverHttp(HttpServletRequest req) throws IOException {
        HttpPost post = new HttpPost("http://registry.example.org/api/sync"); // BUG: java/cleartext-http
        post.setHeader("Authorization", "Bearer " + req.getParameter("clientSecret")); // BUG: java/credential-cleartext-transmission
    }

    public void goodApacheHeaderOverHttps(HttpServletRequest req) throws IOException {
        HttpPost post = new HttpPost("https://registry.example.org/api/sync");
        post.setHeader("Authorization", "Bearer " + req.getParameter("clientSecret"));
    }

    public void badApacheBodyOverHttp(HttpServletRequest req) throws IOException {
        HttpPost post = new HttpPost("http://registry.example.org/api/login"); // BUG: java/cleartext-http
        post.setEntity(new StringEntity("{\"password\":\"" + req.getParameter("password") + "\"}", StandardCharsets.UTF_8)); // BUG: java/credential-cleartext-transmission
    }

    public void badApacheFormOverHttp(HttpServletRequest req) throws IOException {
        HttpPost post = new HttpPost("http://registry.example.org/j_security_check"); // BUG: java/cleartext-http
        List<NameValuePair> form = new ArrayList<>();
        form.add(new BasicNameValuePair("j_username", req.getParameter("user")));
        form.add(new BasicNameValuePair("j_password", req.getParameter("password")));
        post.setEntity(new UrlEncodedFormEntity(form, StandardCharsets.UTF_8)); // BUG: java/credential-cleartext-transmission
    }

    public void goodApacheFormWithoutPasswordOverHttp(HttpServletRequest req) throws IOException {
        HttpPost post = new HttpPost("http://registry.example.org/lookup"); // BUG: java/cleartext-http
        List<NameValuePair> form = new ArrayList<>();
        form.add(new BasicNameValuePair("user", req.getParameter("user")));
        post.setEntity(new UrlEncodedFormEntity(form, StandardCharsets.UTF_8));
    }

    public void badOkHttpHeaderOverHttp(HttpServletRequest req) {
        new Request.Builder().url("http://api.example.org/records").header("Authorization", basic("portal", req.getParameter("passphrase"))).build(); // BUG: java/cleartext-http, java/credential-cleartext-transmission
    }

    public void goodOkHttpHeaderOverHttps(HttpServletRequest req) {
        new Request.Builder().url("https://api.example.org/records").header("Authorization", basic("portal", req.getParameter("passphrase"))).build();
    }

    public void badRestTemplateBodyOverHttp(HttpServletRequest req) {
        rest.postForObject("http://sso.example.org/token", "secret=" + req.getParameter("clientSecret"), String.class); // BUG: java/cleartext-http, java/credential-cleartext-transmission
    }

    public void goodRestTemplateBodyOverHttps(HttpServletRequest req) {
        rest.postForObject("https://sso.example.org/token", "secret=" + req.getParameter("clientSecret"), String.class);
    }

    public void badPasswordOnPlainSocket(HttpServletRequest req) throws IOException {
        try (Socket s = new Socket("mail.example.org", 25)) {
            s.getOutputStream().write(("AUTH PLAIN " + req.getParameter("password") + "\r\n").getBytes(StandardCharsets.US_ASCII)); // BUG: java/credential-cleartext-transmission
        }
    }

    public void goodPasswordOnTlsSocket(HttpServletRequest req) throws IOException {
        try (Socket s = SSLSocketFactory.getDefault().createSocket("mail.example.org", 465)) {
            s.getOutputStream().write(("AUTH PLAIN " + req.getParameter("password") + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
    }

    public void badFtpLogin(HttpServletRequest req) throws IOException {
        FTPClient ftp = new FTPClient();
        ftp.connect("archive.example.org");
        ftp.login(req.getParameter("user"), req.getParameter("password")); // BUG: java/credential-cleartext-transmission
    }

    public void goodFtpsLogin(HttpServletRequest req) throws IOException {
        FTPClient ftp = new FTPSClient();
        ftp.connect("archive.example.org");
        ftp.login(req.getParameter("user"), req.getParameter("password"));
    }

    private static final String SERVICE_USER = "portal-svc";
    private static final String SERVICE_PASSWORD = "Lab!2024";

    public void badHardcodedBasicAuthOverHttp() throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL("http://labs.example.org/api/results").openConnection(); // BUG: java/cleartext-http
        String token = Base64.getEncoder().encodeToString((SERVICE_USER + ":" + SERVICE_PASSWORD).getBytes(StandardCharsets.UTF_8));
        c.setRequestProperty("Authorization", "Basic " + token); // BUG: java/credential-cleartext-transmission
        c.getResponseCode();
    }

    public void goodHardcodedBasicAuthOverHttps() throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL("https://labs.example.org/api/results").openConnection();
        String token = Base64.getEncoder().encodeToString((SERVICE_USER + ":" + SERVICE_PASSWORD).getBytes(StandardCharsets.UTF_8));
        c.setRequestProperty("Authorization", "Basic " + token);
        c.getResponseCode();
    }

    public void goodAcceptHeaderOverHttp() throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL("http://labs.example.org/api/status").openConnection(); // BUG: java/cleartext-http
        c.setRequestProperty("Accept", "application/json");
        c.getResponseCode();
    }

    public void badBearerFromEnvironmentOverHttp() throws IOException {
        HttpGet get = new HttpGet("http://registry.example.org/api/patients"); // BUG: java/cleartext-http
        get.setHeader("Authorization", "Bearer " + System.getenv("REGISTRY_TOKEN")); // BUG: java/credential-cleartext-transmission
    }

    public void goodBearerFromEnvironmentOverHttps() throws IOException {
        HttpGet get = new HttpGet("https://registry.example.org/api/patients");
        get.setHeader("Authorization", "Bearer " + System.getenv("REGISTRY_TOKEN"));
    }

    public void badOkHttpComputedCredentialsOverHttp() {
        new Request.Builder().url("http://api.example.org/orders").header("Authorization", Credentials.basic(SERVICE_USER, SERVICE_PASSWORD)).build(); // BUG: java/cleartext-http, java/credential-cleartext-transmission
    }

    public void goodOkHttpComputedCredentialsToLoopback() {
        new Request.Builder().url("http://localhost:8080/orders").header("Authorization", Credentials.basic(SERVICE_USER, SERVICE_PASSWORD)).build();
    }
}
