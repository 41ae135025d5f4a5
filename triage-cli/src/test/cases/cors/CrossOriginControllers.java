package corpus.cors;

import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** @CrossOrigin on handlers and controllers: attributes on the class and the method are joined as Spring joins them. */
public class CrossOriginControllers {
    @RestController
    @CrossOrigin(originPatterns = "*", allowCredentials = "true")
    public static class RecordsApi {
        @GetMapping("/records/{id}")
        public String record(@PathVariable String id) {
            return "{\"id\":\"" + id.length() + "\"}"; // BUG: java/cors-origin-reflection
        }

        @PostMapping("/records")
        public String create() {
            return "{}"; // BUG: java/cors-origin-reflection
        }

        /** Not a handler: no endpoint. */
        public String helper() {
            return "{}";
        }
    }

    @RestController
    public static class AppointmentsApi {
        @CrossOrigin(originPatterns = {"https://portal.clinic.example", "*"}, allowCredentials = "true")
        @GetMapping("/appointments")
        public String list() {
            return "[]"; // BUG: java/cors-origin-reflection
        }

        @CrossOrigin(originPatterns = "https://*.clinic.example", allowCredentials = "true")
        @GetMapping("/appointments/mine")
        public String mine() {
            return "[]";
        }

        /** Spring refuses "*" origins with credentials. */
        @CrossOrigin(origins = "*", allowCredentials = "true")
        @GetMapping("/appointments/legacy")
        public String legacy() {
            return "[]";
        }

        @CrossOrigin(originPatterns = "*")
        @GetMapping("/appointments/slots")
        public String slots() {
            return "[]";
        }
    }

    /** Patterns on the class, credentials on one handler: that handler allows both. */
    @RestController
    @CrossOrigin(originPatterns = "*")
    public static class LabsApi {
        @CrossOrigin(allowCredentials = "true")
        @GetMapping("/labs/mine")
        public String mine() {
            return "[]"; // BUG: java/cors-origin-reflection
        }

        @GetMapping("/labs/catalogue")
        public String catalogue() {
            return "[]";
        }

        @CrossOrigin(allowCredentials = "false")
        @GetMapping("/labs/open")
        public String open() {
            return "[]";
        }
    }
}
