package dev.triage.findings;

import dev.triage.contract.Severity;
import java.util.List;

/**
 * One entry of the rule catalogue, read from {@code rules/*.yml}.
 *
 * @param id          stable id, e.g. {@code java/weak-cipher}; never reused for another meaning
 * @param title       short title
 * @param cwe         CWE number
 * @param severity    default severity
 * @param precision   expected precision
 * @param description what the flaw is and why it matters
 * @param remediation how to fix it
 * @param references  URLs (OWASP, CWE, HIPAA safeguard where it applies)
 * @param tags        extra tags (besides {@code security} and the CWE tag)
 * @param compliance  the HIPAA safeguards, OWASP Top 10 category and MASVS group of its flaw ({@code dev/triage/compliance.yml})
 */
public record Rule(String id, String title, int cwe, Severity severity, Precision precision,
                   String description, String remediation, List<String> references, List<String> tags,
                   Compliance compliance) {
    public Rule {
        references = List.copyOf(references);
        tags = List.copyOf(tags);
        if (compliance == null) compliance = Compliance.NONE;
    }

    /** A rule outside the catalogue's compliance mapping (tests, rules read back from elsewhere). */
    public Rule(String id, String title, int cwe, Severity severity, Precision precision,
                String description, String remediation, List<String> references, List<String> tags) {
        this(id, title, cwe, severity, precision, description, remediation, references, tags, Compliance.NONE);
    }

    public String cweTag() {
        return "external/cwe/cwe-" + cwe;
    }
}
