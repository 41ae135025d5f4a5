package corpus.headerinjection.jakartacookies;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The same cookies on jakarta.servlet. */
public class JakartaCookieCases {
    public void badCookieValue(HttpServletRequest req, HttpServletResponse resp) {
        Cookie cookie = new Cookie("clinic", req.getParameter("clinic"));
        cookie.setSecure(true);
        cookie.setHttpOnly(true);
        resp.addCookie(cookie); // BUG: java/header-injection
    }

    public void badLocation(HttpServletRequest req, HttpServletResponse resp) {
        resp.setHeader("Location", "/clinic.jsp?c=" + req.getParameter("clinic")); // BUG: java/header-injection
    }

    public void goodCookieEncoded(HttpServletRequest req, HttpServletResponse resp) {
        Cookie cookie = new Cookie("clinic", URLEncoder.encode(req.getParameter("clinic"), StandardCharsets.UTF_8));
        cookie.setSecure(true);
        cookie.setHttpOnly(true);
        resp.addCookie(cookie);
    }

    public void goodLocationNumber(HttpServletRequest req, HttpServletResponse resp) {
        long clinic = Long.parseLong(req.getParameter("clinic"));
        resp.setHeader("Location", "/clinic.jsp?c=" + clinic);
    }
}
