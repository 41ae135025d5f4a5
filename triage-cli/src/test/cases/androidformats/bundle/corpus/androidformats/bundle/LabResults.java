package corpus.androidformats.bundle;

import java.security.MessageDigest;

/** Code in an app bundle's base/dex: read like an APK's classes.dex. */
public class LabResults {
    public byte[] legacyFingerprint(byte[] result) throws Exception {
        return MessageDigest.getInstance("MD5").digest(result); // BUG: java/weak-hash
    }

    public byte[] fingerprint(byte[] result) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(result);
    }
}
