package dev.triage.findings;

import java.util.List;

/**
 * Where a rule's flaw stands in the frameworks a hospital is audited against ({@code dev/triage/compliance.yml}).
 *
 * @param hipaaSafeguards the HIPAA Security Rule technical safeguards it undermines ("164.312(a)"...), in order
 * @param owaspTop10      its OWASP Top 10 (2021) category ("A09 Security Logging and Monitoring Failures"), or null
 * @param masvs           its OWASP MASVS v2 control group when found in an Android app ("MASVS-STORAGE"), or null
 */
public record Compliance(List<String> hipaaSafeguards, String owaspTop10, String masvs) {
    public static final Compliance NONE = new Compliance(List.of(), null, null);

    public Compliance {
        hipaaSafeguards = List.copyOf(hipaaSafeguards);
    }

    public boolean isEmpty() {
        return hipaaSafeguards.isEmpty() && owaspTop10 == null && masvs == null;
    }
}
