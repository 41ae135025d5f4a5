package dev.triage.analysis.detect;

import dev.triage.analysis.AnalysisContext;
import dev.triage.analysis.Deadline;
import dev.triage.analysis.Detection;
import dev.triage.analysis.ResourceScan;
import dev.triage.analysis.model.Models;
import dev.triage.intake.AndroidSigning;
import dev.triage.intake.CodeRole;
import dev.triage.intake.ResourceEntry;
import dev.triage.program.Program;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The signing checks on signings as intake records them; the clock is the scan's, fixed here. */
class ApkSigningDetectorTest {
    static final String RELEASE = "CN=Triage Test,OU=Testing,O=Triage,L=Zurich,C=CH";
    static final String DEBUG = "CN=Android Debug,O=Android,C=US";
    static final Instant Y2024 = Instant.parse("2024-01-01T00:00:00Z");
    static final Instant Y2054 = Instant.parse("2054-01-01T00:00:00Z");
    static final Instant NOW = Instant.parse("2030-06-01T00:00:00Z");

    static AndroidSigning.Signer signer(String scheme, String subject, String certAlg, String sigAlg, Instant from,
                                        Instant to, String sha) {
        return new AndroidSigning.Signer(scheme, subject, subject, certAlg, sigAlg, "RSA", 2048, from, to, sha);
    }

    static AndroidSigning.Signer release(String scheme) {
        return signer(scheme, RELEASE, "SHA256withRSA", "SHA256withRSA", Y2024, Y2054, "aa");
    }

    static AndroidSigning signing(String origin, boolean v1, boolean v2, boolean v3, int minSdk,
                                  AndroidSigning.Signer... signers) {
        return new AndroidSigning(origin, v1, v2, v3, false, false, List.of(signers), List.of(), List.of(), minSdk);
    }

    static List<String> problems = new ArrayList<>();

    static List<Detection> scan(Instant now, List<ResourceEntry> resources, AndroidSigning... signings) {
        Program.Builder b = Program.builder();
        resources.forEach(b::onResource);
        for (AndroidSigning s : signings) b.onAndroidSigning(s);
        AnalysisContext ctx = new AnalysisContext(b.build(), Models.builtIn(), new Deadline(Duration.ofMinutes(1)),
                Set.of("remote"), now);
        List<Detection> out = new ArrayList<>();
        new ApkSigningDetector(Models.builtIn()).visitResources(new ResourceScan(ctx, out::add));
        problems = ctx.problems();
        return out;
    }

    static List<Detection> scan(AndroidSigning... signings) {
        return scan(NOW, List.of(), signings);
    }

    static List<String> rules(List<Detection> ds) {
        return ds.stream().map(Detection::ruleId).toList();
    }

    @Test
    void releaseSigningIsSilent() {
        assertEquals(List.of(), scan(signing("/in/app.apk", true, true, true, 21,
                release("v1"), release("v2"), release("v3"))));
    }

    @Test
    void v1OnlyBelowApi24IsJanus() {
        List<Detection> ds = scan(signing("/in/dir/old.apk", true, false, false, 23, release("v1")));
        assertEquals(List.of(ApkSigningDetector.V1_ONLY), rules(ds));
        Detection d = ds.get(0);
        assertEquals("old.apk", d.location().sourcePath());
        assertEquals(0, d.location().line());
        assertEquals("/in/dir/old.apk", d.location().origin());
        assertEquals("HIGH", d.confidence());
        assertEquals("signing|v1-only", d.key());
        assertTrue(d.message().contains("API 23") && d.message().contains("CVE-2017-13156"), d.message());
        assertEquals(List.of(), scan(signing("/in/new.apk", true, false, false, 24, release("v1"))));
    }

    @Test
    void unknownMinSdkCountsAsInstallableOnOldVersionsWithMediumConfidence() {
        List<Detection> ds = scan(signing("/in/app.apk", true, false, false, 0, release("v1")));
        assertEquals(List.of(ApkSigningDetector.V1_ONLY), rules(ds));
        assertEquals("MEDIUM", ds.get(0).confidence());
        assertTrue(ds.get(0).message().contains("could not be read"), ds.get(0).message());
    }

