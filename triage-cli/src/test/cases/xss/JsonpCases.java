package corpus.xss;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSONP endpoints of a vitals widget: the callback name the request gives starts the script the embedding page runs,
 * so a callback written back unchecked runs the requester's code in the portal's origin (and any page that includes
 * the script reads the signed-in patient's data). A mapping that declares no media type is written as text/html to
 * a browser as well.
 */
@RestController
public class JsonpCases {
    private static final String VITALS = "{\"pulse\":72,\"spo2\":98}";

    @GetMapping(value = "/vitals.js", produces = "application/javascript")
    public String badCallback(@RequestParam String callback) {
        return callback + "(" + VITALS + ");"; // BUG: java/xss
    }

    @GetMapping("/vitals/jsonp")
    public String badCallbackNoMediaType(@RequestParam("cb") String cb) {
        return "/**/" + cb + "(" + VITALS + ")"; // BUG: java/xss
    }

    @GetMapping(value = "/vitals/entity.js", produces = "text/javascript")
    public ResponseEntity<String> badCallbackEntity(@RequestParam String jsonp) {
        return ResponseEntity.ok(jsonp + "(" + VITALS + ")"); // BUG: java/xss
    }

    /** A callback must be a JavaScript identifier (or a dotted path of them): no call, quote or markup fits. */
    @GetMapping(value = "/vitals-checked.js", produces = "application/javascript")
    public String goodCheckedCallback(@RequestParam String callback) {
        if (!callback.matches("[A-Za-z_$][\\w$]{0,63}(?:\\.[A-Za-z_$][\\w$]{0,63}){0,3}")) {
            return "/* invalid callback */";
        }
        return "/**/" + callback + "(" + VITALS + ");";
    }

    /** The app names the callback; the request only picks one of its widgets. */
    @GetMapping(value = "/vitals-widget.js", produces = "application/javascript")
    public String goodFixedCallback(@RequestParam String widget) {
        String callback = "chart".equals(widget) ? "VitalsChart.render" : "VitalsTable.render";
        return callback + "(" + VITALS + ");";
    }

    /** The same data as JSON: fetched with CORS, never run as a script. */
    @GetMapping(value = "/vitals.json", produces = "application/json")
    public String goodJson() {
        return VITALS;
    }
}

@Controller
class JsonpPageController {
    /** A @Controller method with @ResponseBody writes the body like a @RestController's. */
    @GetMapping(value = "/legacy/vitals.js", produces = "application/x-javascript")
    @ResponseBody
    public String badLegacyCallback(@RequestParam String callback) {
        return callback + "({\"pulse\":72})"; // BUG: java/xss
    }
}
