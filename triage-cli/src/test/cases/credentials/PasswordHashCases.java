package corpus.credentials;

import com.google.common.hash.Hashing;
import org.apache.commons.codec.digest.DigestUtils;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;

/**
 * The portal's sign-up and password-change forms store a hash of the password the user typed: alone, it is
 * unsalted; behind or before a salt fixed in the code, every user shares the salt; a salt drawn from java.util.Random
 * can be predicted. A random salt per user from SecureRandom (fed to the digest, joined to the text, or given to
 * PBKDF2), the user's stored salt, and hashes of values that are no password are the safe twins.
 */
public class PasswordHashCases {
    private static final String SITE_SALT = "portal-2019";
    private final SecureRandom random = new SecureRandom();

    public byte[] badDigestAlone(HttpServletRequest req) throws GeneralSecurityException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        return md.digest(req.getParameter("password").getBytes(StandardCharsets.UTF_8)); // BUG: java/unsalted-password-hash
    }

    public byte[] goodDigestWithRandomSalt(HttpServletRequest req) throws GeneralSecurityException {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(salt);
        return md.digest(req.getParameter("password").getBytes(StandardCharsets.UTF_8));
    }

    public byte[] goodDigestWithStoredSalt(HttpServletRequest req, String storedSalt) throws GeneralSecurityException {
        MessageDigest md = MessageDigest.getInstance("SHA-512");
        md.update(Base64.getDecoder().decode(storedSalt));
        return md.digest(req.getParameter("newPassword").getBytes(StandardCharsets.UTF_8));
    }

    public byte[] badDigestWithLiteralSalt(HttpServletRequest req) throws GeneralSecurityException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update("pepper".getBytes(StandardCharsets.UTF_8));
        return md.digest(req.getParameter("password").getBytes(StandardCharsets.UTF_8)); // BUG: java/constant-salt
    }

    public byte[] badDigestWithConstantSalt(HttpServletRequest req) throws GeneralSecurityException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(SITE_SALT.getBytes(StandardCharsets.UTF_8));
        return md.digest(req.getParameter("pin").getBytes(StandardCharsets.UTF_8)); // BUG: java/constant-salt
    }

    public byte[] goodDigestOfDocument(HttpServletRequest req) throws GeneralSecurityException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        return md.digest(req.getParameter("document").getBytes(StandardCharsets.UTF_8));
    }

    public String badCodecHexAlone(HttpServletRequest req) {
        return DigestUtils.sha256Hex(req.getParameter("password")); // BUG: java/unsalted-password-hash
    }

    public String goodCodecHexWithStoredSalt(HttpServletRequest req, String storedSalt) {
        return DigestUtils.sha256Hex(storedSalt + req.getParameter("password"));
    }

    public String goodCodecHexWithRandomSaltAfter(HttpServletRequest req) {
        String salt = HexFormat.of().formatHex(random.generateSeed(16));
        return salt + ":" + DigestUtils.sha256Hex(req.getParameter("password") + salt);
    }

    public String badCodecHexWithConstantPrefix(HttpServletRequest req) {
        return DigestUtils.sha256Hex(SITE_SALT + req.getParameter("password")); // BUG: java/constant-salt
    }

    public String badGuavaHashAlone(HttpServletRequest req) {
        return Hashing.sha256().hashString(req.getParameter("passphrase"), StandardCharsets.UTF_8).toString(); // BUG: java/unsalted-password-hash
    }

    public String badHashThroughHelper(HttpServletRequest req) throws GeneralSecurityException {
        return hex(req.getParameter("password"));
    }

    private static String hex(String password) throws GeneralSecurityException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8))); // BUG: java/unsalted-password-hash
    }

    public byte[] goodPbkdf2WithRandomSalt(HttpServletRequest req) throws GeneralSecurityException {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        PBEKeySpec spec = new PBEKeySpec(req.getParameter("password").toCharArray(), salt, 210_000, 256);
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    }

    public byte[] badPbkdf2WithConstantSalt(HttpServletRequest req) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(req.getParameter("password").toCharArray(), "portal-salt".getBytes(StandardCharsets.UTF_8), 210_000, 256); // BUG: java/constant-salt
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    }

    public byte[] badPbkdf2WithConstantSaltField(char[] password) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(password, SITE_SALT.getBytes(StandardCharsets.UTF_8), 210_000, 256); // BUG: java/constant-salt
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    }

    public byte[] badTwoStepDigest(HttpServletRequest req) throws GeneralSecurityException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(req.getParameter("password").getBytes(StandardCharsets.UTF_8));
        return md.digest(); // BUG: java/unsalted-password-hash
    }

    public byte[] goodTwoStepDigestWithRandomSalt(HttpServletRequest req) throws GeneralSecurityException {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(salt);
        md.update(req.getParameter("password").getBytes(StandardCharsets.UTF_8));
        return md.digest();
    }

    public byte[] goodTwoStepDigestWithStoredSaltAfter(HttpServletRequest req, byte[] storedSalt) throws GeneralSecurityException {
        MessageDigest md = MessageDigest.getInstance("SHA-512");
        md.update(req.getParameter("password").getBytes(StandardCharsets.UTF_8));
        md.update(storedSalt);
        return md.digest();
    }

    public byte[] badDigestAfterReset(HttpServletRequest req, byte[] storedSalt) throws GeneralSecurityException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(storedSalt);
        md.reset(); // throws the salt away
        return md.digest(req.getParameter("pin").getBytes(StandardCharsets.UTF_8)); // BUG: java/unsalted-password-hash
    }

    public byte[] badPepperAfterPassword(HttpServletRequest req) throws GeneralSecurityException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(req.getParameter("password").getBytes(StandardCharsets.UTF_8));
        md.update(SITE_SALT.getBytes(StandardCharsets.UTF_8));
        return md.digest(); // BUG: java/constant-salt
    }

    public byte[] badConstantSaltThenPasswordTwoStep(HttpServletRequest req) throws GeneralSecurityException {
        MessageDigest md = MessageDigest.getInstance("SHA-512");
        md.update("portal".getBytes(StandardCharsets.UTF_8));
        md.update(req.getParameter("passphrase").getBytes(StandardCharsets.UTF_8));
        return md.digest(); // BUG: java/constant-salt
    }

    public byte[] goodChecksumOfUpload(HttpServletRequest req) throws GeneralSecurityException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(req.getParameter("document").getBytes(StandardCharsets.UTF_8));
        return md.digest();
    }

    public byte[] badHashWithUtilRandomBytes(HttpServletRequest req) throws GeneralSecurityException {
        byte[] salt = new byte[16];
        new Random().nextBytes(salt);
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(salt); // BUG: java/predictable-random
        return md.digest(req.getParameter("password").getBytes(StandardCharsets.UTF_8));
    }

    public String goodCodecSha512OfDisplayName(HttpServletRequest req) {
        return DigestUtils.sha512Hex(req.getParameter("displayName"));
    }

    public String badCodecSha512Alone(HttpServletRequest req) {
        return DigestUtils.sha512Hex(req.getParameter("newPassword")); // BUG: java/unsalted-password-hash
    }
}
