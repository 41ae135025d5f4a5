package corpus.cookies;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The portal writes some Set-Cookie headers by hand (to add SameSite, which the Servlet 4 Cookie cannot say): the
 * attributes are judged from the header's text when it is known, a constant or known text around the cookie's value.
 * A session id or a PIN in a header that keeps the cookie on disk (Max-Age above 0, Expires) is a persistent sensitive
 * cookie. The same headers with Secure and HttpOnly, a cookie being deleted or kept for the session only, and a header
 * whose attributes come from elsewhere are the safe twins.
 */
public class CookieHeaderCases {
    private static final String LANG = "en";
    private static final int ONE_YEAR = 31_536_000;

    public void badConstantHeaderWithoutFlags(HttpServletResponse resp) {
        resp.addHeader("Set-Cookie", "theme=dark; Path=/; SameSite=Lax"); // BUG: java/cookie-without-secure, java/cookie-without-httponly
    }

    public void goodConstantHeaderWithFlags(HttpServletResponse resp) {
        resp.addHeader("Set-Cookie", "theme=dark; Path=/; Secure; HttpOnly; SameSite=Lax");
    }

    public void badSessionHeaderWithoutSecure(HttpServletRequest req, HttpServletResponse resp) {
        resp.setHeader("Set-Cookie", "JSESSIONID=" + req.getSession().getId() + "; Path=/; HttpOnly; SameSite=Strict"); // BUG: java/cookie-without-secure
    }

    public void goodSessionHeaderWithFlags(HttpServletRequest req, HttpServletResponse resp) {
        resp.setHeader("Set-Cookie", "JSESSIONID=" + req.getSession().getId() + "; Path=/; Secure; HttpOnly; SameSite=Strict");
    }

    public void badHeaderFromConstants(HttpServletResponse resp) {
        resp.addHeader("Set-Cookie", "lang=" + LANG + "; Max-Age=" + ONE_YEAR + "; Secure"); // BUG: java/cookie-without-httponly
    }

    public void goodDeletingHeader(HttpServletResponse resp) {
        resp.addHeader("Set-Cookie", "remember=; Max-Age=0; Path=/");
    }

    public void goodAttributesFromConfiguration(HttpServletResponse resp, String token, String attributes) {
        resp.addHeader("Set-Cookie", "token=" + token + attributes);
    }

    public void goodSecureChosenPerRequest(HttpServletRequest req, HttpServletResponse resp) {
        resp.addHeader("Set-Cookie", req.isSecure() ? "seen=1; Secure; HttpOnly" : "seen=1; HttpOnly");
    }

    public void badPasswordInHeaderCookie(HttpServletRequest req, HttpServletResponse resp) {
        String pw = URLEncoder.encode(req.getParameter("password"), StandardCharsets.UTF_8);
        resp.addHeader("Set-Cookie", "pw=" + pw + "; Path=/; Secure; HttpOnly"); // BUG: java/sensitive-cookie
    }

    public void goodUserNameInHeaderCookie(HttpServletRequest req, HttpServletResponse resp) {
        String user = URLEncoder.encode(req.getParameter("user"), StandardCharsets.UTF_8);
        resp.addHeader("Set-Cookie", "lastUser=" + user + "; Path=/; Secure; HttpOnly");
    }

    public void badJakartaHeaderWithoutSecure(jakarta.servlet.http.HttpServletResponse resp, String token) {
        resp.addHeader("set-cookie", "csrf=" + token + "; Path=/; HttpOnly"); // BUG: java/cookie-without-secure
    }

    public void badSessionHeaderKeptOnDisk(HttpServletRequest req, HttpServletResponse resp) {
        resp.addHeader("Set-Cookie", "SESSION=" + req.getSession().getId() + "; Max-Age=" + ONE_YEAR + "; Path=/; Secure; HttpOnly"); // BUG: java/sensitive-persistent-cookie
    }

    public void goodSessionHeaderDeleted(HttpServletRequest req, HttpServletResponse resp) {
        resp.addHeader("Set-Cookie", "SESSION=" + req.getSession().getId() + "; Max-Age=0; Path=/; Secure; HttpOnly");
    }

    public void badPinHeaderWithExpiry(HttpServletRequest req, HttpServletResponse resp) {
        String pin = URLEncoder.encode(req.getParameter("pin"), StandardCharsets.UTF_8);
        resp.setHeader("Set-Cookie", "unlock=" + pin + "; Expires=Fri, 31 Dec 2027 23:59:59 GMT; Secure; HttpOnly"); // BUG: java/sensitive-cookie, java/sensitive-persistent-cookie
    }
}
