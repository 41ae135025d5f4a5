package corpus.cookies;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** javax servlet of the patient portal: session hand-off, language preference, last-viewed lab result. */
public class PortalCookieCases extends HttpServlet {

    public void badNoFlags(HttpServletResponse resp, String handoff) {
        Cookie c = new Cookie("portal-handoff", handoff);
        c.setPath("/portal");
        resp.addCookie(c); // BUG: java/cookie-without-secure, java/cookie-without-httponly
    }

    public void badOnlyHttpOnly(HttpServletResponse resp, String labId) {
        Cookie c = new Cookie("last-lab-result", labId);
        c.setHttpOnly(true);
        resp.addCookie(c); // BUG: java/cookie-without-secure
    }

    public void badOnlySecure(HttpServletResponse resp, String patientRef) {
        Cookie c = new Cookie("patient-ref", patientRef);
        c.setSecure(true);
        resp.addCookie(c); // BUG: java/cookie-without-httponly
    }

    public void badFlagsExplicitlyFalse(HttpServletResponse resp, String clinic) {
        Cookie c = new Cookie("clinic", clinic);
        c.setSecure(false);
        c.setHttpOnly(false);
        resp.addCookie(c); // BUG: java/cookie-without-secure, java/cookie-without-httponly
    }

    public void badFromHelper(HttpServletResponse resp, String lang) {
        resp.addCookie(preferenceCookie(lang)); // BUG: java/cookie-without-secure, java/cookie-without-httponly
    }

    public void badFromHelperThenHttpOnly(HttpServletResponse resp, String lang) {
        Cookie c = preferenceCookie(lang);
        c.setHttpOnly(true);
        resp.addCookie(c); // BUG: java/cookie-without-secure
    }

    private static Cookie preferenceCookie(String lang) {
        Cookie c = new Cookie("lang", lang);
        c.setMaxAge(60 * 60 * 24 * 365);
        return c;
    }

    private static Cookie hardenedCookie(String name, String value) {
        Cookie c = new Cookie(name, value);
        c.setSecure(true);
        c.setHttpOnly(true);
        return c;
    }

    // ---- good ----

    public void goodBothFlags(HttpServletResponse resp, String handoff) {
        Cookie c = new Cookie("portal-handoff", handoff);
        c.setSecure(true);
        c.setHttpOnly(true);
        c.setPath("/portal");
        resp.addCookie(c);
    }

    public void goodFromHardenedHelper(HttpServletResponse resp, String labId) {
        resp.addCookie(hardenedCookie("last-lab-result", labId));
    }

    /** Secure follows the request: the flag value is not known, so nothing is reported. */
    public void goodSecureFromRequest(HttpServletRequest req, HttpServletResponse resp, String patientRef) {
        Cookie c = new Cookie("patient-ref", patientRef);
        c.setSecure(req.isSecure());
        c.setHttpOnly(true);
        resp.addCookie(c);
    }

    /** Flags set branch-free before the cookie is added, value set afterwards. */
    public void goodFlagsBeforeValue(HttpServletResponse resp, String clinic) {
        Cookie c = new Cookie("clinic", "");
        c.setHttpOnly(true);
        c.setSecure(true);
        c.setValue(clinic);
        resp.addCookie(c);
    }

    /** A cookie received from the caller is not created here: not reported. */
    public void goodCookieFromParameter(HttpServletResponse resp, Cookie prepared) {
        resp.addCookie(prepared);
    }
}
