package dev.triage.intake.android;

import com.android.apksig.ApkVerifier;
import com.android.apksig.apk.ApkUtils;
import com.android.apksig.util.DataSources;
import com.android.apksig.internal.apk.ApkSigningBlockUtils;
import com.android.apksig.internal.asn1.Asn1BerParser;
import com.android.apksig.internal.pkcs7.ContentInfo;
import com.android.apksig.internal.pkcs7.SignedData;
import com.android.apksig.internal.pkcs7.SignerInfo;
import dev.triage.intake.AndroidSigning;

import java.io.File;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads how an APK is signed with apksig. Never throws: problems become errors of the result. */
public final class ApkSigningReader {
    private static final Map<String, String> DIGESTS = Map.of(
            "1.2.840.113549.2.5", "MD5", "1.3.14.3.2.26", "SHA1", "2.16.840.1.101.3.4.2.1", "SHA256",
            "2.16.840.1.101.3.4.2.2", "SHA384", "2.16.840.1.101.3.4.2.3", "SHA512", "2.16.840.1.101.3.4.2.4", "SHA224");
    private static final Map<String, String> SIGNATURES = Map.ofEntries(
            Map.entry("1.2.840.113549.1.1.1", "RSA"), Map.entry("1.2.840.113549.1.1.4", "MD5withRSA"),
            Map.entry("1.2.840.113549.1.1.5", "SHA1withRSA"), Map.entry("1.2.840.113549.1.1.11", "SHA256withRSA"),
            Map.entry("1.2.840.113549.1.1.12", "SHA384withRSA"), Map.entry("1.2.840.113549.1.1.13", "SHA512withRSA"),
            Map.entry("1.2.840.113549.1.1.14", "SHA224withRSA"), Map.entry("1.2.840.10040.4.1", "DSA"),
            Map.entry("1.2.840.10040.4.3", "SHA1withDSA"), Map.entry("2.16.840.1.101.3.4.3.2", "SHA256withDSA"),
            Map.entry("1.2.840.10045.2.1", "ECDSA"), Map.entry("1.2.840.10045.4.1", "SHA1withECDSA"),
            Map.entry("1.2.840.10045.4.3.2", "SHA256withECDSA"), Map.entry("1.2.840.10045.4.3.3", "SHA384withECDSA"),
            Map.entry("1.2.840.10045.4.3.4", "SHA512withECDSA"));
    private static final int MAX_SIGNATURE_BLOCK = 1 << 20;
    private static final int MAX_MANIFEST = 8 << 20;

    private ApkSigningReader() {
    }

    /**
     * The APK's entries as intake reads them (its one zip reader, with the input's limits): the bytes of the entry
     * {@code name} when it is present, within {@code cap} and intact; otherwise null.
     */
    @FunctionalInterface
    public interface Entries {
        byte[] read(String name, int cap);
    }

    /**
     * @param minSdk the app's minSdkVersion when known (apksig checks the signatures for the platforms from
     *               there), or 0 to let apksig read it from the binary manifest (the result records what was found,
     *               0 when neither could)
     */
    public static AndroidSigning read(File apk, String origin, int minSdk, Entries entries) {
        if (minSdk <= 0) {
            minSdk = manifestMinSdk(entries);
        }
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<AndroidSigning.Signer> signers = new ArrayList<>();
        ApkVerifier.Result r;
        try {
            ApkVerifier.Builder b = new ApkVerifier.Builder(apk);
            if (minSdk > 0) {
                b.setMinCheckedPlatformVersion(minSdk);
            }
            r = b.build().verify();
        } catch (Exception | StackOverflowError e) {
            errors.add("cannot verify the APK signature: " + DexConverter.describe(e));
            return new AndroidSigning(origin, false, false, false, false, false, signers, errors, warnings, minSdk);
        }
        try {
            r.getErrors().forEach(i -> errors.add(String.valueOf(i)));
            r.getWarnings().forEach(i -> warnings.add(String.valueOf(i)));
            for (ApkVerifier.Result.V1SchemeSignerInfo s : r.getV1SchemeSigners()) {
                s.getErrors().forEach(i -> errors.add("v1 " + s.getName() + ": " + i));
                s.getWarnings().forEach(i -> warnings.add("v1 " + s.getName() + ": " + i));
                signers.add(signer("v1", s.getCertificate(), v1Algorithm(entries, s.getSignatureBlockFileName())));
            }
            for (ApkVerifier.Result.V2SchemeSignerInfo s : r.getV2SchemeSigners()) {
                s.getErrors().forEach(i -> errors.add("v2 signer #" + s.getIndex() + ": " + i));
                s.getWarnings().forEach(i -> warnings.add("v2 signer #" + s.getIndex() + ": " + i));
                signers.add(signer("v2", s.getCertificate(), blockAlgorithms(s.getContentDigests())));
            }
            for (ApkVerifier.Result.V3SchemeSignerInfo s : r.getV3SchemeSigners()) {
                s.getErrors().forEach(i -> errors.add("v3 signer #" + s.getIndex() + ": " + i));
                s.getWarnings().forEach(i -> warnings.add("v3 signer #" + s.getIndex() + ": " + i));
                signers.add(signer("v3", s.getCertificate(), blockAlgorithms(s.getContentDigests())));
            }
            for (ApkVerifier.Result.V3SchemeSignerInfo s : r.getV31SchemeSigners()) {
                s.getErrors().forEach(i -> errors.add("v3.1 signer #" + s.getIndex() + ": " + i));
                signers.add(signer("v3.1", s.getCertificate(), blockAlgorithms(s.getContentDigests())));
            }
            boolean v1 = r.isVerifiedUsingV1Scheme() || !r.getV1SchemeSigners().isEmpty();
            boolean v2 = r.isVerifiedUsingV2Scheme() || !r.getV2SchemeSigners().isEmpty();
            boolean v3 = r.isVerifiedUsingV3Scheme() || !r.getV3SchemeSigners().isEmpty();
            boolean v31 = r.isVerifiedUsingV31Scheme() || !r.getV31SchemeSigners().isEmpty();
            boolean v4 = r.isVerifiedUsingV4Scheme() || !r.getV4SchemeSigners().isEmpty();
            return new AndroidSigning(origin, v1, v2, v3, v31, v4, signers, errors, warnings, minSdk);
        } catch (RuntimeException | StackOverflowError e) {
            errors.add("cannot read the APK signature result: " + DexConverter.describe(e));
            return new AndroidSigning(origin, false, false, false, false, false, signers, errors, warnings, minSdk);
        }
    }

