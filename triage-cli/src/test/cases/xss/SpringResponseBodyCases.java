package corpus.xss;

import org.owasp.encoder.Encode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import java.util.Map;

/**
 * A Spring MVC patient-search API whose handlers return text: Spring writes a returned String as the media type the
 * browser accepts (text/html) unless the mapping produces something else, so input echoed in it is reflected XSS.
 */
@RestController
@RequestMapping("/api/search")
public class SpringResponseBodyCases {

    @GetMapping("/greet")
    public String badEcho(@RequestParam String name) {
        return "<h1>Results for " + name + "</h1>"; // BUG: java/xss
    }

    @GetMapping("/ward/{ward}")
    public String badPathVariable(@PathVariable String ward) {
        return "No beds free in " + ward; // BUG: java/xss
    }

    /** An un-annotated String parameter of a handler is a request parameter. */
    @GetMapping("/banner")
    public String badHelper(String q) {
        return banner(q); // BUG: java/xss
    }

    private static String banner(String text) {
        return "<div class=\"banner\">" + text + "</div>";
    }

    @GetMapping("/entity")
    public ResponseEntity<String> badResponseEntity(@RequestParam String term) {
        return ResponseEntity.ok("Nothing matched " + term); // BUG: java/xss
    }

    @GetMapping("/missing")
    public ResponseEntity<String> badStatusBody(@RequestHeader("X-Patient") String patient) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body("<p>No patient " + patient + "</p>"); // BUG: java/xss
    }

    @PostMapping(value = "/preview", produces = "text/html")
    public String badExplicitHtml(@RequestBody String note) {
        return "<html><body>" + note + "</body></html>"; // BUG: java/xss
    }

    @GetMapping(value = "/json", produces = MediaType.APPLICATION_JSON_VALUE)
    public String goodJson(@RequestParam String name) {
        return "{\"name\":\"" + name.replace("\"", "") + "\"}";
    }

    @GetMapping(value = "/plain", produces = MediaType.TEXT_PLAIN_VALUE)
    public String goodPlainText(@RequestParam String name) {
        return "Results for " + name;
    }

    @GetMapping("/escaped")
    public String goodHtmlEscape(@RequestParam String name) {
        return "<h1>Results for " + HtmlUtils.htmlEscape(name) + "</h1>";
    }

    @GetMapping("/encoded")
    public ResponseEntity<String> goodOwaspEncoder(@RequestParam String term) {
        return ResponseEntity.ok("Nothing matched " + Encode.forHtml(term));
    }

    @GetMapping("/count")
    public String goodNumeric(@RequestParam String page) {
        return "Page " + Integer.parseInt(page);
    }

    /** An object is written as JSON by Jackson, never as a page. */
    @GetMapping("/map")
    public Map<String, String> goodObjectBody(@RequestParam String name) {
        return Map.of("name", name);
    }

    @GetMapping("/constant")
    public String goodConstant(@RequestParam String name) {
        return name.isEmpty() ? "empty" : "ok";
    }
}

/** Class-level produces: every handler writes JSON. */
@RestController
@RequestMapping(value = "/api/records", produces = "application/json")
class JsonRecordsApi {
    @GetMapping("/echo")
    public String goodClassLevelJson(@RequestParam String id) {
        return "{\"id\":\"" + id.replace("\"", "") + "\"}";
    }
}

/** A @Controller whose handlers render views, with one @ResponseBody handler. */
@Controller
class LegacyPortalController {
    @GetMapping("/legacy/echo")
    @ResponseBody
    public String badResponseBodyMethod(@RequestParam String msg) {
        return "<span>" + msg + "</span>"; // BUG: java/xss
    }

    @GetMapping("/legacy/ping")
    @ResponseBody
    public String goodResponseBodyConstant(@RequestParam String msg) {
        return "pong";
    }
}
