package dev.triage.store;

import java.util.List;
import java.util.Map;

/**
 * Everything one scan of one artifact produced, as the store keeps it. Plain data (Jackson reads and writes it),
 * so a scan made in a child JVM crosses the process boundary as one JSON document.
 *
 * @param toolVersion   Triage's version
 * @param rulesVersion  digest of the rule catalogue that ran (see {@link ScanRecords#rulesVersion})
 * @param startedAt     epoch millis
 * @param finishedAt    epoch millis
 * @param status        {@link #OK} or {@link #FAILED}
 * @param failureKind   for a failed scan: timeout, out-of-memory, crashed, error, no-code; else null
 * @param failureReason for a failed scan, one line; else null
 * @param appClasses    app classes analysed
 * @param codeBytes     bytes of the app's own class files
 * @param buildDay      the app's build date (epoch day), or null
 * @param buildSource   what the build date came from, or null
 * @param findings      in the scan's finding order
 * @param problems      what was skipped or not finished
 * @param components    the bundled libraries
 * @param advisories    advisories applying to components (by component ordinal)
 */
public record ScanRecord(String toolVersion, String rulesVersion, long startedAt, long finishedAt, String status,
                         String failureKind, String failureReason, int appClasses, long codeBytes, Integer buildDay,
                         String buildSource, List<StoredFinding> findings, List<Problem> problems,
                         List<StoredComponent> components, List<StoredAdvisory> advisories) {
    public static final String OK = "ok";
    public static final String FAILED = "failed";

    public ScanRecord {
        findings = findings == null ? List.of() : List.copyOf(findings);
        problems = problems == null ? List.of() : List.copyOf(problems);
        components = components == null ? List.of() : List.copyOf(components);
        advisories = advisories == null ? List.of() : List.copyOf(advisories);
        if (!OK.equals(status) && !FAILED.equals(status)) throw new IllegalArgumentException("status " + status);
    }

    /** A scan that produced nothing: the app could not be scanned, for {@code reason}. */
    public static ScanRecord failed(String toolVersion, long startedAt, long finishedAt, String kind, String reason) {
        return new ScanRecord(toolVersion, "", startedAt, finishedAt, FAILED, kind, reason, 0, 0, null, null,
                List.of(), List.of(), List.of(), List.of());
    }

    public boolean ok() {
        return OK.equals(status);
    }

    /** One finding of the scan. */
    public record StoredFinding(String fingerprint, String ruleId, int cwe, int severity, String confidence,
                                String className, String methodName, String methodDescriptor, String sourcePath,
                                int line, String origin, String message, List<Step> path, Map<String, String> properties) {
        public StoredFinding {
            path = path == null ? List.of() : List.copyOf(path);
            properties = properties == null ? Map.of() : Map.copyOf(properties);
        }
    }

    /** One step of a finding's path. */
    public record Step(String className, String methodName, String sourcePath, int line, String description) {
    }

    /** Something not scanned or not finished. */
    public record Problem(String input, String entry, String reason) {
    }

    /** One bundled library. */
    public record StoredComponent(String groupId, String artifactId, String version, String purl, String identifiedBy,
                                  String fileName, String path, String sha1, String sha256, String shadedIn,
                                  Integer releaseDay) {
    }

    /** One advisory applying to the component at {@code component} (its index in {@link #components}). */
    public record StoredAdvisory(int component, String advisoryId, String primaryAlias, List<String> aliases,
                                 String summary, double score, int severity, String fixedVersion, String reachability) {
        public StoredAdvisory {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }
    }
}
