package dev.triage.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.cli.ScanPipeline;
import dev.triage.cli.ScanRequest;
import dev.triage.cli.corpus.CorpusCase;
import dev.triage.components.ComponentOptions;
import dev.triage.findings.Finding;
import dev.triage.findings.ScanResult;
import dev.triage.intake.IntakeOptions;
import dev.triage.report.ReportFormat;
import dev.triage.report.ReportOptions;
import dev.triage.report.Reports;
import dev.triage.testkit.AndroidTestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signing and tracker findings of real apps built from the Android corpus cases, at the finer grain the corpus
 * harness cannot see (it counts one finding per rule and file): which signing problems and which trackers, the
 * scan's clock, unsigned and class-path APKs, and how a finding on the app file (line 0) looks in every output.
 */
class AndroidSigningTrackersTest {
    @TempDir
    Path tmp;

    private Path build(String caseId) {
        AndroidTestApp b = AndroidTestApp.fromDirectory(CorpusCase.casesRoot().resolve(caseId));
        Path app = tmp.resolve(caseId.substring(caseId.indexOf('/') + 1) + "." + b.format());
        b.build(app);
        return app;
    }

    /** The rules this test is about (other Android rules judge these apps' manifests too). */
    static final Set<String> RULES = Set.of("android/v1-only-signature", "android/debug-certificate",
            "android/weak-signature-algorithm", "android/expired-certificate", "android/tracker-sdk");

    private static ScanResult scan(Path app, Instant now) {
        ScanRequest all = ScanRequest.of(List.of(app));
        ScanRequest r = new ScanRequest(all.inputs(), all.intake(), RULES, Set.of(), all.threads(), all.budget());
        return ScanPipeline.run(now == null ? r : r.withComponents(ComponentOptions.defaults().withNow(now)));
    }

    private static List<String> found(ScanResult r, String rulePrefix) {
        return r.findings().stream().filter(f -> f.rule().id().startsWith(rulePrefix))
                .map(f -> f.rule().id() + " " + f.location().sourcePath() + ":" + f.location().line()).sorted().toList();
    }

    @Test
    void everySigningProblemOfTheLegacyAppOnceAtTheApkFile() {
        Path apk = build("androidsigning/legacy");
        ScanResult r = scan(apk, null);
        assertEquals(List.of("android/debug-certificate legacy.apk:0", "android/expired-certificate legacy.apk:0",
                "android/v1-only-signature legacy.apk:0", "android/weak-signature-algorithm legacy.apk:0"),
                found(r, "android/"));
        Finding weak = r.findings().stream().filter(f -> f.rule().id().equals("android/weak-signature-algorithm"))
                .findFirst().orElseThrow();
        assertEquals("legacy.apk is signed with the weak digest SHA-1: the certificate CN=Android Debug,O=Android,C=US"
                + " is signed with SHA1withRSA and the v1 (JAR) signature uses SHA1withRSA.", weak.message());
        // same input, same findings in the same order, same fingerprints
        ScanResult again = scan(apk, null);
        assertEquals(r.findings().stream().map(f -> f.fingerprint() + f.message()).toList(),
                again.findings().stream().map(f -> f.fingerprint() + f.message()).toList());
    }

    @Test
    void anMd5CertificateAndSha1V1DigestsAreTwoFindings() {
        ScanResult r = scan(build("androidsigning/md5v1v2"), null);
        List<String> messages = r.findings().stream().map(Finding::message).sorted().toList();
        assertEquals(2, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("weak digest MD5: the certificate"), messages.get(0));
        assertTrue(messages.get(1).contains("weak digest SHA-1: the v1 (JAR) signature uses SHA1withRSA"), messages.get(1));
    }

    @Test
    void certificateValidityFollowsTheScansClock() {
        Path release = build("androidsigning/release");       // valid 2024-01-01 .. 2054-01-01
        assertEquals(List.of(), found(scan(release, Instant.parse("2030-01-01T00:00:00Z")), "android/"));
        assertEquals(List.of("android/expired-certificate release.apk:0"),
                found(scan(release, Instant.parse("2060-01-01T00:00:00Z")), "android/"));
        ScanResult early = scan(release, Instant.parse("2020-01-01T00:00:00Z"));
        assertEquals(List.of("android/expired-certificate release.apk:0"), found(early, "android/"));
        assertTrue(early.findings().get(0).message().contains("not valid before 2024-01-01"));
        Path expired = build("androidsigning/expired");       // valid 2000-01-01 .. 2010-01-01
        assertEquals(List.of(), found(scan(expired, Instant.parse("2005-01-01T00:00:00Z")), "android/"));
    }