    @Test
    void minSdkComesFromTheAppModelWhenItsManifestIsThisApks() {
        String manifest = """
                <manifest xmlns:android="http://schemas.android.com/apk/res/android" package="a.b">
                  <uses-sdk android:minSdkVersion="19" android:targetSdkVersion="29"/>
                  <application/>
                </manifest>""";
        ResourceEntry m = new ResourceEntry("AndroidManifest.xml", "/in/app.apk!/AndroidManifest.xml",
                manifest.getBytes(StandardCharsets.UTF_8), CodeRole.APP);
        List<Detection> ds = scan(NOW, List.of(m), signing("/in/app.apk", true, false, false, 0, release("v1")));
        assertEquals("HIGH", ds.get(0).confidence());
        assertTrue(ds.get(0).message().contains("API 19"), ds.get(0).message());
        // another APK's manifest says nothing about this one
        ds = scan(NOW, List.of(m), signing("/in/other.apk", true, false, false, 26, release("v1")));
        assertEquals(List.of(), ds);
    }

    @Test
    void debugCertificateOncePerCertificateWhateverTheSchemes() {
        AndroidSigning.Signer[] s = new AndroidSigning.Signer[3];
        int i = 0;
        for (String scheme : List.of("v1", "v2", "v3")) {
            s[i++] = signer(scheme, "C=US,O=Android,CN=Android Debug", "SHA256withRSA", "SHA256withRSA", Y2024, Y2054, "dd");
        }
        List<Detection> ds = scan(signing("/in/app.apk", true, true, true, 26, s));
        assertEquals(List.of(ApkSigningDetector.DEBUG), rules(ds));
        assertTrue(ds.get(0).message().contains("v1, v2 and v3 signatures"), ds.get(0).message());
        // a name that only resembles the debug subject
        assertEquals(List.of(), scan(signing("/in/app.apk", true, true, true, 26,
                signer("v2", "CN=Android Debug Tools,O=Acme,C=US", "SHA256withRSA", "SHA256withRSA", Y2024, Y2054, "ee"))));
    }

    @Test
    void weakDigestsOneFindingPerDigestNamingEveryPlace() {
        AndroidSigning.Signer a1 = signer("v1", RELEASE, "SHA1withRSA", "SHA1withRSA", Y2024, Y2054, "aa");
        AndroidSigning.Signer a2 = signer("v2", RELEASE, "SHA1withRSA", "SHA256withRSA", Y2024, Y2054, "aa");
        AndroidSigning.Signer b1 = signer("v1", "CN=Second Signer", "SHA1withRSA", "MD5withRSA", Y2024, Y2054, "bb");
        List<Detection> ds = scan(signing("/in/app.apk", true, true, false, 21, a1, a2, b1));
        assertEquals(List.of(ApkSigningDetector.WEAK, ApkSigningDetector.WEAK), rules(ds));
        assertEquals("signing|weak-algorithm|MD5", ds.get(0).key());
        assertEquals("app.apk is signed with the weak digest MD5: the v1 (JAR) signature uses MD5withRSA.",
                ds.get(0).message());
        assertEquals("signing|weak-algorithm|SHA1", ds.get(1).key());
        assertEquals("app.apk is signed with the weak digest SHA-1: the certificate " + RELEASE + " is signed with "
                + "SHA1withRSA, the certificate CN=Second Signer is signed with SHA1withRSA and the v1 (JAR) signature"
                + " uses SHA1withRSA.", ds.get(1).message());
        // the same result again: deterministic
        assertEquals(ds, scan(signing("/in/app.apk", true, true, false, 21, a1, a2, b1)));
    }

    @Test
    void weakV1DigestsCountOnlyWhereDevicesVerifyV1() {
        AndroidSigning.Signer v1 = signer("v1", RELEASE, "SHA256withRSA", "SHA1withRSA", Y2024, Y2054, "aa");
        AndroidSigning.Signer v2 = release("v2");
        assertEquals(List.of(ApkSigningDetector.WEAK), rules(scan(signing("/in/a.apk", true, true, false, 23, v1, v2))));
        assertEquals(List.of(), scan(signing("/in/a.apk", true, true, false, 24, v1, v2)));
        // v1 and v3 without v2: devices from 24 to 27 check v1
        AndroidSigning.Signer v3 = release("v3");
        assertEquals(List.of(ApkSigningDetector.WEAK), rules(scan(signing("/in/a.apk", true, false, true, 26, v1, v3))));
        assertEquals(List.of(), scan(signing("/in/a.apk", true, false, true, 28, v1, v3)));
    }

