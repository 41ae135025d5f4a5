package corpus.headerinjection;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/** Spring MVC document downloads; response headers are set in helpers and nested classes. */
@RestController
public class HeaderHelperCases {
    private String lastTrace;
    private final String poweredBy = "riverside-portal";

    interface HeaderWriter {
        void write(HttpServletResponse resp, String value);
    }

    static void attachment(HttpServletResponse resp, String name) {
        resp.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\""); // BUG: java/header-injection
    }

    static void attachmentEncoded(HttpServletResponse resp, String name) {
        resp.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8));
    }

    @GetMapping("/download")
    public void badStaticHelper(@RequestParam String name, HttpServletResponse resp) {
        attachment(resp, name);
    }

    @GetMapping("/download-safe")
    public void goodStaticHelperEncodes(@RequestParam String name, HttpServletResponse resp) {
        attachmentEncoded(resp, name);
    }

    void trace(HttpServletResponse resp, String id) {
        resp.addHeader("X-Trace-Id", id); // BUG: java/header-injection
    }

    @GetMapping("/traced")
    public void badInstanceHelper(@RequestHeader("X-Request-Id") String id, HttpServletResponse resp) {
        trace(resp, id);
    }

    @GetMapping("/traced-safe")
    public void goodInstanceHelperNumeric(@RequestParam String seq, HttpServletResponse resp) {
        trace(resp, Long.toString(Long.parseLong(seq)));
    }

    @GetMapping("/cache")
    public void badOtherClass(@RequestParam String tag, HttpServletResponse resp) {
        new CacheHeaders(resp).etag(tag);
    }

    class Vary {
        void on(HttpServletResponse resp, String header) {
            resp.setHeader("Vary", header); // BUG: java/header-injection
        }
    }

    @GetMapping("/vary")
    public void badInnerClass(@RequestParam String by, HttpServletResponse resp) {
        new Vary().on(resp, by);
    }

    @GetMapping("/anon")
    public void badAnonymousClass(@RequestParam String clinic, HttpServletResponse resp) {
        HeaderWriter w = new HeaderWriter() {
            @Override
            public void write(HttpServletResponse r, String value) {
                r.setHeader("X-Clinic", value); // BUG: java/header-injection
            }
        };
        w.write(resp, clinic);
    }

    @GetMapping("/lambda")
    public void badLambda(@RequestParam String ward, HttpServletResponse resp) {
        BiConsumer<HttpServletResponse, String> w = (r, v) -> r.setHeader("X-Ward", v); // BUG: java/header-injection
        w.accept(resp, ward);
    }

    @GetMapping("/lambda-safe")
    public void goodLambdaEncodes(@RequestParam String ward, HttpServletResponse resp) {
        BiConsumer<HttpServletResponse, String> w = (r, v) -> r.setHeader("X-Ward", URLEncoder.encode(v, StandardCharsets.UTF_8));
        w.accept(resp, ward);
    }

    @GetMapping("/remember")
    public void remember(@RequestParam String trace) {
        lastTrace = trace;
    }

    public void badTaintedField(HttpServletResponse resp) {
        resp.setHeader("X-Last-Trace", lastTrace); // BUG: java/header-injection
    }

    public void goodConstantField(HttpServletResponse resp) {
        resp.setHeader("X-Powered-By", poweredBy);
    }
}

/** Cache validators for lab PDFs. */
class CacheHeaders {
    private final HttpServletResponse resp;

    CacheHeaders(HttpServletResponse resp) {
        this.resp = resp;
    }

    void etag(String tag) {
        resp.setHeader("ETag", "\"" + tag + "\""); // BUG: java/header-injection
    }
}
