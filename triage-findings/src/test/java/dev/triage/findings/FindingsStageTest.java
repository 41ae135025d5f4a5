package dev.triage.findings;

import dev.triage.contract.Confidence;
import dev.triage.contract.Severity;
import dev.triage.contract.Location;
import dev.triage.contract.Detection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalogue, fingerprints, ordering, suppressions, baseline and policy. */
class FindingsStageTest {
    static final RuleCatalogue RULES = RuleCatalogue.builtIn();

    static Detection det(String rule, String cls, String method, int line, String key) {
        return new Detection(rule, Location.inCode(cls, method, "()V", cls + ".java", line, "app.jar!/" + cls + ".class"),
                "message " + key, List.of(), Confidence.HIGH, key);
    }

    @Test
    void catalogueIsCompleteAndWellFormed() {
        assertEquals(95, RULES.all().size());
        Pattern id = Pattern.compile("(java|config|component|app|android)/[a-z0-9-]+");
        for (Rule r : RULES.all()) {
            assertTrue(id.matcher(r.id()).matches(), r.id());
            assertTrue(r.cwe() > 0 && !r.description().isBlank() && !r.remediation().isBlank() && !r.references().isEmpty(), r.id());
        }
        assertEquals(Severity.HIGH, RULES.get("java/xxe-parser").severity());
        assertEquals(99, RULES.get("java/jdbc-url-injection").cwe());
        assertEquals(862, RULES.get("java/missing-authorization").cwe());
        assertEquals(1395, RULES.get("component/vulnerable-dependency").cwe());
        assertEquals(1104, RULES.get("component/outdated-dependency").cwe());
        assertEquals(1104, RULES.get("app/stale-app").cwe());
        assertEquals(Severity.HIGH, RULES.get("android/debuggable").severity());
        assertEquals(Severity.INFORMATIONAL, RULES.get("android/missing-flag-secure").severity());
    }

    @Test
    void aDetectionsOwnSeverityAndPropertiesReachTheFinding() {
        Detection d = new Detection("component/vulnerable-dependency",
                Location.inResource("WEB-INF/lib/x-1.0.jar", 0, "app.war!/WEB-INF/lib/x-1.0.jar"),
                "x 1.0 is affected by GHSA-1", List.of(), Confidence.HIGH, "GHSA-1|g:x", Severity.VERY_HIGH,
                java.util.Map.of("advisoryId", "GHSA-1", "purl", "pkg:maven/g/x@1.0"));
        Finding f = new FindingAssembler(RULES).assemble(List.of(d)).get(0);
        assertEquals(Severity.VERY_HIGH, f.severity());
        assertEquals(Severity.HIGH, f.rule().severity());
        assertEquals(List.of("advisoryId", "purl"), List.copyOf(f.properties().keySet()));
        assertEquals("WEB-INF/lib/x-1.0.jar", f.location().sourcePath());
    }

    @Test
    void fingerprintsIgnoreLinesAndSeparateEqualFlawsInOneMethod() {
        FindingAssembler a = new FindingAssembler(RULES);
        List<Finding> before = a.assemble(List.of(det("java/weak-hash", "a/B", "m", 10, "k"), det("java/weak-hash", "a/B", "m", 12, "k")));
        List<Finding> after = a.assemble(List.of(det("java/weak-hash", "a/B", "m", 30, "k"), det("java/weak-hash", "a/B", "m", 44, "k")));
        assertEquals(before.stream().map(Finding::fingerprint).toList(), after.stream().map(Finding::fingerprint).toList());
        assertNotEquals(before.get(0).fingerprint(), before.get(1).fingerprint());
        List<Finding> otherMethod = a.assemble(List.of(det("java/weak-hash", "a/B", "n", 10, "k")));
        assertNotEquals(before.get(0).fingerprint(), otherMethod.get(0).fingerprint());
    }

