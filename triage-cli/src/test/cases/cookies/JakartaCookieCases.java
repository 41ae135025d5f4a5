package corpus.cookies;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Jakarta servlet of the appointment booking app. */
public class JakartaCookieCases extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
        Cookie c = new Cookie("booking-step", req.getParameter("step"));
        resp.addCookie(c); // BUG: java/cookie-without-secure, java/cookie-without-httponly, java/header-injection
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
        Cookie c = new Cookie("booking-step", req.getParameter("step"));
        c.setSecure(true);
        c.setHttpOnly(true);
        resp.addCookie(c); // BUG: java/header-injection
    }

    void badNoHttpOnly(HttpServletResponse resp, String appointmentId) {
        Cookie c = new Cookie("appointment", appointmentId);
        c.setSecure(true);
        c.setMaxAge(3600);
        resp.addCookie(c); // BUG: java/cookie-without-httponly
    }

    void badNoSecure(HttpServletResponse resp, String appointmentId) {
        Cookie c = new Cookie("appointment", appointmentId);
        c.setHttpOnly(true);
        resp.addCookie(c); // BUG: java/cookie-without-secure
    }

    void goodSecureFromRequest(HttpServletRequest req, HttpServletResponse resp, String appointmentId) {
        Cookie c = new Cookie("appointment", appointmentId);
        c.setHttpOnly(true);
        c.setSecure(req.isSecure());
        resp.addCookie(c);
    }

    void goodBoth(HttpServletResponse resp, String appointmentId) {
        Cookie c = new Cookie("appointment", appointmentId);
        c.setHttpOnly(true);
        c.setSecure(true);
        resp.addCookie(c);
    }
}
