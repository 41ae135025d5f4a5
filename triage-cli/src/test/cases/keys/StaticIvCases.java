package corpus.keys;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;

/** Encryption of discharge summaries before they leave the hospital. */
public class StaticIvCases {
    private static final byte[] FIXED_IV = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    private static final byte[] FIXED_NONCE = new byte[12];
    private static final SecureRandom RNG = new SecureRandom();

    public byte[] badZeroIv(SecretKey key, byte[] summary) throws Exception {
        Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
        c.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(new byte[16])); // BUG: java/static-iv
        return c.doFinal(summary);
    }

    public byte[] badConstantIv(SecretKey key, byte[] summary) throws Exception {
        IvParameterSpec iv = new IvParameterSpec(FIXED_IV); // BUG: java/static-iv
        Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
        c.init(Cipher.ENCRYPT_MODE, key, iv);
        return c.doFinal(summary);
    }

    public byte[] badStringIv(SecretKey key, byte[] summary) throws Exception {
        IvParameterSpec iv = new IvParameterSpec("fedcba9876543210".getBytes(StandardCharsets.US_ASCII)); // BUG: java/static-iv
        Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
        c.init(Cipher.ENCRYPT_MODE, key, iv);
        return c.doFinal(summary);
    }

    public byte[] badFixedGcmNonce(SecretKey key, byte[] summary) throws Exception {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, FIXED_NONCE)); // BUG: java/static-iv
        return c.doFinal(summary);
    }

    public byte[] badAllocatedNeverFilled(SecretKey key, byte[] summary) throws Exception {
        byte[] iv = new byte[12];
        GCMParameterSpec spec = new GCMParameterSpec(128, iv); // BUG: java/static-iv
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, key, spec);
        return c.doFinal(summary);
    }

    // ---- good ----

    public byte[] goodRandomIv(SecretKey key, byte[] summary) throws Exception {
        byte[] iv = new byte[16];
        RNG.nextBytes(iv);
        Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
        c.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
        byte[] ct = c.doFinal(summary);
        return ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct).array();
    }

    public byte[] goodRandomGcmNonce(SecretKey key, byte[] summary) throws Exception {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        byte[] ct = c.doFinal(summary);
        return ByteBuffer.allocate(nonce.length + ct.length).put(nonce).put(ct).array();
    }

    /** Decryption takes the IV stored in front of the ciphertext. */
    public byte[] goodIvFromMessage(SecretKey key, byte[] message) throws Exception {
        byte[] nonce = Arrays.copyOfRange(message, 0, 12);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        return c.doFinal(message, 12, message.length - 12);
    }

    public byte[] goodIvParameter(SecretKey key, byte[] iv, byte[] summary) throws Exception {
        Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
        c.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(iv));
        return c.doFinal(summary);
    }
}
