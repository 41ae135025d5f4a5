package corpus.random;

import org.apache.commons.lang3.RandomStringUtils;

import javax.crypto.spec.IvParameterSpec;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/** Patient-portal servlet: visit cookies, CSRF tokens, password-reset tokens, waiting-room display. */
public class PredictableRandomCases extends HttpServlet {
    private final Random random = new Random();
    private final SecureRandom secureRandom = new SecureRandom();
    private String resetToken;
    private String displaySeedLabel;

    // ---- bad: predictable values reaching security-sensitive uses ----

    public void badCookieValue(HttpServletResponse resp) {
        Cookie c = new Cookie("visit", Long.toString(random.nextLong())); // BUG: java/predictable-random
        c.setSecure(true);
        c.setHttpOnly(true);
        resp.addCookie(c);
    }

    public void badCsrfInSession(HttpServletRequest req) {
        HttpSession session = req.getSession();
        String csrf = String.valueOf(Math.random()).substring(2);
        session.setAttribute("csrfToken", csrf); // BUG: java/predictable-random
    }

    public void badHeader(HttpServletResponse resp) {
        int n = ThreadLocalRandom.current().nextInt();
        resp.setHeader("X-Upload-Token", Integer.toHexString(n)); // BUG: java/predictable-random
    }

    public void badResetTokenField(String patientId) {
        resetToken = patientId + "-" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36); // BUG: java/predictable-random
    }

    public String generateSessionId() {
        return RandomStringUtils.randomAlphanumeric(24); // BUG: java/predictable-random
    }

    public String newPin() {
        Random r = new Random();
        String pin = "" + (100000 + r.nextInt(900000));
        return pin; // BUG: java/predictable-random
    }

    public void badCookieSetValueFromBuilder(HttpServletResponse resp) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            code.append(random.nextInt(10));
        }
        Cookie c = new Cookie("mfa", "pending");
        c.setValue(code.toString()); // BUG: java/predictable-random
        c.setSecure(true);
        c.setHttpOnly(true);
        resp.addCookie(c);
    }

    public void badRememberMeThroughLibraryFormatting(HttpServletRequest req) {
        String code = org.apache.commons.lang3.StringUtils.leftPad(Integer.toString(random.nextInt(1000000)), 6, '0');
        req.getSession().setAttribute("verificationCode", code); // BUG: java/predictable-random
    }

    public void goodLibraryFormattingOfSecureValue(HttpServletRequest req) {
        String code = org.apache.commons.lang3.StringUtils.leftPad(Integer.toString(secureRandom.nextInt(1000000)), 6, '0');
        req.getSession().setAttribute("verificationCode", code);
    }

    public IvParameterSpec badIvFromRandom() {
        byte[] iv = new byte[16];
        random.nextBytes(iv);
        return new IvParameterSpec(iv); // BUG: java/predictable-random
    }

    // ---- good: SecureRandom for secrets ----

    public void goodCookieValue(HttpServletResponse resp) {
        Cookie c = new Cookie("visit", Long.toString(secureRandom.nextLong()));
        c.setSecure(true);
        c.setHttpOnly(true);
        resp.addCookie(c);
    }

    public void goodCsrfInSession(HttpServletRequest req) {
        byte[] b = new byte[32];
        secureRandom.nextBytes(b);
        req.getSession().setAttribute("csrfToken", java.util.HexFormat.of().formatHex(b));
    }

    public void goodResetTokenField(String patientId) {
        resetToken = patientId + "-" + Long.toString(secureRandom.nextLong() & Long.MAX_VALUE, 36);
    }

    public String generateToken() {
        return RandomStringUtils.random(32, 0, 0, true, true, null, secureRandom);
    }

    // ---- good: java.util.Random where predictability does not matter ----

    /** Shuffles the order in which waiting patients' initials are shown on the lobby screen. */
    public List<String> waitingRoomDisplayOrder(List<String> initials) {
        List<String> order = new ArrayList<>(initials);
        Collections.shuffle(order, new Random());
        return order;
    }

    /** Jitter for retrying the lab interface. */
    public void retryWithJitter(Runnable call) throws InterruptedException {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                call.run();
                return;
            } catch (RuntimeException e) {
                Thread.sleep(200L * (attempt + 1) + random.nextInt(250));
            }
        }
    }

    /** Picks about 5% of lab results for manual quality review. */
    public boolean sampleForQualityReview() {
        return ThreadLocalRandom.current().nextDouble() < 0.05;
    }

    /** Colour of an appointment block in the calendar. */
    public String calendarColour() {
        return String.format("#%06x", random.nextInt(0x1000000));
    }

    /** A display label, not a secret. */
    public void chartLabel() {
        displaySeedLabel = "chart-" + random.nextInt(1000);
    }

    String describe() {
        return resetToken + displaySeedLabel;
    }
}
