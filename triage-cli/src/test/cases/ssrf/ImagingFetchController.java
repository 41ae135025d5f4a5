package corpus.ssrf;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.function.Function;

/** Spring MVC proxy for DICOM previews; the outgoing requests are made in helpers and nested classes. */
@RestController
public class ImagingFetchController {
    private static final String PACS = "https://pacs.riverside.example/wado";
    private final RestTemplate rest = new RestTemplate();
    private String lastEndpoint;
    private final String statusUrl = "https://pacs.riverside.example/status";

    interface Fetcher {
        byte[] fetch(String url) throws IOException;
    }

    static InputStream open(String url) throws IOException {
        return new URL(url).openStream(); // BUG: java/ssrf
    }

    static InputStream openOnPacs(long studyId) throws IOException {
        return new URL(PACS + "?study=" + studyId).openStream();
    }

    @GetMapping("/preview")
    public InputStream badStaticHelper(@RequestParam String source) throws IOException {
        return open(source);
    }

    @GetMapping("/preview/{study}")
    public InputStream goodStaticHelperNumeric(@PathVariable String study) throws IOException {
        return openOnPacs(Long.parseLong(study));
    }

    String metadata(String base) {
        return rest.getForObject(base + "/metadata", String.class); // BUG: java/ssrf
    }

    @GetMapping("/fhir/metadata")
    public String badInstanceHelper(@RequestParam String base) {
        return metadata(base);
    }

    @GetMapping("/webhook")
    public void badOtherClass(@RequestParam String hook) throws IOException {
        new ResultNotifier().ping(hook);
    }

    class Thumb {
        byte[] get(String url) throws IOException {
            try (InputStream in = new URL(url).openStream()) { // BUG: java/ssrf
                return in.readAllBytes();
            }
        }
    }

    @GetMapping("/thumb")
    public byte[] badInnerClass(@RequestParam String src) throws IOException {
        return new Thumb().get(src);
    }

    @GetMapping("/anon")
    public byte[] badAnonymousClass(@RequestParam String src) throws IOException {
        Fetcher f = new Fetcher() {
            @Override
            public byte[] fetch(String url) throws IOException {
                return rest.getForObject(url, byte[].class); // BUG: java/ssrf
            }
        };
        return f.fetch(src);
    }

    @GetMapping("/lambda")
    public String badLambda(@RequestParam String host) {
        Function<String, String> url = h -> "https://" + h + "/fhir/metadata";
        return rest.getForObject(url.apply(host), String.class); // BUG: java/ssrf
    }

    @GetMapping("/lambda-safe")
    public String goodLambdaFixedHost(@RequestParam String study) {
        Function<Integer, String> url = id -> PACS + "?study=" + id;
        return rest.getForObject(url.apply(Integer.valueOf(study)), String.class);
    }

    @GetMapping("/endpoint")
    public void remember(@RequestParam String endpoint) {
        lastEndpoint = endpoint;
    }

    public String badTaintedField() {
        return rest.getForObject(lastEndpoint, String.class); // BUG: java/ssrf
    }

    public String goodConstantField() {
        return rest.getForObject(statusUrl, String.class);
    }
}

/** Notifies a partner system that a lab result is ready. */
class ResultNotifier {
    void ping(String hook) throws IOException {
        new URL(hook).openConnection().connect(); // BUG: java/ssrf
    }
}
