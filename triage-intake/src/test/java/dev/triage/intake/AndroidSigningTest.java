package dev.triage.intake;

import com.android.apksig.ApkSigner;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import static dev.triage.intake.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signing of APK inputs, read with apksig from APKs signed with apksig. */
class AndroidSigningTest {
    @TempDir
    Path tmp;

    private static X509Certificate cert(KeyPair kp, String dn, String alg, Instant from, Instant to) throws Exception {
        var b = new JcaX509v3CertificateBuilder(new X500Name(dn), BigInteger.ONE, Date.from(from), Date.from(to),
                new X500Name(dn), kp.getPublic());
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder(alg)
                .build(kp.getPrivate())));
    }

    private Path signed(String name, boolean v1, boolean v2, int minSdk, String certAlg, Instant notAfter)
            throws Exception {
        AndroidApkTest.build();
        Path unsigned = write(tmp.resolve("unsigned-" + name), AndroidApkTest.apk);
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair kp = g.generateKeyPair();
        X509Certificate c = cert(kp, "C=US,O=Android,CN=Android Debug", certAlg, // encoded C first, as keytool does
                Instant.now().minus(400, ChronoUnit.DAYS), notAfter);
        ApkSigner.SignerConfig sc = new ApkSigner.SignerConfig.Builder("cert", kp.getPrivate(), List.of(c)).build();
        Path out = tmp.resolve(name);
        new ApkSigner.Builder(List.of(sc)).setInputApk(unsigned.toFile()).setOutputApk(out.toFile())
                .setV1SigningEnabled(v1).setV2SigningEnabled(v2).setV3SigningEnabled(false).setMinSdkVersion(minSdk)
                .build().sign();
        return out;
    }

    @Test
    void v1AndV2Signers() throws Exception {
        Path apk = signed("app.apk", true, true, 21, "SHA256withRSA", Instant.now().plus(3650, ChronoUnit.DAYS));
        AppBundle b = new ArtifactReader(IntakeOptions.defaults()).readAll(List.of(apk));
        assertEquals(1, b.androidSignings().size());
        AndroidSigning s = b.androidSignings().get(0);
        assertEquals(apk.toString(), s.origin());
        assertTrue(s.v1() && s.v2(), s.toString());
        assertFalse(s.v3() || s.v31() || s.v4(), s.toString());
        assertTrue(s.errors().isEmpty(), s.errors().toString());
        AndroidSigning.Signer v1 = s.signers().stream().filter(x -> x.scheme().equals("v1")).findFirst().orElseThrow();
        AndroidSigning.Signer v2 = s.signers().stream().filter(x -> x.scheme().equals("v2")).findFirst().orElseThrow();
        assertEquals("CN=Android Debug,O=Android,C=US", v2.subject());
        assertEquals("SHA256withRSA", v2.certificateSignatureAlgorithm());
        assertEquals("SHA256withRSA", v2.signatureAlgorithm());
        assertEquals("SHA256withRSA", v1.signatureAlgorithm());
        assertEquals("RSA", v2.keyAlgorithm());
        assertEquals(2048, v2.keyBits());
        assertEquals(64, v2.certificateSha256().length());
        // the classes and manifest are still read from a signed APK
        assertTrue(b.classes().stream().anyMatch(c -> c.internalName().equals("com/acme/health/MainActivity")));
    }

    @Test
    void v1OnlyWithSha1AndAnExpiredCertificate() throws Exception {
        Instant expired = Instant.now().minus(10, ChronoUnit.DAYS);
        Path apk = signed("old.apk", true, false, 9, "SHA1withRSA", expired);
        AndroidSigning s = new ArtifactReader(IntakeOptions.defaults()).readAll(List.of(apk)).androidSignings().get(0);
        assertTrue(s.v1(), s.toString());
        assertFalse(s.v2() || s.v3(), s.toString());
        AndroidSigning.Signer v1 = s.signers().get(0);
        assertEquals("SHA1withRSA", v1.signatureAlgorithm());
        assertEquals("SHA1withRSA", v1.certificateSignatureAlgorithm());
        assertTrue(v1.notAfter().isBefore(Instant.now()));
    }

    @Test
    void unsignedApkHasNoSchemesAndAnError() {
        AndroidApkTest.build();
        Path apk = write(tmp.resolve("unsigned.apk"), AndroidApkTest.apk);
        AndroidSigning s = new ArtifactReader(IntakeOptions.defaults()).readAll(List.of(apk)).androidSignings().get(0);
        assertFalse(s.v1() || s.v2() || s.v3() || s.v31() || s.v4());
        assertTrue(s.signers().isEmpty());
        assertFalse(s.errors().isEmpty());
    }

    @Test
    void minSdkIsRecorded() throws Exception {
        Path apk = signed("min.apk", true, true, 21, "SHA256withRSA", Instant.now().plus(3650, ChronoUnit.DAYS));
        AndroidSigning s = new ArtifactReader(IntakeOptions.defaults()).readAll(List.of(apk)).androidSignings().get(0);
        assertEquals(21, s.minSdk(), s.toString());
        // without the decoded manifest's value, apksig's own reading of the binary manifest (given the entry's bytes)
        dev.triage.intake.android.ApkSigningReader.Entries entries = (name, cap) -> {
            try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(apk.toFile())) {
                java.util.zip.ZipEntry e = z.getEntry(name);
                return e == null ? null : z.getInputStream(e).readAllBytes();
            } catch (java.io.IOException e) {
                return null;
            }
        };
        assertEquals(21, dev.triage.intake.android.ApkSigningReader.read(apk.toFile(), "min.apk", 0, entries).minSdk());
        // no manifest from the reader (absent, over the bound or corrupt): none
        assertEquals(0, dev.triage.intake.android.ApkSigningReader.read(apk.toFile(), "min.apk", 0,
                (name, cap) -> null).minSdk());
    }

    // ---------------------------------------------------------------- hostile signatures: never a crash

    /** The APK's entries with one replaced. */
    private Path rewrite(Path apk, String name, java.util.function.UnaryOperator<byte[]> change) throws Exception {
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(apk.toFile())) {
            for (var e : java.util.Collections.list(z.entries())) {
                byte[] b = z.getInputStream(e).readAllBytes();
                entries.put(e.getName(), e.getName().matches(name) ? change.apply(b) : b);
            }
        }
        return write(tmp.resolve("changed-" + apk.getFileName()), Fixtures.zip(entries));
    }

    private static AndroidSigning readSigning(Path apk) {
        AppBundle b = new ArtifactReader(IntakeOptions.defaults()).readAll(List.of(apk));
        assertEquals(1, b.androidSignings().size());
        return b.androidSignings().get(0);
    }

    @Test
    void garbageInTheJarSignatureBlock() throws Exception {
        Path apk = rewrite(signed("v1.apk", true, false, 21, "SHA256withRSA", Instant.now().plus(30, ChronoUnit.DAYS)),
                "META-INF/.*\\.RSA", b -> "not a PKCS#7 block".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        AndroidSigning s = readSigning(apk);
        assertFalse(s.errors().isEmpty(), s.toString());
        assertTrue(s.v1() && !s.v2(), s.toString());
    }

    @Test
    void aCorruptApkSigningBlock() throws Exception {
        Path apk = signed("v2.apk", false, true, 24, "SHA256withRSA", Instant.now().plus(30, ChronoUnit.DAYS));
        byte[] bytes = java.nio.file.Files.readAllBytes(apk);
        byte[] magic = "APK Sig Block 42".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int at = indexOf(bytes, magic);
        assertTrue(at > 24, "no signing block");
        for (int i = 0; i < 8; i++) bytes[at - 8 + i] = (byte) 0x7f;          // the block's size: absurd
        AndroidSigning s = readSigning(write(tmp.resolve("corrupt-size.apk"), bytes));
        assertFalse(s.errors().isEmpty(), s.toString());
        byte[] again = java.nio.file.Files.readAllBytes(apk);
        for (int i = at - 400; i < at - 8; i++) again[i] ^= 0x5a;            // the signer data itself
        s = readSigning(write(tmp.resolve("corrupt-signer.apk"), again));
        assertFalse(s.errors().isEmpty(), s.toString());
    }

    @Test
    void aTruncatedSignedApk() throws Exception {
        Path apk = signed("t.apk", true, true, 21, "SHA256withRSA", Instant.now().plus(30, ChronoUnit.DAYS));
        byte[] bytes = java.nio.file.Files.readAllBytes(apk);
        Path cut = write(tmp.resolve("cut.apk"), java.util.Arrays.copyOf(bytes, bytes.length - 40));
        AppBundle b = new ArtifactReader(IntakeOptions.defaults()).readAll(List.of(cut));
        for (AndroidSigning s : b.androidSignings()) assertFalse(s.errors().isEmpty(), s.toString());
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = hay.length - needle.length; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
