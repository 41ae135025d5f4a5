package org.example.portal.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** Salted PBKDF2 password hashes for patient accounts. */
public class PasswordHasher {

    private static final int ITERATIONS = 210_000;
    private static final int HASH_BITS = 256;

    private final SecureRandom secureRandom = new SecureRandom();

    public byte[] newSalt() {
        byte[] salt = new byte[16];
        secureRandom.nextBytes(salt);
        return salt;
    }

    public byte[] hash(char[] password, byte[] salt) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(password, salt, ITERATIONS, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } finally {
            spec.clearPassword();
        }
    }

    public boolean matches(char[] password, byte[] salt, byte[] expected) throws GeneralSecurityException {
        return MessageDigest.isEqual(hash(password, salt), expected);
    }
}
