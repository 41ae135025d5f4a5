package org.example.portal.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Properties;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.example.portal.config.PortalConfig;

/**
 * Encrypts the free-text notes clinicians attach to a patient record.
 *
 * <p>The {@code *Legacy} and archive methods are kept for records written by the first portal
 * release and are deliberately flawed (see the {@code BUG} markers); {@link #encrypt} and
 * {@link #encryptConfigured} are the safe ways to do the same job.
 */
public class NoteCrypto {

    private static final int GCM_IV_BYTES = 12;
    private static final int GCM_TAG_BITS = 128;

    private final Properties config = PortalConfig.load();
    private final SecureRandom secureRandom = new SecureRandom();

    /** A fresh 256-bit AES key for a patient's notes; stored wrapped in the key store, never in code. */
    public SecretKey newNotesKey() throws GeneralSecurityException {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        return generator.generateKey();
    }

    /** First-release note encryption: DES in ECB mode under a key written into the code. */
    public byte[] encryptLegacy(String note) throws GeneralSecurityException {
        SecretKeySpec key = new SecretKeySpec("n0tesK3y".getBytes(StandardCharsets.US_ASCII), "DES"); // BUG: java/hardcoded-key, java/weak-cipher
        Cipher cipher = Cipher.getInstance("DES/ECB/PKCS5Padding"); // BUG: java/weak-cipher
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return cipher.doFinal(note.getBytes(StandardCharsets.UTF_8));
    }

    /** Safe twin: AES-GCM with a fresh random 96-bit nonce, prepended to the ciphertext. */
    public byte[] encrypt(String note, SecretKey key) throws GeneralSecurityException {
        byte[] iv = new byte[GCM_IV_BYTES];
        secureRandom.nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(GCM_TAG_BITS, iv));
        byte[] sealed = cipher.doFinal(note.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
    }

    /** Safe twin of {@link #encrypt}: decrypts what it wrote. */
    public String decrypt(byte[] message, SecretKey key) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(GCM_TAG_BITS, message, 0, GCM_IV_BYTES));
        byte[] plain = cipher.doFinal(message, GCM_IV_BYTES, message.length - GCM_IV_BYTES);
        return new String(plain, StandardCharsets.UTF_8);
    }

    /** Notes archive export: AES-CBC, but with an all-zero IV, so equal notes encrypt alike. */
    public byte[] encryptForArchive(byte[] data, SecretKey key) throws GeneralSecurityException {
        byte[] iv = new byte[16];
        IvParameterSpec ivSpec = new IvParameterSpec(iv); // BUG: java/static-iv
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, key, ivSpec);
        return cipher.doFinal(data);
    }

    /** Safe twin: the same CBC export with a random IV stored in front of the ciphertext. */
    public byte[] encryptForArchiveSafely(byte[] data, SecretKey key) throws GeneralSecurityException {
        byte[] iv = new byte[16];
        secureRandom.nextBytes(iv);
        IvParameterSpec ivSpec = new IvParameterSpec(iv);
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, key, ivSpec);
        byte[] sealed = cipher.doFinal(data);
        return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
    }

    /** Old-archive compatibility: the cipher comes from portal.properties, which still says DES/ECB. */
    public byte[] encryptConfiguredLegacy(byte[] data, SecretKey key) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(config.getProperty("crypto.cipher")); // BUG: java/weak-cipher
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return cipher.doFinal(data);
    }

    /** Safe twin: the notes cipher from portal.properties is AES/GCM/NoPadding (and so is the default). */
    public byte[] encryptConfigured(byte[] data, SecretKey key) throws GeneralSecurityException {
        byte[] iv = new byte[GCM_IV_BYTES];
        secureRandom.nextBytes(iv);
        Cipher cipher = Cipher.getInstance(config.getProperty("crypto.notes.cipher", "AES/GCM/NoPadding"));
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(GCM_TAG_BITS, iv));
        byte[] sealed = cipher.doFinal(data);
        return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
    }
}
