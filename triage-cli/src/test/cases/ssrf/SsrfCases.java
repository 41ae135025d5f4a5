package corpus.ssrf;

import org.apache.http.client.methods.HttpGet;
import org.springframework.web.client.RestTemplate;

import javax.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Fetches FHIR resources and lab PDFs from partner systems for the portal (javax.servlet). */
public class SsrfCases {
    private static final Map<String, String> PARTNERS = Map.of(
            "northlab", "https://fhir.northlab.example/r4",
            "cityimaging", "https://pacs.cityimaging.example/wado");
    private final RestTemplate rest = new RestTemplate();
    private final HttpClient client = HttpClient.newHttpClient();

    public URLConnection badDirect(HttpServletRequest req) throws Exception {
        String target = req.getParameter("url");
        return new URL(target).openConnection(); // BUG: java/ssrf
    }

    public HttpResponse<String> badJavaHttpClient(HttpServletRequest req) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(req.getParameter("callback"))).build(); // BUG: java/ssrf
        return client.send(r, HttpResponse.BodyHandlers.ofString());
    }

    public String badRestTemplate(HttpServletRequest req) {
        String fhirBase = req.getHeader("X-Fhir-Base");
        return rest.getForObject(fhirBase + "/Patient?identifier=123", String.class); // BUG: java/ssrf
    }

    public HttpGet badApacheHttpGet(HttpServletRequest req) {
        return new HttpGet(req.getParameter("pdf")); // BUG: java/ssrf
    }

    /** URL-encoding the host does not stop the request choosing it. */
    public URLConnection badHostUrlEncoded(HttpServletRequest req) throws Exception {
        String host = URLEncoder.encode(req.getParameter("host"), StandardCharsets.UTF_8);
        return new URL("https://" + host + "/fhir/metadata").openConnection(); // BUG: java/ssrf
    }

    public URLConnection badDecodedAndTrimmed(HttpServletRequest req) throws Exception {
        String target = URLDecoder.decode(req.getParameter("u"), StandardCharsets.UTF_8).strip();
        return new URL(new StringBuilder(target).append("/Observation").toString()).openConnection(); // BUG: java/ssrf
    }

    public URLConnection goodAllowListLookup(HttpServletRequest req) throws Exception {
        String base = PARTNERS.get(req.getParameter("partner"));
        if (base == null) return null;
        return new URL(base + "/metadata").openConnection();
    }

    public URLConnection goodNumericPathOnFixedHost(HttpServletRequest req) throws Exception {
        long id = Long.parseLong(req.getParameter("patientId"));
        return new URL("https://fhir.northlab.example/r4/Patient/" + id).openConnection();
    }

    public URLConnection goodFixedUrl(HttpServletRequest req) throws Exception {
        req.getParameter("url");
        return new URL("https://fhir.northlab.example/r4/metadata").openConnection();
    }

    public void goodDeadBranch(HttpServletRequest req) throws Exception {
        String param = req.getParameter("url");
        int num = 86; // (7 * 42) - 86 = 208 > 200: the constant branch is taken
        String bar = (7 * 42) - num > 200 ? "https://fhir.northlab.example/r4/metadata" : param;
        new URL(bar).openConnection();
    }

    public void badLiveBranch(HttpServletRequest req) throws Exception {
        String param = req.getParameter("url");
        int num = 196;
        String bar = (7 * 42) - num > 200 ? "https://fhir.northlab.example/r4/metadata" : param;
        new URL(bar).openConnection(); // BUG: java/ssrf
    }

    public void goodSwitchKnownValue(HttpServletRequest req) throws Exception {
        String param = req.getParameter("url");
        String bar;
        String guess = "ABC";
        switch (guess.charAt(2)) {
            case 'A': bar = param; break;
            case 'C': bar = "https://fhir.northlab.example/r4/metadata"; break;
            default: bar = param; break;
        }
        new URL(bar).openConnection();
    }

    public void badSwitchKnownValue(HttpServletRequest req) throws Exception {
        String param = req.getParameter("url");
        String bar;
        String guess = "ABC";
        switch (guess.charAt(1)) {
            case 'A': bar = "https://fhir.northlab.example/r4/metadata"; break;
            case 'B': bar = param; break;
            default: bar = "https://fhir.northlab.example/r4/metadata"; break;
        }
        new URL(bar).openConnection(); // BUG: java/ssrf
    }

    public void goodMapConstantKey(HttpServletRequest req) throws Exception {
        java.util.Map<String, String> map = new java.util.HashMap<>();
        map.put("keyA", "https://fhir.northlab.example/r4/metadata");
        map.put("keyB", req.getParameter("url"));
        String bar = map.get("keyA");
        new URL(bar).openConnection();
    }

    public void badMapTaintedKey(HttpServletRequest req) throws Exception {
        java.util.Map<String, String> map = new java.util.HashMap<>();
        map.put("keyA", "https://fhir.northlab.example/r4/metadata");
        map.put("keyB", req.getParameter("url"));
        String bar = map.get("keyB");
        new URL(bar).openConnection(); // BUG: java/ssrf
    }

    public void goodListAfterRemoval(HttpServletRequest req) throws Exception {
        java.util.List<String> list = new java.util.ArrayList<>();
        list.add("safe");
        list.add(req.getParameter("url"));
        list.add("https://fhir.northlab.example/r4/metadata");
        list.remove(0);
        String bar = list.get(1);
        new URL(bar).openConnection();
    }

    public void badListAfterRemoval(HttpServletRequest req) throws Exception {
        java.util.List<String> list = new java.util.ArrayList<>();
        list.add("safe");
        list.add(req.getParameter("url"));
        list.add("https://fhir.northlab.example/r4/metadata");
        list.remove(0);
        String bar = list.get(0);
        new URL(bar).openConnection(); // BUG: java/ssrf
    }
}
