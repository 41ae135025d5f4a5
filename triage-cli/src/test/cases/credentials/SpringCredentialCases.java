package corpus.credentials;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.apache.commons.codec.digest.DigestUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.prefs.Preferences;

/**
 * The portal's account pages as Spring MVC handlers and a JAX-RS resource: a parameter the framework binds from a
 * request field named for a password (by the annotation's name, or by the compiled parameter name when the
 * annotation gives none, or with no annotation at all) is a credential like {@code getParameter("password")}, so
 * hashing it alone, storing it or logging it is reported. Fields that only mention a password (a hint, the user
 * name) are the safe twins.
 */
@Controller
public class SpringCredentialCases {
    private static final Logger log = LoggerFactory.getLogger(SpringCredentialCases.class);
    private final Map<String, String> hashes = new ConcurrentHashMap<>();
    private final Map<String, String> hints = new ConcurrentHashMap<>();

    @PostMapping("/account/password")
    public void badHashOfNamedParameter(@RequestParam("user") String user, @RequestParam("password") String pw) {
        hashes.put(user, DigestUtils.sha256Hex(pw)); // BUG: java/unsalted-password-hash
    }

    @PostMapping("/account/hint")
    public void goodHashOfHint(@RequestParam("user") String user, @RequestParam("passwordHint") String pw) {
        hints.put(user, DigestUtils.sha256Hex(pw));
    }

    @PostMapping("/integration/smtp")
    public void badStoredByCompiledName(@RequestParam String smtpPassword) throws IOException {
        Files.writeString(Paths.get("/etc/portal/smtp.secret"), smtpPassword); // BUG: java/cleartext-password-storage
    }

    @PostMapping("/integration/smtp-host")
    public void goodStoredHostByCompiledName(@RequestParam String smtpHost) throws IOException {
        Files.writeString(Paths.get("/etc/portal/smtp.host"), smtpHost);
    }

    @PostMapping("/kiosk/pin")
    public void badPinByAnnotationName(@RequestParam(name = "pin") String code) {
        Preferences.userRoot().node("portal/kiosk").put("unlock", code); // BUG: java/cleartext-password-storage
    }

    @PostMapping("/login")
    public String badUnannotatedPasswordLogged(String username, String password) {
        log.info("sign-in {} with {}", username, password); // BUG: java/log-injection, java/sensitive-data-logged
        return "redirect:/home";
    }

    @PostMapping("/login/audit")
    public String goodUnannotatedUserLogged(String username, String password) {
        log.info("sign-in {} ({} characters)", username.replace('\n', '_').replace('\r', '_'), password.length());
        return "redirect:/home";
    }

    @Path("/accounts")
    public static class AccountResource {
        private final Map<String, String> hashes = new ConcurrentHashMap<>();

        @POST
        @Path("/register")
        public void badFormPasswordHashed(@FormParam("user") String user, @FormParam("password") String password) {
            hashes.put(user, DigestUtils.sha1Hex(password)); // BUG: java/unsalted-password-hash, java/weak-hash
        }

        @POST
        @Path("/rename")
        public void goodFormUserHashed(@FormParam("user") String user, @FormParam("displayName") String name) {
            hashes.put(user, DigestUtils.sha1Hex(name)); // BUG: java/weak-hash
        }
    }
}
