package corpus.random;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.security.SecureRandom;
import java.util.Random;

/** Jakarta servlet issuing appointment-confirmation tokens. */
public class JakartaVisitTokens extends HttpServlet {
    private static final Random RND = new Random();
    private static final SecureRandom SECURE = new SecureRandom();
    private String confirmationNonce;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
        long v = (long) (Math.random() * 1_000_000_000L);
        Cookie c = new Cookie("appt-confirm", Long.toString(v)); // BUG: java/predictable-random
        c.setSecure(true);
        c.setHttpOnly(true);
        resp.addCookie(c);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
        long v = SECURE.nextLong();
        Cookie c = new Cookie("appt-confirm", Long.toString(v));
        c.setSecure(true);
        c.setHttpOnly(true);
        resp.addCookie(c);
    }

    void badNonce() {
        confirmationNonce = Integer.toString(RND.nextInt()); // BUG: java/predictable-random
    }

    void goodNonce() {
        confirmationNonce = Integer.toString(SECURE.nextInt());
    }

    void badSessionAttribute(HttpServletRequest req) {
        req.getSession().setAttribute("otp", RND.nextInt(1_000_000)); // BUG: java/predictable-random
    }

    String nonce() {
        return confirmationNonce;
    }
}
