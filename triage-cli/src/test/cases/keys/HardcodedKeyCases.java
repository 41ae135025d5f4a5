package corpus.keys;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.KeyStore;
import java.util.Base64;

/** Keys protecting exported patient records and signing appointment links. */
public class HardcodedKeyCases {
    private static final byte[] EXPORT_KEY = {
        0x13, 0x37, 0x42, 0x24, 0x55, 0x66, 0x77, 0x08, 0x19, 0x2a, 0x3b, 0x4c, 0x5d, 0x6e, 0x7f, 0x10
    };
    private static final String LINK_SIGNING_SECRET = "appointment-link-signing-secret!";

    public SecretKeySpec badStringLiteral() {
        return new SecretKeySpec("0123456789abcdef".getBytes(StandardCharsets.UTF_8), "AES"); // BUG: java/hardcoded-key
    }

    public SecretKeySpec badByteArrayLiteral() {
        return new SecretKeySpec(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, "AES"); // BUG: java/hardcoded-key
    }

    public SecretKeySpec badStaticFinalArray() {
        return new SecretKeySpec(EXPORT_KEY, "AES"); // BUG: java/hardcoded-key
    }

    public SecretKeySpec badBase64Literal() {
        byte[] k = Base64.getDecoder().decode("q83vEjRWeJC6y5Dh3k9sSg==");
        return new SecretKeySpec(k, "AES"); // BUG: java/hardcoded-key
    }

    public SecretKeySpec badHmacFromConstant() {
        return new SecretKeySpec(LINK_SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"); // BUG: java/hardcoded-key
    }

    // ---- good ----

    public SecretKeySpec goodGenerated() throws Exception {
        KeyGenerator kg = KeyGenerator.getInstance("AES");
        kg.init(256);
        SecretKey k = kg.generateKey();
        return new SecretKeySpec(k.getEncoded(), "AES");
    }

    public Key goodFromKeyStore(KeyStore ks, char[] password) throws Exception {
        return ks.getKey("export-key", password);
    }

    public SecretKeySpec goodFromEnvironment() {
        byte[] k = Base64.getDecoder().decode(System.getenv("LINK_SIGNING_KEY"));
        return new SecretKeySpec(k, "HmacSHA256");
    }

    public SecretKeySpec goodFromParameter(byte[] unwrappedKey) {
        return new SecretKeySpec(unwrappedKey, "AES");
    }
}
