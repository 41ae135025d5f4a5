package org.example.portal.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/** Makes the tokens and one-time PINs the portal hands to patients. */
public class TokenService {

    private final Random random = new Random();
    private final SecureRandom secureRandom = new SecureRandom();

    /**
     * First-release appointment confirmation token. java.util.Random is a linear congruential
     * generator: two outputs reveal its state and every later token.
     */
    public String generateToken() {
        return Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()); // BUG: java/predictable-random
    }

    /** Safe twin: 256 bits from SecureRandom, URL-safe Base64. */
    public String newSessionToken() {
        byte[] bytes = new byte[32];
        secureRandom.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Password-reset PIN sent by SMS; ThreadLocalRandom is not meant for secrets. */
    public String newResetPin() {
        int pin = 100000 + ThreadLocalRandom.current().nextInt(900000);
        return Integer.toString(pin); // BUG: java/predictable-random
    }

    /** Safe twin: the same six-digit PIN from SecureRandom. */
    public String newSecureResetPin() {
        int pin = 100000 + secureRandom.nextInt(900000);
        return Integer.toString(pin);
    }
}
