package corpus.cookies;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** "Remember me" and preference cookies of the login page: what may be stored on the client. */
public class SensitiveCookieCases {
    private static Cookie flagged(Cookie c) {
        c.setSecure(true);
        c.setHttpOnly(true);
        return c;
    }

    public void badPasswordInCookie(HttpServletRequest req, HttpServletResponse resp) {
        String password = URLEncoder.encode(req.getParameter("password"), StandardCharsets.UTF_8);
        resp.addCookie(flagged(new Cookie("remember", password))); // BUG: java/sensitive-cookie
    }

    public void badPinInCookieValue(HttpServletRequest req, HttpServletResponse resp) {
        Cookie c = flagged(new Cookie("unlock", "none"));
        c.setValue(URLEncoder.encode(req.getParameter("pin"), StandardCharsets.UTF_8));
        resp.addCookie(c); // BUG: java/sensitive-cookie
    }

    public void badSecretThroughHelper(HttpServletRequest req, HttpServletResponse resp) {
        remember(resp, URLEncoder.encode(req.getParameter("clientSecret"), StandardCharsets.UTF_8));
    }

    private static void remember(HttpServletResponse resp, String value) {
        resp.addCookie(flagged(new Cookie("client", value))); // BUG: java/sensitive-cookie
    }

    public void badRawPasswordCookie(HttpServletRequest req, HttpServletResponse resp) {
        resp.addCookie(flagged(new Cookie("pw", req.getParameter("passwd")))); // BUG: java/sensitive-cookie, java/header-injection
    }

    public void goodRandomToken(HttpServletRequest req, HttpServletResponse resp) {
        if (req.getParameter("password") == null) return;
        resp.addCookie(flagged(new Cookie("remember", UUID.randomUUID().toString())));
    }

    public void goodUserNameOnly(HttpServletRequest req, HttpServletResponse resp) {
        String user = URLEncoder.encode(req.getParameter("username"), StandardCharsets.UTF_8);
        resp.addCookie(flagged(new Cookie("lastUser", user)));
    }

    public void goodPasswordChecked(HttpServletRequest req, HttpServletResponse resp) {
        boolean ok = "s3cret".length() == req.getParameter("password").length();
        resp.addCookie(flagged(new Cookie("loginOk", String.valueOf(ok))));
    }
}
