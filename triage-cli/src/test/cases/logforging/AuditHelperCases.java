package corpus.logforging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.function.Consumer;

/** Spring MVC chart-access audit; log calls happen in helpers and nested classes. */
@RestController
public class AuditHelperCases {
    private static final Logger audit = LoggerFactory.getLogger("audit");
    private String lastReason;
    private final String banner = "audit trail started";

    interface Auditor {
        void record(String who);
    }

    static void recordAccess(String who) {
        audit.info("chart accessed by " + who); // BUG: java/log-injection
    }

    static void recordAccessClean(String who) {
        audit.info("chart accessed by " + who.replace('\n', '_').replace('\r', '_'));
    }

    @GetMapping("/charts/open")
    public void badStaticHelper(@RequestParam String user) {
        recordAccess(user);
    }

    @GetMapping("/charts/open-safe")
    public void goodStaticHelperCleans(@RequestParam String user) {
        recordAccessClean(user);
    }

    void breakGlass(String reason) {
        audit.warn("break-glass access, reason: " + reason); // BUG: java/log-injection
    }

    @PostMapping("/charts/break-glass")
    public void badInstanceHelper(@RequestBody String reason) {
        breakGlass(reason);
    }

    @GetMapping("/charts/{mrn}")
    public void badOtherClass(@PathVariable String mrn) {
        new DisclosureLog().disclosed(mrn);
    }

    @GetMapping("/charts/by-id/{id}")
    public void goodOtherClassNumeric(@PathVariable String id) {
        new DisclosureLog().disclosedId(Integer.parseInt(id));
    }

    class Export {
        void logged(String format) {
            audit.info("export in format " + format); // BUG: java/log-injection
        }
    }

    @GetMapping("/charts/export")
    public void badInnerClass(@RequestParam String format) {
        new Export().logged(format);
    }

    @GetMapping("/charts/anon")
    public void badAnonymousClass(@RequestParam String user) {
        Auditor a = new Auditor() {
            @Override
            public void record(String who) {
                audit.info("printed by " + who); // BUG: java/log-injection
            }
        };
        a.record(user);
    }

    @GetMapping("/charts/lambda")
    public void badLambda(@RequestParam String user) {
        Consumer<String> a = who -> audit.info("faxed by " + who); // BUG: java/log-injection
        a.accept(user);
    }

    @GetMapping("/charts/lambda-safe")
    public void goodLambdaCleans(@RequestParam String user) {
        Consumer<String> a = who -> audit.info("faxed by " + who.replaceAll("[\r\n]", ""));
        a.accept(user);
    }

    @PostMapping("/charts/reason")
    public void remember(@RequestParam String reason) {
        lastReason = reason;
    }

    public void badTaintedField() {
        audit.info("last reason " + lastReason); // BUG: java/log-injection
    }

    public void goodConstantField() {
        audit.info(banner);
    }
}

/** Accounting of disclosures (HIPAA). */
class DisclosureLog {
    private static final java.util.logging.Logger log = java.util.logging.Logger.getLogger("disclosures");

    void disclosed(String mrn) {
        log.info("disclosure of " + mrn); // BUG: java/log-injection
    }

    void disclosedId(int id) {
        log.info("disclosure of patient " + id);
    }
}
