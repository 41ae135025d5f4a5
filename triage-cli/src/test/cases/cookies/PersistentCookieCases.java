package corpus.cookies;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The portal's "keep me signed in" and preference cookies: a session identifier, a password or a patient's data in a
 * cookie kept on the disk of a shared ward computer outlives the visit. The same values in a session cookie (no max
 * age, or one being deleted), a UI preference kept for a year, and a max age the code cannot know are the safe twins.
 */
public class PersistentCookieCases {
    private static final int THIRTY_DAYS = 60 * 60 * 24 * 30;

    /** A patient's record (its birth date is PHI by name). */
    public interface PatientRecord {
        String getDateOfBirth();
    }

    public void badSessionIdKeptThirtyDays(HttpServletRequest req, HttpServletResponse resp) {
        Cookie c = new Cookie("PORTAL_SID", req.getSession().getId());
        c.setSecure(true);
        c.setHttpOnly(true);
        c.setMaxAge(THIRTY_DAYS);
        resp.addCookie(c); // BUG: java/sensitive-persistent-cookie
    }

    public void goodSessionIdInSessionCookie(HttpServletRequest req, HttpServletResponse resp) {
        Cookie c = new Cookie("PORTAL_SID", req.getSession().getId());
        c.setSecure(true);
        c.setHttpOnly(true);
        resp.addCookie(c);
    }

    public void goodSessionIdCookieDeleted(HttpServletRequest req, HttpServletResponse resp) {
        Cookie c = new Cookie("PORTAL_SID", req.getRequestedSessionId());
        c.setSecure(true);
        c.setHttpOnly(true);
        c.setMaxAge(0);
        resp.addCookie(c);
    }

    public void goodSessionIdUntilBrowserCloses(HttpServletRequest req, HttpServletResponse resp) {
        Cookie c = new Cookie("PORTAL_SID", req.getSession().getId());
        c.setSecure(true);
        c.setHttpOnly(true);
        c.setMaxAge(-1);
        resp.addCookie(c);
    }

    public void badRequestedSessionIdKeptAWeek(HttpServletRequest req, HttpServletResponse resp) {
        Cookie c = new Cookie("JSESSIONID", req.getRequestedSessionId());
        c.setSecure(true);
        c.setHttpOnly(true);
        c.setMaxAge(7 * 24 * 3600);
        resp.addCookie(c); // BUG: java/sensitive-persistent-cookie
    }

    public void goodThemeKeptAYear(HttpServletRequest req, HttpServletResponse resp) {
        Cookie c = new Cookie("theme", URLEncoder.encode(req.getParameter("theme"), StandardCharsets.UTF_8));
        c.setSecure(true);
        c.setHttpOnly(true);
        c.setMaxAge(365 * 24 * 3600);
        resp.addCookie(c);
    }

    public void goodSessionIdWithConfiguredAge(HttpServletRequest req, HttpServletResponse resp, int configuredAge) {
        Cookie c = new Cookie("PORTAL_SID", req.getSession().getId());
        c.setSecure(true);
        c.setHttpOnly(true);
        c.setMaxAge(configuredAge);
        resp.addCookie(c);
    }

    public void badPasswordKeptThirtyDays(HttpServletRequest req, HttpServletResponse resp) {
        Cookie c = new Cookie("remember", URLEncoder.encode(req.getParameter("password"), StandardCharsets.UTF_8));
        c.setSecure(true);
        c.setHttpOnly(true);
        c.setMaxAge(THIRTY_DAYS);
        resp.addCookie(c); // BUG: java/sensitive-cookie, java/sensitive-persistent-cookie
    }

    public void badBirthDateKeptThroughHelper(PatientRecord p, HttpServletResponse resp) {
        keep(resp, "dob", p.getDateOfBirth());
    }

    private static void keep(HttpServletResponse resp, String name, String value) {
        Cookie c = new Cookie(name, value);
        c.setSecure(true);
        c.setHttpOnly(true);
        c.setMaxAge(THIRTY_DAYS);
        resp.addCookie(c); // BUG: java/sensitive-cookie, java/sensitive-persistent-cookie
    }

    public void goodBirthDateInSessionCookie(PatientRecord p, HttpServletResponse resp) {
        Cookie c = new Cookie("dob", p.getDateOfBirth());
        c.setSecure(true);
        c.setHttpOnly(true);
        resp.addCookie(c); // BUG: java/sensitive-cookie
    }

    public void badSpringSessionCookieKeptADay(HttpServletRequest req, HttpServletResponse resp) {
        ResponseCookie cookie = ResponseCookie.from("SESSION", req.getSession().getId()).secure(true).httpOnly(true).maxAge(86_400L).build(); // BUG: java/sensitive-persistent-cookie
        resp.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    public void goodSpringSessionCookie(HttpServletRequest req, HttpServletResponse resp) {
        ResponseCookie cookie = ResponseCookie.from("SESSION", req.getSession().getId()).secure(true).httpOnly(true).path("/").build();
        resp.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    public void badJakartaSessionIdKept(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse resp) {
        jakarta.servlet.http.Cookie c = new jakarta.servlet.http.Cookie("PORTAL_SID", req.getSession().getId());
        c.setSecure(true);
        c.setHttpOnly(true);
        c.setMaxAge(THIRTY_DAYS);
        resp.addCookie(c); // BUG: java/sensitive-persistent-cookie
    }
}
