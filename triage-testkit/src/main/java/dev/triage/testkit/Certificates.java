package dev.triage.testkit;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Deterministic RSA keys and self-signed certificates for test APKs, cached per JVM. */
public final class Certificates {
    /** A private key with its certificate. */
    public record KeyAndCertificate(PrivateKey privateKey, X509Certificate certificate) {}

    private static final Map<String, KeyAndCertificate> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, Object[]> KEYS = new ConcurrentHashMap<>();

    private Certificates() {}

    static KeyAndCertificate get(String subject, String algorithm, boolean expired, int bits) {
        String key = subject + "|" + algorithm + "|" + expired + "|" + bits;
        return CACHE.computeIfAbsent(key, k -> create(subject, algorithm, expired, bits));
    }

    private static KeyAndCertificate create(String subject, String algorithm, boolean expired, int bits) {
        try {
            Object[] pair = KEYS.computeIfAbsent(subject + "|" + bits, k -> generate(k, bits));
            PrivateKey priv = (PrivateKey) pair[0];
            PublicKey pub = (PublicKey) pair[1];
            ZonedDateTime from = expired ? ZonedDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
                    : ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
            ZonedDateTime to = expired ? ZonedDateTime.of(2010, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC) : from.plusYears(30);
            X500Principal name = new X500Principal(subject); // RFC 2253 order, like keytool
            BigInteger serial = new BigInteger(1, sha256((subject + "|serial").getBytes(StandardCharsets.UTF_8))).shiftRight(129);
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial,
                    Date.from(from.toInstant()), Date.from(to.toInstant()), name, pub);
            ContentSigner signer = new JcaContentSignerBuilder(algorithm).build(priv);
            byte[] der = b.build(signer).getEncoded();
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(der));
            return new KeyAndCertificate(priv, cert);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create test certificate " + subject + " " + algorithm, e);
        }
    }

    /** RSA key pair generated from a random stream seeded by the subject: same subject, same key. */
    private static Object[] generate(String seed, int bits) {
        try {
            RSAKeyPairGenerator gen = new RSAKeyPairGenerator();
            gen.init(new RSAKeyGenerationParameters(BigInteger.valueOf(65537), new SeededRandom(seed), bits, 100));
            AsymmetricCipherKeyPair kp = gen.generateKeyPair();
            RSAKeyParameters pub = (RSAKeyParameters) kp.getPublic();
            RSAPrivateCrtKeyParameters p = (RSAPrivateCrtKeyParameters) kp.getPrivate();
            KeyFactory kf = KeyFactory.getInstance("RSA");
            PublicKey publicKey = kf.generatePublic(new RSAPublicKeySpec(pub.getModulus(), pub.getExponent()));
            PrivateKey privateKey = kf.generatePrivate(new RSAPrivateCrtKeySpec(p.getModulus(), p.getPublicExponent(),
                    p.getExponent(), p.getP(), p.getQ(), p.getDP(), p.getDQ(), p.getQInv()));
            return new Object[] {privateKey, publicKey};
        } catch (Exception e) {
            throw new IllegalStateException("cannot generate test key", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 in counter mode over a seed: a reproducible byte stream (for test keys only). */
    private static final class SeededRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] seed;
        private long counter;
        private byte[] block = new byte[0];
        private int pos;

        SeededRandom(String seed) {
            super(new byte[0]);
            this.seed = seed.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public synchronized void nextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                if (pos >= block.length) {
                    byte[] in = new byte[seed.length + 8];
                    System.arraycopy(seed, 0, in, 0, seed.length);
                    long c = counter++;
                    for (int k = 0; k < 8; k++) in[seed.length + k] = (byte) (c >>> (8 * k));
                    block = sha256(in);
                    pos = 0;
                }
                bytes[i] = block[pos++];
            }
        }

        @Override
        public void setSeed(byte[] s) { /* fixed stream */ }

        @Override
        public void setSeed(long s) { /* fixed stream */ }

        @Override
        public byte[] generateSeed(int n) {
            byte[] b = new byte[n];
            nextBytes(b);
            return b;
        }
    }
}
