package dev.triage.testkit;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How a test APK is signed: an immutable value, each method returns a changed copy.
 * <pre>
 * Signing.release()                                   // v1+v2+v3, RSA 2048, SHA256withRSA, valid 30 years
 * Signing.debug()                                     // subject CN=Android Debug,O=Android,C=US
 * Signing.release().schemes(Signing.Scheme.V1)        // v1 (JAR signature) only
 * Signing.release().digest("SHA1withRSA")             // certificate signed with SHA1withRSA, v1 digest SHA-1
 * Signing.release().expired()                         // notAfter in the past
 * Signing.unsigned()                                  // no signature at all
 * </pre>
 * Keys and certificates are deterministic (derived from a seed per subject), so two builds give the same bytes.
 */
public final class Signing {
    /** APK signature schemes. */
    public enum Scheme { V1, V2, V3 }

    /** Subject of {@link #release()}. */
    public static final String RELEASE_SUBJECT = "CN=Triage Test,OU=Testing,O=Triage,L=Zurich,C=CH";
    /** Subject of {@link #debug()}: the one the Android SDK uses for its debug keystore. */
    public static final String DEBUG_SUBJECT = "CN=Android Debug,O=Android,C=US";

    private final boolean signed;
    private final Set<Scheme> schemes;
    private final String subject;
    private final String certificateAlgorithm;
    private final boolean expired;
    private final int keyBits;
    private final Integer minSdk;

    private Signing(boolean signed, Set<Scheme> schemes, String subject, String certificateAlgorithm,
                    boolean expired, int keyBits, Integer minSdk) {
        this.signed = signed;
        this.schemes = schemes.isEmpty() ? EnumSet.noneOf(Scheme.class) : EnumSet.copyOf(schemes);
        this.subject = subject;
        this.certificateAlgorithm = certificateAlgorithm;
        this.expired = expired;
        this.keyBits = keyBits;
        this.minSdk = minSdk;
    }

    /** Release-style signing: v1+v2+v3, RSA 2048-bit key, SHA256withRSA certificate valid 30 years. */
    public static Signing release() {
        return new Signing(true, EnumSet.allOf(Scheme.class), RELEASE_SUBJECT, "SHA256withRSA", false, 2048, null);
    }

    /** Like {@link #release()} with the Android debug certificate subject {@value #DEBUG_SUBJECT}. */
    public static Signing debug() {
        return release().subject(DEBUG_SUBJECT);
    }

    /** No signature. */
    public static Signing unsigned() {
        return new Signing(false, EnumSet.noneOf(Scheme.class), RELEASE_SUBJECT, "SHA256withRSA", false, 2048, null);
    }

    /** The signature schemes to write (at least one). */
    public Signing schemes(Scheme... schemes) {
        if (schemes.length == 0) throw new IllegalArgumentException("at least one scheme; use Signing.unsigned() for none");
        return new Signing(true, EnumSet.copyOf(Arrays.asList(schemes)), subject, certificateAlgorithm, expired, keyBits, minSdk);
    }

    /** The signature schemes by name: "v1", "v2", "v3". */
    public Signing schemes(String... names) {
        Scheme[] s = new Scheme[names.length];
        for (int i = 0; i < names.length; i++) s[i] = Scheme.valueOf(names[i].toUpperCase(Locale.ROOT));
        return schemes(s);
    }

    /**
     * The certificate's signature algorithm: "SHA256withRSA" (default), "SHA1withRSA" or "MD5withRSA".
     * With SHA1 or MD5 the v1 signature also uses SHA-1 digests (apksig cannot write MD5 JAR signatures;
     * v2/v3 always use SHA-256).
     */
    public Signing digest(String certificateSignatureAlgorithm) {
        String a = certificateSignatureAlgorithm.toUpperCase(Locale.ROOT);
        String canonical = switch (a) {
            case "SHA256WITHRSA" -> "SHA256withRSA";
            case "SHA1WITHRSA" -> "SHA1withRSA";
            case "MD5WITHRSA" -> "MD5withRSA";
            case "SHA512WITHRSA" -> "SHA512withRSA";
            default -> throw new IllegalArgumentException("unsupported algorithm " + certificateSignatureAlgorithm);
        };
        return new Signing(signed, schemes, subject, canonical, expired, keyBits, minSdk);
    }

    /** A certificate whose validity ended in the past (2000-01-01 .. 2010-01-01). */
    public Signing expired() {
        return new Signing(signed, schemes, subject, certificateAlgorithm, true, keyBits, minSdk);
    }

    /** Another certificate subject (an X.500 name). */
    public Signing subject(String x500Name) {
        return new Signing(signed, schemes, Objects.requireNonNull(x500Name), certificateAlgorithm, expired, keyBits, minSdk);
    }

    /** RSA key size (default 2048). */
    public Signing keyBits(int bits) {
        return new Signing(signed, schemes, subject, certificateAlgorithm, expired, bits, minSdk);
    }

    /**
     * The minSdk apksig signs for (chooses the v1 digest: SHA-1 below 18, SHA-256 from 18). Default: the
     * manifest's minSdkVersion, or 1 when the certificate algorithm is SHA-1/MD5.
     */
    public Signing minSdk(int minSdk) {
        return new Signing(signed, schemes, subject, certificateAlgorithm, expired, keyBits, minSdk);
    }

    public boolean isSigned() { return signed; }
    public Set<Scheme> schemes() { return EnumSet.copyOf(schemes.isEmpty() ? EnumSet.noneOf(Scheme.class) : schemes); }
    public String subject() { return subject; }
    public String certificateAlgorithm() { return certificateAlgorithm; }
    public boolean isExpired() { return expired; }
    public int keyBits() { return keyBits; }
    Integer minSdkOverride() { return minSdk; }

    /** The key and self-signed certificate this signing uses (deterministic, cached per JVM). */
    public Certificates.KeyAndCertificate keyAndCertificate() {
        return Certificates.get(subject, certificateAlgorithm, expired, keyBits);
    }

    @Override
    public String toString() {
        return signed ? "Signing" + schemes + " " + subject + " " + certificateAlgorithm + (expired ? " expired" : "") : "unsigned";
    }
}
