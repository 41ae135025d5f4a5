package corpus.keys.keyholders;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Keys, IVs and passwords defined in one place and used in another: in an instance or static field set by the class
 * itself, or passed through a helper's parameter.
 */
public class ExportCrypto {
    private final byte[] exportKey = "export-key-2019!".getBytes(StandardCharsets.UTF_8);
    private static byte[] legacyIv = new byte[16];
    private final String reportPassword = "Rep0rts!2019";
    private String archivePassword = "Arch1ve!2019";
    private String replicaPassword;
    private final SecureRandom random = new SecureRandom();
    private byte[] sessionKey;

    public ExportCrypto(byte[] sessionKey) {
        this.sessionKey = sessionKey;
        this.replicaPassword = System.getenv("REPLICA_PASSWORD");
    }

    public Cipher badKeyInInstanceField() throws Exception {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(exportKey, "AES"), new GCMParameterSpec(128, freshIv())); // BUG: java/hardcoded-key
        return c;
    }

    public Cipher badIvInStaticField() throws Exception {
        Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
        c.init(Cipher.ENCRYPT_MODE, keyFrom(sessionKey), new IvParameterSpec(legacyIv)); // BUG: java/static-iv
        return c;
    }

    public Cipher badKeyThroughHelper() throws Exception {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, keyFrom("0123456789abcdef".getBytes(StandardCharsets.US_ASCII)), new GCMParameterSpec(128, freshIv()));
        return c;
    }

    public Cipher badIvThroughHelper() throws Exception {
        Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
        c.init(Cipher.ENCRYPT_MODE, keyFrom(sessionKey), ivFrom(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}));
        return c;
    }

    public Connection badPasswordInField() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://db.internal/reports", "reports", reportPassword); // BUG: java/hardcoded-password
    }

    public Connection badPasswordInMutableField() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://db.internal/archive", "archive", archivePassword); // BUG: java/hardcoded-password
    }

    public Connection badPasswordThroughHelper() throws Exception {
        return connect("reports", "Rep0rts!2019");
    }

    private SecretKeySpec keyFrom(byte[] raw) {
        return new SecretKeySpec(raw, "AES"); // BUG: java/hardcoded-key
    }

    private IvParameterSpec ivFrom(byte[] raw) {
        return new IvParameterSpec(raw); // BUG: java/static-iv
    }

    private Connection connect(String user, String password) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://db.internal/reports", user, password); // BUG: java/hardcoded-password
    }

    // ---- good ----

    public Cipher goodKeyFromConstructor() throws Exception {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(sessionKey, "AES"), new GCMParameterSpec(128, freshIv()));
        return c;
    }

    public Connection goodPasswordFromEnvironment() throws Exception {
        return connect("reports", System.getenv("REPORTS_PASSWORD"));
    }

    public Connection goodPasswordFieldFromEnvironment() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://db.internal/replica", "replica", replicaPassword);
    }

    /** The IV field is refilled with random bytes before each use: not a fixed IV. */
    private final byte[] ivBuffer = new byte[16];

    public Cipher goodIvBufferRefilled() throws Exception {
        random.nextBytes(ivBuffer);
        Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(sessionKey, "AES"), new IvParameterSpec(ivBuffer));
        return c;
    }

    private byte[] freshIv() {
        byte[] iv = new byte[12];
        random.nextBytes(iv);
        return iv;
    }
}
