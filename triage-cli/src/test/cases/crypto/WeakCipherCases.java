package corpus.crypto;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.SecretKeySpec;
import java.security.Key;
import java.security.PublicKey;

/** Encrypts lab results and patient notes before they are archived. Juliet style: bad and good side by side. */
public class WeakCipherCases {
    private static final String LEGACY_ARCHIVE_TRANSFORMATION = "DESede/ECB/PKCS5Padding";
    private static final String ARCHIVE_TRANSFORMATION = "AES/GCM/NoPadding";
    private static final String LEGACY_FAMILY;
    private static final String MODERN_FAMILY;

    static {
        LEGACY_FAMILY = "Blowfish";
        MODERN_FAMILY = "AES";
    }

    // ---- literals ----

    public byte[] badDesLiteral(Key key, byte[] labResult) throws Exception {
        Cipher c = Cipher.getInstance("DES/CBC/PKCS5Padding"); // BUG: java/weak-cipher
        c.init(Cipher.ENCRYPT_MODE, key);
        return c.doFinal(labResult);
    }

    public byte[] badBareAes(Key key, byte[] note) throws Exception {
        Cipher c = Cipher.getInstance("AES"); // BUG: java/weak-cipher
        c.init(Cipher.ENCRYPT_MODE, key);
        return c.doFinal(note);
    }

    public byte[] badAesEcb(Key key, byte[] note) throws Exception {
        Cipher c = Cipher.getInstance("AES/ECB/PKCS5Padding"); // BUG: java/weak-cipher
        c.init(Cipher.ENCRYPT_MODE, key);
        return c.doFinal(note);
    }

    public byte[] badRsaPkcs1(PublicKey insurerKey, byte[] claimId) throws Exception {
        Cipher c = Cipher.getInstance("RSA/ECB/PKCS1Padding"); // BUG: java/weak-cipher
        c.init(Cipher.ENCRYPT_MODE, insurerKey);
        return c.doFinal(claimId);
    }

    public byte[] badRc4(Key key, byte[] msg) throws Exception {
        Cipher c = Cipher.getInstance("ARCFOUR"); // BUG: java/weak-cipher
        c.init(Cipher.ENCRYPT_MODE, key);
        return c.doFinal(msg);
    }

    public byte[] goodAesGcm(Key key, byte[] labResult) throws Exception {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, key);
        return c.doFinal(labResult);
    }

    public byte[] goodAesCbc(Key key, byte[] note) throws Exception {
        Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
        c.init(Cipher.ENCRYPT_MODE, key);
        return c.doFinal(note);
    }

    public byte[] goodRsaOaep(PublicKey insurerKey, byte[] claimId) throws Exception {
        Cipher c = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
        c.init(Cipher.ENCRYPT_MODE, insurerKey);
        return c.doFinal(claimId);
    }

    public byte[] goodChaCha(Key key, byte[] msg) throws Exception {
        Cipher c = Cipher.getInstance("ChaCha20-Poly1305");
        c.init(Cipher.ENCRYPT_MODE, key);
        return c.doFinal(msg);
    }

    // ---- static final constants (one set in a static initialiser) ----

    public Cipher badConstant() throws Exception {
        return Cipher.getInstance(LEGACY_ARCHIVE_TRANSFORMATION); // BUG: java/weak-cipher
    }

    public Cipher goodConstant() throws Exception {
        return Cipher.getInstance(ARCHIVE_TRANSFORMATION);
    }

    // ---- concatenation and StringBuilder ----

    public Cipher badConcatenation() throws Exception {
        String mode = "/CBC/PKCS5Padding";
        return Cipher.getInstance(LEGACY_FAMILY + mode); // BUG: java/weak-cipher
    }

    public Cipher goodConcatenation() throws Exception {
        String mode = "/GCM/NoPadding";
        return Cipher.getInstance(MODERN_FAMILY + mode);
    }

    public Cipher badStringBuilder() throws Exception {
        String t = new StringBuilder("AES").append("/ECB/").append("PKCS5Padding").toString();
        return Cipher.getInstance(t); // BUG: java/weak-cipher
    }

    public Cipher goodStringBuilder() throws Exception {
        String t = new StringBuilder("AES").append("/GCM/").append("NoPadding").toString();
        return Cipher.getInstance(t);
    }

    public Cipher badStringMethod() throws Exception {
        return Cipher.getInstance("  rc2/cbc/pkcs5padding ".trim().toUpperCase()); // BUG: java/weak-cipher
    }

    // ---- helper returning a constant ----

    private static String legacyTransformation() {
        return "TripleDES/CBC/PKCS5Padding";
    }

    private static String currentTransformation() {
        return "AES/GCM/NoPadding";
    }

    public Cipher badFromHelperReturn() throws Exception {
        return Cipher.getInstance(legacyTransformation()); // BUG: java/weak-cipher
    }

    public Cipher goodFromHelperReturn() throws Exception {
        return Cipher.getInstance(currentTransformation());
    }

    // ---- key generators, key factories, key specs ----

    public SecretKey badDesKeyGenerator() throws Exception {
        KeyGenerator kg = KeyGenerator.getInstance("DES"); // BUG: java/weak-cipher
        return kg.generateKey();
    }

    public SecretKeyFactory badDesedeKeyFactory() throws Exception {
        return SecretKeyFactory.getInstance("DESede"); // BUG: java/weak-cipher
    }

    public SecretKeySpec badDesKeySpec(byte[] keyMaterialFromVault) {
        return new SecretKeySpec(keyMaterialFromVault, "DES"); // BUG: java/weak-cipher
    }

    public SecretKey goodAesKeyGenerator() throws Exception {
        KeyGenerator kg = KeyGenerator.getInstance("AES");
        return kg.generateKey();
    }

    public SecretKeyFactory goodPbkdf2KeyFactory() throws Exception {
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
    }

    public SecretKeySpec goodAesKeySpec(byte[] keyMaterialFromVault) {
        return new SecretKeySpec(keyMaterialFromVault, "AES");
    }
}
