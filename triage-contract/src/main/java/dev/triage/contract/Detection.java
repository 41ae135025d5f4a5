package dev.triage.contract;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a detector (or the components stage) reports; the findings stage turns it into a finding with the rule's
 * metadata and a fingerprint.
 *
 * @param ruleId     catalogue rule id
 * @param location   where (the sink)
 * @param message    the specific problem in one sentence
 * @param path       source → steps → sink, or empty
 * @param confidence how sure Triage is of this one
 * @param key        line-independent discriminator of this finding within its method (the API called and
 *                   the offending value), used for the fingerprint
 * @param severity   severity of this detection, or null for the rule's default (a vulnerable component takes its
 *                   advisory's severity; a check raises it for old Android versions)
 * @param properties extra facts for machine-readable outputs (SARIF result properties), e.g. an advisory id
 *                   and a package URL; sorted by key, empty for most rules
 */
public record Detection(String ruleId, Location location, String message, List<PathStep> path, Confidence confidence,
                        String key, Severity severity, Map<String, String> properties) {
    /**
     * The property every finding carries naming what made it: the model rows and tables behind it, or the code that
     * decided it ({@code "check: jdk-xml.yml (manual)"}, {@code "engine (ComponentAnalysis)"}).
     */
    public static final String PROVENANCE = "triage/provenance";

    public Detection {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(confidence, "confidence");
        path = List.copyOf(path);
        properties = properties == null || properties.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new TreeMap<>(properties));
    }

    /** A detection at the rule's default severity, without extra properties. */
    public Detection(String ruleId, Location location, String message, List<PathStep> path, Confidence confidence, String key) {
        this(ruleId, location, message, path, confidence, key, null, Map.of());
    }
}
