package dev.triage.analysis;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a detector reports; the findings stage turns it into a Finding with the rule's metadata
 * and a fingerprint.
 *
 * @param ruleId     catalogue rule id
 * @param location   where (the sink)
 * @param message    the specific problem in one sentence
 * @param path       source → steps → sink, or empty
 * @param confidence LOW, MEDIUM or HIGH
 * @param key        line-independent discriminator of this finding within its method (the API called and
 *                   the offending value), used for the fingerprint
 * @param severity   severity level 0–5 of this detection, or -1 for the rule's default (a vulnerable
 *                   component takes its advisory's severity)
 * @param properties extra facts for machine-readable outputs (SARIF result properties), e.g. an advisory id
 *                   and a package URL; sorted by key, empty for most rules
 */
public record Detection(String ruleId, CodeLocation location, String message, List<Step> path, String confidence,
                        String key, int severity, Map<String, String> properties) {
    public Detection {
        path = List.copyOf(path);
        if (severity < -1 || severity > 5) throw new IllegalArgumentException("severity must be -1 or 0..5: " + severity);
        properties = properties == null || properties.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new TreeMap<>(properties));
    }

    /** A detection at the rule's default severity, without extra properties. */
    public Detection(String ruleId, CodeLocation location, String message, List<Step> path, String confidence, String key) {
        this(ruleId, location, message, path, confidence, key, -1, Map.of());
    }

    /** One step of a path. */
    public record Step(CodeLocation location, String description) {
    }
}
