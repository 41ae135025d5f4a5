package corpus.hash.propsdigest;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Properties;

/** Reads the digest of the document store from the bundled digest.properties. */
public class DocumentFingerprints {
    private static final Properties CONFIG = new Properties();

    static {
        try (InputStream in = DocumentFingerprints.class.getClassLoader().getResourceAsStream("digest.properties")) {
            CONFIG.load(in);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public byte[] badFromFile(byte[] doc) throws Exception {
        return MessageDigest.getInstance(CONFIG.getProperty("digest.algorithm")).digest(doc); // BUG: java/weak-hash
    }

    public byte[] goodFromFile(byte[] doc) throws Exception {
        return MessageDigest.getInstance(CONFIG.getProperty("digest.strong")).digest(doc);
    }

    public byte[] badAbsentKeyWeakDefault(byte[] doc) throws Exception {
        return MessageDigest.getInstance(CONFIG.getProperty("digest.archive", "SHA-1")).digest(doc); // BUG: java/weak-hash
    }

    public byte[] goodAbsentKeyStrongDefault(byte[] doc) throws Exception {
        return MessageDigest.getInstance(CONFIG.getProperty("digest.archive", "SHA-512")).digest(doc);
    }
}