    /**
     * apksig's reading of the binary manifest's minSdkVersion (1 when it names none; codenames resolved), for APKs
     * whose manifest Triage's decoder could not read or whose value was not a number; 0 when apksig cannot read it
     * either. The manifest is read through {@code entries}, only when it is within a bound.
     */
    static int manifestMinSdk(Entries entries) {
        byte[] manifest = entries.read(ApkUtils.ANDROID_MANIFEST_ZIP_ENTRY_NAME, MAX_MANIFEST);
        if (manifest == null) {
            return 0;
        }
        try {
            return Math.max(0, ApkUtils.getMinSdkVersionFromBinaryAndroidManifest(ByteBuffer.wrap(manifest)));
        } catch (Exception | StackOverflowError e) {
            return 0;
        }
    }

    private static AndroidSigning.Signer signer(String scheme, X509Certificate c, String algorithm) {
        if (c == null) {
            return new AndroidSigning.Signer(scheme, null, null, null, algorithm, null, 0, null, null, null);
        }
        String keyAlg = c.getPublicKey() == null ? null : c.getPublicKey().getAlgorithm();
        int bits = 0;
        if (c.getPublicKey() instanceof RSAPublicKey k) {
            bits = k.getModulus().bitLength();
        } else if (c.getPublicKey() instanceof ECPublicKey k) {
            bits = k.getParams().getCurve().getField().getFieldSize();
        } else if (c.getPublicKey() instanceof DSAPublicKey k && k.getParams() != null) {
            bits = k.getParams().getP().bitLength();
        }
        String sha256 = null;
        try {
            sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (Exception e) {
            // stays null
        }
        return new AndroidSigning.Signer(scheme, c.getSubjectX500Principal().getName(),
                c.getIssuerX500Principal().getName(), c.getSigAlgName(), algorithm, keyAlg, bits,
                c.getNotBefore().toInstant(), c.getNotAfter().toInstant(), sha256);
    }

    private static String blockAlgorithms(List<ApkSigningBlockUtils.Result.SignerInfo.ContentDigest> digests) {
        Set<String> out = new LinkedHashSet<>();
        for (var d : digests) {
            out.add(algorithmName(d.getSignatureAlgorithmId()));
        }
        return out.isEmpty() ? null : String.join(",", out);
    }

    /** The JCA-style name of an APK Signature Scheme v2/v3 signature algorithm id. */
    static String algorithmName(int id) {
        return switch (id) {
            case 0x0101 -> "SHA256withRSA/PSS";
            case 0x0102 -> "SHA512withRSA/PSS";
            case 0x0103 -> "SHA256withRSA";
            case 0x0104 -> "SHA512withRSA";
            case 0x0201 -> "SHA256withECDSA";
            case 0x0202 -> "SHA512withECDSA";
            case 0x0301 -> "SHA256withDSA";
            case 0x0421 -> "SHA256withRSA";   // verity variants sign the same way
            case 0x0423 -> "SHA256withECDSA";
            case 0x0425 -> "SHA256withDSA";
            default -> String.format("0x%04x", id);
        };
    }

    /** The digest and signature algorithm of the PKCS#7 SignerInfo in a v1 signature block file. */
    static String v1Algorithm(Entries entries, String blockFile) {
        if (blockFile == null) {
            return null;
        }
        try {
            byte[] b = entries.read(blockFile, MAX_SIGNATURE_BLOCK);
            if (b == null) {
                return null;
            }
            ContentInfo ci = Asn1BerParser.parse(ByteBuffer.wrap(b), ContentInfo.class);
            SignedData sd = Asn1BerParser.parse(ci.content.getEncoded(), SignedData.class);
            Set<String> out = new LinkedHashSet<>();
            for (SignerInfo si : sd.signerInfos) {
                out.add(pkcs7Name(si.digestAlgorithm.algorithm, si.signatureAlgorithm.algorithm));
            }
            return out.isEmpty() ? null : String.join(",", out);
        } catch (RuntimeException | StackOverflowError | com.android.apksig.internal.asn1.Asn1DecodingException e) {
            return null;
        }
    }

    static String pkcs7Name(String digestOid, String signatureOid) {
        String digest = DIGESTS.getOrDefault(digestOid, digestOid);
        String sig = SIGNATURES.getOrDefault(signatureOid, signatureOid);
        // the SignerInfo digest algorithm names the digest; the signature OID may name one too (sha256WithRSA):
        // the digest of the SignerInfo wins, the key algorithm comes from the signature OID
        String base = sig.contains("with") ? sig.substring(sig.indexOf("with") + 4) : sig;
        if (!DIGESTS.containsKey(digestOid) && sig.contains("with")) {
            return sig;
        }
        return digest + "with" + base;
    }
}
