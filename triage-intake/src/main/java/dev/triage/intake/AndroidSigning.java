package dev.triage.intake;

import java.time.Instant;
import java.util.List;

/**
 * How an APK is signed, as read by apksig: which signature schemes are present (verified or not), the
 * signer certificates and algorithms, and apksig's errors and warnings.
 *
 * @param origin the APK (input path)
 * @param v1     JAR signing (v1) present
 * @param v2     APK Signature Scheme v2 present
 * @param v3     v3 present
 * @param v31    v3.1 present
 * @param v4     v4 present (a separate .idsig file next to the APK)
 * @param minSdk the app's minSdkVersion the signatures were checked for (from the decoded manifest, else apksig's
 *               own reading of the binary manifest; 1 when the manifest names none, as Android assumes), or 0 when
 *               it could not be read
 */
public record AndroidSigning(String origin, boolean v1, boolean v2, boolean v3, boolean v31, boolean v4,
        List<Signer> signers, List<String> errors, List<String> warnings, int minSdk) {
    public AndroidSigning {
        signers = List.copyOf(signers);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        minSdk = Math.max(0, minSdk);
    }

    /** A signing whose minSdk is unknown. */
    public AndroidSigning(String origin, boolean v1, boolean v2, boolean v3, boolean v31, boolean v4,
            List<Signer> signers, List<String> errors, List<String> warnings) {
        this(origin, v1, v2, v3, v31, v4, signers, errors, warnings, 0);
    }

    /** True when the APK carries no signature of any scheme (it cannot be installed). */
    public boolean unsigned() {
        return !v1 && !v2 && !v3 && !v31 && signers.isEmpty();
    }

    /**
     * One signer of one scheme.
     *
     * @param scheme                        v1, v2, v3 or v3.1
     * @param subject                       certificate subject (RFC 2253), e.g. {@code CN=Android Debug,O=Android,C=US}
     * @param issuer                        certificate issuer (RFC 2253)
     * @param certificateSignatureAlgorithm the certificate's own signature algorithm, e.g. {@code SHA1withRSA}
     * @param signatureAlgorithm            the APK signature's digest and algorithm, e.g. {@code SHA256withRSA},
     *                                      {@code MD5withRSA}; several joined with {@code ,} (v2/v3 signers may
     *                                      sign with more than one); null when unknown
     * @param keyAlgorithm                  RSA, EC, DSA...
     * @param keyBits                       key size in bits, 0 when unknown
     * @param certificateSha256             hex SHA-256 of the encoded certificate
     */
    public record Signer(String scheme, String subject, String issuer, String certificateSignatureAlgorithm,
            String signatureAlgorithm, String keyAlgorithm, int keyBits, Instant notBefore, Instant notAfter,
            String certificateSha256) {
    }
}