    @Test
    void certificateValidityIsJudgedAgainstTheScansClock() {
        AndroidSigning s = signing("/in/app.apk", false, true, true, 26, release("v2"), release("v3"));
        assertEquals(List.of(), scan(NOW, List.of(), s));
        List<Detection> late = scan(Instant.parse("2060-01-01T00:00:00Z"), List.of(), s);
        assertEquals(List.of(ApkSigningDetector.EXPIRED), rules(late));
        assertTrue(late.get(0).message().contains("expired on 2054-01-01"), late.get(0).message());
        List<Detection> early = scan(Instant.parse("2020-01-01T00:00:00Z"), List.of(), s);
        assertEquals(List.of(ApkSigningDetector.EXPIRED), rules(early));
        assertTrue(early.get(0).message().contains("not valid before 2024-01-01"), early.get(0).message());
    }

    @Test
    void severalSignersAndSeveralApksAreEachReported() {
        AndroidSigning.Signer old1 = signer("v1", "CN=One", "SHA256withRSA", "SHA256withRSA", Y2024.minusSeconds(1 << 30),
                Instant.parse("2025-01-01T00:00:00Z"), "01");
        AndroidSigning.Signer old2 = signer("v1", "CN=Two", "SHA256withRSA", "SHA256withRSA", Y2024.minusSeconds(1 << 30),
                Instant.parse("2026-01-01T00:00:00Z"), "02");
        List<Detection> ds = scan(signing("/in/a.apk", true, true, false, 26, old1, old2),
                signing("/in/b.apk", true, false, false, 21, release("v1")));
        assertEquals(List.of(ApkSigningDetector.EXPIRED, ApkSigningDetector.EXPIRED, ApkSigningDetector.V1_ONLY), rules(ds));
        assertTrue(ds.get(0).message().contains("CN=One") && ds.get(1).message().contains("CN=Two"));
        assertEquals("b.apk", ds.get(2).location().sourcePath());
    }

    @Test
    void unsignedApksAndUnreadableSignaturesGiveNoFindings() {
        AndroidSigning unsigned = new AndroidSigning("/in/u.apk", false, false, false, false, false, List.of(),
                List.of("No JAR signatures"), List.of(), 26);
        AndroidSigning broken = new AndroidSigning("/in/b.apk", false, false, false, false, false, List.of(),
                List.of("cannot verify the APK signature: x"), List.of(), 0);
        AndroidSigning noCertificate = signing("/in/c.apk", true, false, false, 26,
                new AndroidSigning.Signer("v1", null, null, null, null, null, 0, null, null, null));
        assertEquals(List.of(), scan(unsigned, broken, noCertificate));
        assertEquals(List.of(
                "b.apk: the APK signature could not be read: cannot verify the APK signature: x; signing checks were not run",
                "u.apk: the APK is not signed (no v1, v2 or v3 signature), so Android cannot install it; signing checks"
                        + " were not run"), problems);
    }

    @Test
    void aSignatureThatDoesNotVerifyIsAProblemAndWhatCanBeReadIsStillChecked() {
        AndroidSigning s = new AndroidSigning("/in/t.apk", true, false, false, false, false, List.of(release("v1")),
                List.of("Target SDK version 30 requires a minimum of signature scheme v2", "second"), List.of(), 21);
        assertEquals(List.of(ApkSigningDetector.V1_ONLY), rules(scan(s)));
        assertEquals(List.of("t.apk: the APK signature does not verify (apksig): Target SDK version 30 requires a minimum"
                + " of signature scheme v2 (and 1 more)"), problems);
    }

    @Test
    void digestNames() {
        assertEquals("SHA1", ApkSigningDetector.digestOf("SHA1withRSA"));
        assertEquals("SHA1", ApkSigningDetector.digestOf("sha-1WithECDSA"));
        assertEquals("SHA256", ApkSigningDetector.digestOf("SHA256withRSA/PSS"));
        assertEquals(null, ApkSigningDetector.digestOf("RSA"));
        assertEquals(null, ApkSigningDetector.digestOf("1.2.840.113549.1.1.5"));
    }
}
