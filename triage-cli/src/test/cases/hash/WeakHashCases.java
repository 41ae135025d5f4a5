package corpus.hash;

import com.google.common.hash.HashCode;
import com.google.common.hash.Hashing;
import org.apache.commons.codec.digest.DigestUtils;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;

/** Fingerprints of patient documents and signatures on lab reports. */
public class WeakHashCases {
    private static final String DOC_DIGEST = "SHA-1";
    private static final String STRONG_DOC_DIGEST = "SHA-256";

    public byte[] badMd5Literal(byte[] document) throws Exception {
        MessageDigest md = MessageDigest.getInstance("MD5"); // BUG: java/weak-hash
        return md.digest(document);
    }

    public byte[] goodSha256Literal(byte[] document) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        return md.digest(document);
    }

    public byte[] badSha1Constant(byte[] document) throws Exception {
        return MessageDigest.getInstance(DOC_DIGEST).digest(document); // BUG: java/weak-hash
    }

    public byte[] goodSha256Constant(byte[] document) throws Exception {
        return MessageDigest.getInstance(STRONG_DOC_DIGEST).digest(document);
    }

    public byte[] badConcatenation(byte[] document) throws Exception {
        String family = "SHA";
        return MessageDigest.getInstance(family + "-1").digest(document); // BUG: java/weak-hash
    }

    public byte[] goodConcatenation(byte[] document) throws Exception {
        String family = "SHA";
        return MessageDigest.getInstance(family + "-512").digest(document);
    }

    public byte[] badStringBuilder(byte[] document) throws Exception {
        StringBuilder sb = new StringBuilder();
        sb.append("MD").append(2);
        return MessageDigest.getInstance(sb.toString()).digest(document); // BUG: java/weak-hash
    }

    public byte[] goodStringBuilder(byte[] document) throws Exception {
        StringBuilder sb = new StringBuilder();
        sb.append("SHA3-").append(256);
        return MessageDigest.getInstance(sb.toString()).digest(document);
    }

    private static String legacyDigestName() {
        return "SHA";
    }

    private static String digestName() {
        return "SHA-384";
    }

    public byte[] badHelperReturn(byte[] document) throws Exception {
        return MessageDigest.getInstance(legacyDigestName()).digest(document); // BUG: java/weak-hash
    }

    public byte[] goodHelperReturn(byte[] document) throws Exception {
        return MessageDigest.getInstance(digestName()).digest(document);
    }

    public byte[] badSignature(PrivateKey labKey, byte[] report) throws Exception {
        Signature s = Signature.getInstance("SHA1withRSA"); // BUG: java/weak-hash
        s.initSign(labKey);
        s.update(report);
        return s.sign();
    }

    public byte[] badMd5Signature(PrivateKey labKey, byte[] report) throws Exception {
        Signature s = Signature.getInstance("MD5withRSA"); // BUG: java/weak-hash
        s.initSign(labKey);
        s.update(report);
        return s.sign();
    }

    public byte[] goodSignature(PrivateKey labKey, byte[] report) throws Exception {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(labKey);
        s.update(report);
        return s.sign();
    }

    // ---- commons-codec ----

    public String badCodecMd5Hex(String patientId) {
        return DigestUtils.md5Hex(patientId); // BUG: java/weak-hash
    }

    public String badCodecSha1Hex(String mrn) {
        return DigestUtils.sha1Hex(mrn); // BUG: java/weak-hash
    }

    public byte[] badCodecMd5(byte[] scan) {
        return DigestUtils.md5(scan); // BUG: java/weak-hash
    }

    public MessageDigest badCodecGetSha1() {
        return DigestUtils.getSha1Digest(); // BUG: java/weak-hash
    }

    public String goodCodecSha256Hex(String patientId) {
        return DigestUtils.sha256Hex(patientId);
    }

    public MessageDigest goodCodecGetSha512() {
        return DigestUtils.getSha512Digest();
    }

    // ---- Guava ----

    @SuppressWarnings("deprecation")
    public String badGuavaMd5(String appointmentRef) {
        HashCode h = Hashing.md5().hashString(appointmentRef, StandardCharsets.UTF_8); // BUG: java/weak-hash
        return h.toString();
    }

    @SuppressWarnings("deprecation")
    public String badGuavaSha1(String appointmentRef) {
        return Hashing.sha1().hashString(appointmentRef, StandardCharsets.UTF_8).toString(); // BUG: java/weak-hash
    }

    public String goodGuavaSha256(String appointmentRef) {
        return Hashing.sha256().hashString(appointmentRef, StandardCharsets.UTF_8).toString();
    }

    /** Not a cryptographic digest at all: a bucket for a cache of ward names. */
    public int goodGuavaMurmurForCache(String ward) {
        return Hashing.murmur3_32_fixed().hashString(ward, StandardCharsets.UTF_8).asInt();
    }
}
