package corpus.keys;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/** Key pairs for signing prescriptions and keys for the backup archive. */
public class ShortKeyCases {
    private static final int LEGACY_RSA_BITS = 1024;
    private static final int RSA_BITS = 3072;

    public KeyPair badRsaLiteral() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(512); // BUG: java/short-key
        return g.generateKeyPair();
    }

    public KeyPair badRsaConstant() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(LEGACY_RSA_BITS); // BUG: java/short-key
        return g.generateKeyPair();
    }

    public KeyPair badDsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("DSA");
        g.initialize(1024); // BUG: java/short-key
        return g.generateKeyPair();
    }

    public KeyPair badDh() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("DiffieHellman");
        g.initialize(1024); // BUG: java/short-key
        return g.generateKeyPair();
    }

    public KeyPair badEc() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(160); // BUG: java/short-key
        return g.generateKeyPair();
    }

    public SecretKey badAes() throws Exception {
        KeyGenerator kg = KeyGenerator.getInstance("AES");
        kg.init(64); // BUG: java/short-key
        return kg.generateKey();
    }

    private static int legacyBits() {
        return 1024;
    }

    private static int modernBits() {
        return 4096;
    }

    public KeyPair badHelperReturn() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(legacyBits()); // BUG: java/short-key
        return g.generateKeyPair();
    }

    public KeyPair badAlgorithmFromConcatenation() throws Exception {
        String family = "R";
        KeyPairGenerator g = KeyPairGenerator.getInstance(family + "SA");
        g.initialize(768); // BUG: java/short-key
        return g.generateKeyPair();
    }

    /** One caller asks for 1024 bits. */
    static KeyPair rsaPair(int bits) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits); // BUG: java/short-key
        return g.generateKeyPair();
    }

    /** Every caller asks for 2048 bits or more. */
    static KeyPair strongRsaPair(int bits) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits);
        return g.generateKeyPair();
    }

    public KeyPair legacyPrescriptionSigner() throws Exception {
        return rsaPair(1024);
    }

    public KeyPair prescriptionSigner() throws Exception {
        return rsaPair(3072);
    }

    public KeyPair labReportSigner() throws Exception {
        return strongRsaPair(2048);
    }

    public KeyPair referralSigner() throws Exception {
        return strongRsaPair(4096);
    }

    // ---- good ----

    public KeyPair goodRsa2048() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    public KeyPair goodRsaConstant() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(RSA_BITS);
        return g.generateKeyPair();
    }

    public KeyPair goodHelperReturn() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(modernBits());
        return g.generateKeyPair();
    }

    public KeyPair goodEc256() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        return g.generateKeyPair();
    }

    public KeyPair goodEcNamedCurve() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp384r1"));
        return g.generateKeyPair();
    }

    public SecretKey goodAes256() throws Exception {
        KeyGenerator kg = KeyGenerator.getInstance("AES");
        kg.init(256);
        return kg.generateKey();
    }

    public SecretKey goodAes128() throws Exception {
        KeyGenerator kg = KeyGenerator.getInstance("AES");
        kg.init(128);
        return kg.generateKey();
    }

    public SecretKey goodHmac() throws Exception {
        KeyGenerator kg = KeyGenerator.getInstance("HmacSHA256");
        kg.init(256);
        return kg.generateKey();
    }
}