    @Test
    void anUnsignedApkIsAProblemLineNotAFinding() {
        ScanResult r = scan(build("androidsigning/unsigned"), null);
        assertEquals(List.of(), found(r, "android/"));
        assertTrue(r.problems().stream().anyMatch(p -> p.reason().contains("not signed")), r.problems().toString());
    }

    @Test
    void trackersOfTheCorpusApps() {
        Map<String, Set<String>> expected = Map.of(
                "androidtrackers/socialhealth", Set.of("facebook-analytics", "facebook-login", "appsflyer", "firebase-analytics"),
                "androidtrackers/adsupported", Set.of("google-admob", "unity-ads", "applovin"),
                "androidtrackers/crashreports", Set.of("sentry", "bugsnag", "firebase-crashlytics"),
                "androidtrackers/engagement", Set.of("braze", "onesignal", "mixpanel", "amplitude", "segment", "uxcam"),
                "androidtrackers/attribution", Set.of("adjust", "branch", "kochava", "radar", "new-relic"),
                "androidtrackers/firebasenotracker", Set.of(),
                "androidtrackers/plainlibraries", Set.of());
        expected.forEach((c, ids) -> {
            Path app = build(c);
            ScanResult r = scan(app, null);
            List<Finding> trackers = r.findings().stream().filter(f -> f.rule().id().equals("android/tracker-sdk")).toList();
            assertEquals(ids, Set.copyOf(trackers.stream().map(f -> f.properties().get("trackerId")).toList()), c);
            assertEquals(ids.size(), trackers.size(), c + ": one finding per tracker");
            trackers.forEach(f -> assertEquals(app.getFileName().toString(), f.location().sourcePath()));
        });
    }

    @Test
    void anApkOnTheClassPathIsNotReported() {
        Path sdk = build("androidtrackers/socialhealth");
        Path app = build("androidsigning/release");
        ScanRequest base = ScanRequest.of(List.of(app));
        ScanResult r = ScanPipeline.run(new ScanRequest(base.inputs(),
                new IntakeOptions(IntakeOptions.defaults().limits(), List.of(), List.of(sdk)), RULES, Set.of(),
                1, java.time.Duration.ofMinutes(5)));
        assertEquals(List.of(), found(r, "android/"));
    }

    @Test
    void aFindingOnTheAppFileReadsWellInEveryOutput() throws IOException {
        ScanResult r = scan(build("androidsigning/v1only"), null);
        assertEquals(List.of("android/v1-only-signature v1only.apk:0"), found(r, "android/"));
        ReportOptions o = ReportOptions.defaults();
        String console = Reports.render(ReportFormat.CONSOLE, r, o);
        assertTrue(console.contains("v1only.apk"), console);
        assertFalse(console.contains("v1only.apk:0"), console);

        JsonNode sarif = new ObjectMapper().readTree(Reports.render(ReportFormat.SARIF, r, o));
        JsonNode loc = sarif.path("runs").get(0).path("results").get(0).path("locations").get(0).path("physicalLocation");
        assertEquals("v1only.apk", loc.path("artifactLocation").path("uri").asText());
        assertTrue(loc.path("region").isMissingNode(), loc.toString());

        JsonNode json = new ObjectMapper().readTree(Reports.render(ReportFormat.JSON, r, o));
        JsonNode jl = json.path("findings").get(0).path("location");
        assertEquals("v1only.apk", jl.path("sourcePath").asText());
        assertEquals(0, jl.path("line").asInt(-1));

        String html = Reports.render(ReportFormat.HTML, r, o);
        assertTrue(html.contains("<dt>Location</dt><dd><code>v1only.apk</code></dd>"), html);
        assertFalse(html.contains("v1only.apk:0"));
    }

    @Test
    void aMalformedSignatureBlockNeverBreaksTheScan() throws IOException {
        Path good = build("androidsigning/v1only");
        Path bad = tmp.resolve("tampered.apk");
        try (var in = new java.util.zip.ZipFile(good.toFile());
             OutputStream os = Files.newOutputStream(bad);
             var out = new java.util.zip.ZipOutputStream(os)) {
            for (var e : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                byte[] bytes = in.getInputStream(e).readAllBytes();
                if (e.getName().startsWith("META-INF/") && e.getName().endsWith(".RSA")) {
                    bytes = "not a PKCS#7 block".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                out.write(bytes);
                out.closeEntry();
            }
        }
        ScanResult r = scan(bad, null);
        assertTrue(r.problems().stream().anyMatch(p -> p.reason().contains("signature does not verify")),
                r.problems().toString());
        for (String f : found(r, "android/")) assertTrue(f.endsWith(" tampered.apk:0"), f);
    }
}
