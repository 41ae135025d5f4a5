package dev.triage.report;

import dev.triage.contract.Confidence;
import dev.triage.findings.Finding;
import dev.triage.findings.FindingOrder;
import dev.triage.contract.Location;
import dev.triage.contract.PathStep;
import dev.triage.findings.Precision;
import dev.triage.findings.Rule;
import dev.triage.findings.ScanProblem;
import dev.triage.findings.ScanResult;
import dev.triage.findings.ScanStats;
import dev.triage.contract.Severity;

import java.util.ArrayList;
import java.util.List;

/** Scan results built in code, with hostile strings where scanned code would put them. */
final class Fixtures {
    static final String HOSTILE = "<script>alert(\"x\")</script> it's \u001b[31mred\u001b[0m & <img src=x onerror=alert(1)>";

    static final Rule SQLI = new Rule("java/sql-injection", "SQL built from request data", 89, Severity.VERY_HIGH,
            Precision.HIGH, "A query is built from text the user controls.\n\nAn attacker can read or change any record.",
            "Use PreparedStatement with parameters.", List.of("https://owasp.org/www-community/attacks/SQL_Injection",
            "https://cwe.mitre.org/data/definitions/89.html"), List.of("injection"));
    static final Rule CIPHER = new Rule("java/weak-cipher", "Weak cipher", 327, Severity.HIGH, Precision.VERY_HIGH,
            "DES and ECB mode do not protect health data.", "Use AES/GCM/NoPadding.",
            List.of("https://cwe.mitre.org/data/definitions/327.html", "HIPAA 164.312(a)(2)(iv)"), List.of("crypto"));
    static final Rule XSS = new Rule("java/reflected-xss", "Reflected cross-site scripting", 79, Severity.MEDIUM,
            Precision.MEDIUM, "Request data written to the page.", "Encode output for its HTML context.",
            List.of(), List.of());
    static final Rule CONFIG = new Rule("java/debug-config", "Debug mode in configuration", 489, Severity.LOW,
            Precision.LOW, "Debug output leaks internals.", "Turn debug off.", List.of(), List.of());
    /** A rule that ran but never fired. */
    static final Rule UNUSED = new Rule("java/path-traversal", "Path traversal", 22, Severity.HIGH, Precision.HIGH,
            "File names from requests.", "Canonicalise and check.", List.of(), List.of());

    static Location loc(String cls, String method, String source, int line) {
        return new Location(cls, method, "(Ljava/lang/String;)V", source, line,
                "portal.war!/WEB-INF/classes/" + cls.replace('.', '/') + ".class");
    }

    static ScanResult result(long startedAt, long duration) {
        List<Finding> findings = new ArrayList<>();
        findings.add(new Finding(SQLI, Severity.VERY_HIGH, Confidence.HIGH,
                loc("com.acme.Foo", "doGet", "com/acme/Foo.java", 42),
                "Query built from parameter \"id\": " + HOSTILE,
                List.of(new PathStep(loc("com.acme.Foo", "doGet", "com/acme/Foo.java", 30),
                                "request.getParameter(\"id\") <source>"),
                        new PathStep(loc("com.acme.Dao", "find", "com/acme/Dao.java", 0), "concatenated into SQL"),
                        new PathStep(loc("com.acme.Foo", "doGet", "com/acme/Foo.java", 42), "Statement.executeQuery")),
                "fp-sqli-1"));
        findings.add(new Finding(CIPHER, Severity.HIGH, Confidence.MEDIUM,
                loc("com.acme.Crypto", "encrypt", "com/acme/Crypto.java", 0),
                "Cipher \"DES/ECB/PKCS5Padding\" uses DES", List.of(), "fp-cipher-1"));
        findings.add(new Finding(XSS, Severity.MEDIUM, Confidence.LOW,
                loc("com.acme.<Evil>\"Class", "render'", "com/acme/Evil.java", 7), HOSTILE, List.of(), "fp-xss-1"));
        findings.add(new Finding(CONFIG, Severity.LOW, Confidence.HIGH,
                new Location("", "", "", "WEB-INF/web.xml", 12, "portal.war!/WEB-INF/web.xml"),
                "debug=true in web.xml", List.of(), "fp-config-1"));
        findings.add(new Finding(CIPHER, Severity.HIGH, Confidence.HIGH,
                new Location("com.acme.NoSource", "run", "()V", "", 0, ""),
                "Cipher \"DES\" with unknown source", List.of(), "fp-cipher-2"));
        findings.sort(FindingOrder.ORDER);
        return new ScanResult("0.1.0-test", List.of("portal.war", "extra <lib>.jar"), findings,
                List.of(new ScanProblem("portal.war", "WEB-INF/lib/broken.jar", "not a zip file: <bad>")),
                List.of(SQLI, CIPHER, XSS, CONFIG, UNUSED),
                new ScanStats(startedAt, duration, 42, 1200, 310, 17));
    }

    static ScanResult result() {
        return result(1_700_000_000_000L, 1234);
    }

    static ScanResult empty() {
        return new ScanResult("0.1.0-test", List.of("empty.jar"), List.of(), List.of(), List.of(SQLI),
                new ScanStats(1_700_000_000_000L, 5, 0, 0, 0, 0));
    }

    private Fixtures() {
    }
}
