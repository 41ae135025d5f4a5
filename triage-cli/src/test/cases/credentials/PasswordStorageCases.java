package corpus.credentials;

import org.apache.commons.codec.digest.DigestUtils;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.servlet.http.HttpServletRequest;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.FileWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.prefs.Preferences;

/**
 * The portal's set-up page saves the integration account the administrator types in: the password in a file or a
 * properties file, as typed or only encoded, is stored in clear text. A salted hash (for a password the portal checks)
 * or a ciphertext (for one it must send on), and the account's user name alone, are the safe twins.
 */
public class PasswordStorageCases {
    private final SecureRandom random = new SecureRandom();

    public void badPasswordWrittenToFile(HttpServletRequest req, Path dir) throws IOException {
        Files.writeString(dir.resolve("lab.credentials"), req.getParameter("user") + ":" + req.getParameter("password")); // BUG: java/cleartext-password-storage
    }

    public void goodUserNameWrittenToFile(HttpServletRequest req, Path dir) throws IOException {
        Files.writeString(dir.resolve("lab.user"), req.getParameter("user"));
    }

    public void badEncodedPasswordWrittenToFile(HttpServletRequest req, Path dir) throws IOException {
        byte[] encoded = Base64.getEncoder().encode(req.getParameter("password").getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("lab.secret"), encoded); // BUG: java/cleartext-password-storage
    }

    public void goodSaltedHashWrittenToFile(HttpServletRequest req, Path dir) throws IOException, GeneralSecurityException {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        SecretKey hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(req.getParameter("password").toCharArray(), salt, 210_000, 256));
        Files.write(dir.resolve("admin.hash"), hash.getEncoded());
    }

    public void badPasswordInPropertiesFile(HttpServletRequest req, Path dir) throws IOException {
        Properties p = new Properties();
        p.setProperty("lab.user", req.getParameter("user"));
        p.setProperty("lab.password", req.getParameter("password"));
        try (OutputStream out = new FileOutputStream(dir.resolve("lab.properties").toFile())) {
            p.store(out, "lab integration"); // BUG: java/cleartext-password-storage
        }
    }

    public void goodEncryptedPasswordInPropertiesFile(HttpServletRequest req, Path dir, Cipher sealed) throws IOException, GeneralSecurityException {
        Properties p = new Properties();
        byte[] ciphertext = sealed.doFinal(req.getParameter("password").getBytes(StandardCharsets.UTF_8));
        p.setProperty("lab.password.enc", Base64.getEncoder().encodeToString(ciphertext));
        try (OutputStream out = new FileOutputStream(dir.resolve("lab.properties").toFile())) {
            p.store(out, "lab integration");
        }
    }

    public void badPasswordThroughFileWriter(HttpServletRequest req, String file) throws IOException {
        try (BufferedWriter w = new BufferedWriter(new FileWriter(file, StandardCharsets.UTF_8))) {
            w.write("pin=" + req.getParameter("pin")); // BUG: java/cleartext-password-storage
        }
    }

    public void goodHashThroughFileWriter(HttpServletRequest req, String file, String storedSalt) throws IOException {
        try (BufferedWriter w = new BufferedWriter(new FileWriter(file, StandardCharsets.UTF_8))) {
            w.write("pin=" + DigestUtils.sha256Hex(storedSalt + req.getParameter("pin")));
        }
    }

    public void badPasswordThroughNewBufferedWriter(HttpServletRequest req, Path dir) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(dir.resolve("smtp.conf")))) {
            w.println("smtp.password=" + req.getParameter("smtpPassword")); // BUG: java/cleartext-password-storage
        }
    }

    public void goodPasswordSentToResponse(HttpServletRequest req, PrintWriter page) {
        page.println(req.getParameter("password").length() + " characters");
    }

    public void badPasswordInPreferences(HttpServletRequest req) {
        Preferences prefs = Preferences.userNodeForPackage(PasswordStorageCases.class);
        prefs.put("lab.user", req.getParameter("user"));
        prefs.put("lab.password", req.getParameter("password")); // BUG: java/cleartext-password-storage
    }

    public void goodEncryptedPasswordInPreferences(HttpServletRequest req, Cipher sealed) throws GeneralSecurityException {
        Preferences prefs = Preferences.userNodeForPackage(PasswordStorageCases.class);
        prefs.putByteArray("lab.password.enc", sealed.doFinal(req.getParameter("password").getBytes(StandardCharsets.UTF_8)));
    }

    public void badPinBytesInPreferences(HttpServletRequest req) {
        Preferences.systemRoot().node("portal/kiosk").putByteArray("pin", req.getParameter("pin").getBytes(StandardCharsets.UTF_8)); // BUG: java/cleartext-password-storage
    }

    public void badPasswordInPropertiesXml(HttpServletRequest req, Path dir) throws IOException {
        Properties p = new Properties();
        p.setProperty("smtp.password", req.getParameter("smtpPassword"));
        try (OutputStream out = Files.newOutputStream(dir.resolve("smtp.xml"))) {
            p.storeToXML(out, "mail relay"); // BUG: java/cleartext-password-storage
        }
    }

    public void goodHostInPropertiesXml(HttpServletRequest req, Path dir) throws IOException {
        Properties p = new Properties();
        p.setProperty("smtp.host", req.getParameter("smtpHost"));
        try (OutputStream out = Files.newOutputStream(dir.resolve("smtp.xml"))) {
            p.storeToXML(out, "mail relay");
        }
    }
}
