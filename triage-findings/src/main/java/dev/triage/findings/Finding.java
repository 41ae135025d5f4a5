package dev.triage.findings;

import dev.triage.contract.Location;
import dev.triage.contract.PathStep;
import dev.triage.contract.Severity;
import dev.triage.contract.Confidence;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One flaw, as every output shows it.
 *
 * @param rule        the catalogue rule (gives CWE, title, advice)
 * @param severity    severity of this finding (the rule's default unless the detector raised or lowered it)
 * @param confidence  how sure Triage is of this one
 * @param location    where it stands (the sink)
 * @param message     one sentence naming the specific problem, e.g. "Cipher "DES/ECB/PKCS5Padding" uses DES..."
 * @param path        source → steps → sink; empty when the rule needs no path
 * @param fingerprint stable id of this finding: survives line shifts and recompilation
 * @param properties  extra facts for machine-readable outputs, sorted by key (for a vulnerable component:
 *                    advisoryId, aliases, purl, installedVersion, fixedVersion, reachability); usually empty
 */
public record Finding(Rule rule, Severity severity, Confidence confidence, Location location,
                      String message, List<PathStep> path, String fingerprint, Map<String, String> properties) {
    public Finding {
        path = List.copyOf(path);
        properties = properties == null || properties.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new TreeMap<>(properties));
    }

    /** A finding without extra properties. */
    public Finding(Rule rule, Severity severity, Confidence confidence, Location location,
                   String message, List<PathStep> path, String fingerprint) {
        this(rule, severity, confidence, location, message, path, fingerprint, Map.of());
    }

    public int cwe() {
        return rule.cwe();
    }
}
