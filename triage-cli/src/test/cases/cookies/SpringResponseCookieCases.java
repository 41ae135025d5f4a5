package corpus.cookies;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.time.Duration;

/** Spring's fluent ResponseCookie builder in a patient-portal session controller. */
public class SpringResponseCookieCases {

    public void badPortalSession(HttpServletResponse response, String sessionId) {
        ResponseCookie cookie = ResponseCookie.from("PORTAL_SESSION", sessionId).path("/").build(); // BUG: java/cookie-without-secure, java/cookie-without-httponly
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    public void badLanguageCookieNoHttpOnly(HttpServletResponse response, String lang) {
        ResponseCookie cookie = ResponseCookie.from("lang", lang).secure(true).maxAge(Duration.ofDays(30)).build(); // BUG: java/cookie-without-httponly
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    public void badBuilderAcrossStatements(HttpServletResponse response, String token) {
        ResponseCookie.ResponseCookieBuilder b = ResponseCookie.from("remember-me", token);
        b.httpOnly(true);
        b.path("/patients");
        ResponseCookie cookie = b.build(); // BUG: java/cookie-without-secure
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    public void goodPortalSession(HttpServletResponse response, String sessionId) {
        ResponseCookie cookie = ResponseCookie.from("PORTAL_SESSION", sessionId).secure(true).httpOnly(true).sameSite("Strict").path("/").build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    public void goodSecureFromRequest(HttpServletRequest request, HttpServletResponse response, String sessionId) {
        ResponseCookie cookie = ResponseCookie.from("PORTAL_SESSION", sessionId).secure(request.isSecure()).httpOnly(true).build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    public void goodLogoutClearsCookie(HttpServletResponse response) {
        ResponseCookie cookie = ResponseCookie.from("PORTAL_SESSION", "").maxAge(0).path("/").build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
