package corpus.hash;

import java.security.MessageDigest;

/** Digest names handed to app helpers by their callers; the sink line is inside the helper. */
public class DigestHelperCases {
    /** One caller passes MD5. */
    static byte[] fingerprint(String algorithm, byte[] document) throws Exception {
        return MessageDigest.getInstance(algorithm).digest(document); // BUG: java/weak-hash
    }

    /** Every caller passes a SHA-2 name. */
    static byte[] checksum(String algorithm, byte[] document) throws Exception {
        return MessageDigest.getInstance(algorithm).digest(document);
    }

    public byte[] legacyScanFingerprint(byte[] radiologyScan) throws Exception {
        return fingerprint("MD5", radiologyScan);
    }

    public byte[] scanFingerprint(byte[] radiologyScan) throws Exception {
        return fingerprint("SHA-256", radiologyScan);
    }

    public byte[] prescriptionChecksum(byte[] prescription) throws Exception {
        return checksum("SHA-256", prescription);
    }

    public byte[] invoiceChecksum(byte[] invoice) throws Exception {
        return checksum("SHA-512", invoice);
    }
}