    @Test
    void duplicatesDropAndOrderIsBySeverityThenPlace() {
        List<Finding> f = new FindingAssembler(RULES).assemble(List.of(
                det("java/cookie-without-secure", "a/C", "m", 5, "k"),
                det("java/weak-hash", "a/B", "m", 9, "k"),
                det("java/xxe-parser", "a/A", "m", 3, "k"),
                det("java/weak-hash", "a/B", "m", 9, "k")));
        assertEquals(List.of("java/xxe-parser", "java/weak-hash", "java/cookie-without-secure"),
                f.stream().map(x -> x.rule().id()).toList());
        assertEquals("a.A", f.get(0).location().className());
    }

    @Test
    void unknownRuleIsAProgrammingError() {
        assertThrows(IllegalStateException.class, () -> new FindingAssembler(RULES).assemble(List.of(det("java/nope", "a/B", "m", 1, "k"))));
    }

    @Test
    void unknownRuleCanBeReportedInsteadOfFailing() {
        List<String> unknown = new java.util.ArrayList<>();
        List<Finding> f = new FindingAssembler(RULES).assemble(List.of(det("java/nope", "a/B", "m", 1, "k"),
                det("java/nope", "a/B", "m", 2, "k2"), det("java/weak-hash", "a/B", "m", 3, "k")), unknown::add);
        assertEquals(List.of("java/nope"), unknown, "once per rule id");
        assertEquals(List.of("java/weak-hash"), f.stream().map(x -> x.rule().id()).toList());
        assertEquals("a.B", f.get(0).location().className(), "findings name classes with dots");
    }

    @Test
    void suppressionsNeedAReasonAndMatchByRuleClassOrFingerprint(@TempDir Path tmp) throws IOException {
        List<Finding> f = new FindingAssembler(RULES).assemble(List.of(det("java/weak-hash", "legacy/Sum", "m", 1, "k"),
                det("java/weak-cipher", "app/Notes", "m", 2, "k"), det("java/xxe-parser", "app/Import", "m", 3, "k")));
        Path file = tmp.resolve("s.yml");
        Files.writeString(file, """
                - rule: java/weak-hash
                  class: legacy.
                  reason: accepted risk, checksums of public reference data
                - fingerprint: %s
                  reason: false positive, fixture only
                """.formatted(f.stream().filter(x -> x.rule().id().equals("java/xxe-parser")).findFirst().orElseThrow().fingerprint()));
        List<Suppressions.Suppressed> out = new ArrayList<>();
        List<Finding> kept = Suppressions.read(file).apply(f, out);
        assertEquals(List.of("java/weak-cipher"), kept.stream().map(x -> x.rule().id()).toList());
        assertEquals(2, out.size());
        Files.writeString(file, "- rule: java/weak-hash\n");
        assertThrows(IOException.class, () -> Suppressions.read(file));
        Files.writeString(file, "- reason: everything\n");
        assertThrows(IOException.class, () -> Suppressions.read(file));
    }

    @Test
    void baselineFromTriageJsonAndPolicy(@TempDir Path tmp) throws IOException {
        List<Finding> f = new FindingAssembler(RULES).assemble(List.of(det("java/weak-hash", "a/B", "m", 1, "k"),
                det("java/xxe-parser", "a/C", "m", 2, "k")));
        Path json = tmp.resolve("triage.json");
        Files.writeString(json, "{\"findings\":[{\"fingerprint\":\"" + f.get(0).fingerprint() + "\"}]}");
        Baseline b = Baseline.read(json);
        assertEquals(1, b.newFindings(f).size());
        Path sarif = tmp.resolve("triage.sarif");
        Files.writeString(sarif, "{\"runs\":[{\"results\":[{\"partialFingerprints\":{\"triageFingerprint/v1\":\"" + f.get(1).fingerprint() + "\"}}]}]}");
        assertEquals(List.of(f.get(0)), Baseline.read(sarif).newFindings(f));
        assertEquals(1, new Policy(Severity.HIGH).violations(f).size());
        assertEquals(2, new Policy(Severity.MEDIUM).violations(f).size());
        assertEquals(0, new Policy(null).violations(f).size());
    }
}
