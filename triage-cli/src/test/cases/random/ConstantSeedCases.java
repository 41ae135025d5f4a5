package corpus.random;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Random;

/** Generators of the scheduling service: appointment codes, shuffled rotas, sampling for audits. */
public class ConstantSeedCases {
    private static final long SEED = 20240501L;

    public int badLiteralSeed() {
        Random r = new Random(42L); // BUG: java/constant-seed
        return r.nextInt(1000);
    }

    public int badConstantSeed() {
        Random r = new Random(SEED); // BUG: java/constant-seed
        return r.nextInt();
    }

    public int badReseeded() {
        Random r = new Random();
        r.setSeed(SEED); // BUG: java/constant-seed
        return r.nextInt();
    }

    public int badSecureRandomSetSeed() {
        SecureRandom sr = new SecureRandom();
        sr.setSeed(123456789L); // BUG: java/constant-seed
        return sr.nextInt();
    }

    public int badSecureRandomSeedBytes() {
        SecureRandom sr = new SecureRandom();
        sr.setSeed("clinic-rota-seed".getBytes(StandardCharsets.UTF_8)); // BUG: java/constant-seed
        return sr.nextInt();
    }

    public int badSeedFromHelper() {
        Random r = new Random();
        r.setSeed(defaultSeed()); // BUG: java/constant-seed
        return r.nextInt();
    }

    private static long defaultSeed() {
        return 7L;
    }

    public int goodUnseeded() {
        return new SecureRandom().nextInt();
    }

    public int goodClockSeed() {
        Random r = new Random(System.nanoTime());
        return r.nextInt();
    }

    public int goodGeneratedSeed() {
        SecureRandom sr = new SecureRandom();
        sr.setSeed(sr.generateSeed(32));
        return sr.nextInt();
    }

    public int goodStrong() throws NoSuchAlgorithmException {
        return SecureRandom.getInstanceStrong().nextInt();
    }

    public int goodCallerSeed(long seed) {
        Random r = new Random(seed);
        return r.nextInt();
    }
}
