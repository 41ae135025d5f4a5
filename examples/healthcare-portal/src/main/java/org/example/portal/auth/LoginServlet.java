package org.example.portal.auth;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import org.example.portal.patient.Patient;
import org.example.portal.patient.PatientRepository;

/** Patient sign-in: checks the password, starts the session and sets the portal's cookies. */
@WebServlet(urlPatterns = "/login")
public class LoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int THIRTY_DAYS = 30 * 24 * 3600;

    private final transient PatientRepository patients = PatientRepository.shared();
    private final transient PasswordHasher hasher = new PasswordHasher();
    private final transient TokenService tokens = new TokenService();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String username = request.getParameter("username");
        String password = request.getParameter("password");
        if (username == null || password == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "username and password are required");
            return;
        }
        Optional<Patient> patient = patients.findByUsername(username);
        if (patient.isEmpty() || !passwordMatches(patient.get(), password)) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "unknown username or wrong password");
            return;
        }
        request.changeSessionId();
        HttpSession session = request.getSession(true);
        session.setAttribute("patientId", patient.get().id());
        session.setAttribute("csrfToken", tokens.newSessionToken());

        String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        if ("on".equals(request.getParameter("remember"))) {
            // Flawed: the remember-me token is sent over plain HTTP and readable by scripts.
            Cookie remember = new Cookie("remember_me", tokens.newSessionToken());
            remember.setPath(path);
            remember.setMaxAge(THIRTY_DAYS);
            response.addCookie(remember); // BUG: java/cookie-without-secure, java/cookie-without-httponly
        }

        // Safe twin: the device cookie with both flags.
        Cookie device = new Cookie("portal_device", tokens.newSessionToken());
        device.setPath(path);
        device.setMaxAge(THIRTY_DAYS);
        device.setSecure(true);
        device.setHttpOnly(true);
        response.addCookie(device);

        // Flawed: HttpOnly but not Secure, so the last-visit cookie also travels over plain HTTP.
        Cookie lastVisit = new Cookie("portal_last_visit", Long.toString(System.currentTimeMillis()));
        lastVisit.setPath(path);
        lastVisit.setHttpOnly(true);
        response.addCookie(lastVisit); // BUG: java/cookie-without-secure

        // Flawed: Secure but readable by any script on the page.
        Cookie display = new Cookie("portal_display_name", patient.get().givenName());
        display.setPath(path);
        display.setSecure(true);
        response.addCookie(display); // BUG: java/cookie-without-httponly

        // Not reported: Secure follows the request's scheme (unknown to a static analyser).
        Cookie lang = new Cookie("portal_lang", "en");
        lang.setPath(path);
        lang.setSecure(request.isSecure());
        lang.setHttpOnly(true);
        response.addCookie(lang);

        // Safe twin: built by a helper that sets both flags.
        response.addCookie(CookieFactory.secureCookie("portal_consent", "v2", path, THIRTY_DAYS));

        response.sendRedirect(request.getContextPath() + "/patients/me");
    }

    private boolean passwordMatches(Patient patient, String password) {
        try {
            return hasher.matches(password.toCharArray(), patient.passwordSalt(), patient.passwordHash());
        } catch (GeneralSecurityException e) {
            log("password check failed", e);
            return false;
        }
    }
}
