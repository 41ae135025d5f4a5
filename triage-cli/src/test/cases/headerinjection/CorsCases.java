package corpus.headerinjection;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.util.Set;

/**
 * The patient portal's API answers its own front ends across origins: an Origin echoed back allows every site
 * (CWE-942, not a header injection); one checked against the front ends' list, or a fixed one, allows those only.
 * An echoed origin is High where the response (in the method or a caller on the way) also allows credentials, Low
 * otherwise (CorsSeverityTest).
 */
public class CorsCases {
    private static final Set<String> FRONT_ENDS = Set.of("https://portal.clinic.example", "https://app.clinic.example");

    public void badEchoedOrigin(HttpServletRequest req, HttpServletResponse resp) {
        resp.setHeader("Access-Control-Allow-Origin", req.getHeader("Origin")); // BUG: java/cors-origin-reflection
        resp.setHeader("Access-Control-Allow-Credentials", "true");
    }

    public void badEchoedOriginAdded(HttpServletRequest req, HttpServletResponse resp) {
        resp.addHeader("access-control-allow-origin", req.getHeader("Origin")); // BUG: java/cors-origin-reflection
    }

    public void goodAllowListedOrigin(HttpServletRequest req, HttpServletResponse resp) {
        String origin = req.getHeader("Origin");
        if (FRONT_ENDS.contains(origin)) {
            resp.setHeader("Access-Control-Allow-Origin", origin);
            resp.setHeader("Access-Control-Allow-Credentials", "true");
        }
    }

    public void goodFixedOrigin(HttpServletResponse resp) {
        resp.setHeader("Access-Control-Allow-Origin", "https://portal.clinic.example");
    }

    /** Another header from the request is still a header injection. */
    public void badOtherHeader(HttpServletRequest req, HttpServletResponse resp) {
        resp.setHeader("X-Requested-Origin", req.getParameter("origin")); // BUG: java/header-injection
    }

    /** A request header copied to the response cannot split it: header values hold no CR/LF. */
    public void goodHeaderEchoed(HttpServletRequest req, HttpServletResponse resp) {
        resp.setHeader("X-Request-Id", req.getHeader("X-Request-Id"));
    }

    // the same on jakarta.servlet, and through a helper
    private static void allow(jakarta.servlet.http.HttpServletResponse resp, String origin) {
        resp.setHeader("Access-Control-Allow-Origin", origin); // BUG: java/cors-origin-reflection
    }

    public void badJakartaThroughHelper(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse resp) {
        allow(resp, req.getHeader("Origin"));
    }

    public void badJakartaEchoed(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse resp) {
        resp.addHeader("Access-Control-Allow-Origin", req.getHeader("Origin")); // BUG: java/cors-origin-reflection
        resp.addHeader("Access-Control-Allow-Credentials", "true");
    }

    /** The filter a portal API puts before its endpoints: credentials allowed for the echoed origin. */
    public void badCredentialedFilter(HttpServletRequest req, HttpServletResponse resp) {
        String origin = req.getHeader("Origin");
        resp.addHeader("Access-Control-Allow-Credentials", "true");
        resp.addHeader("Access-Control-Allow-Origin", origin); // BUG: java/cors-origin-reflection
    }

    /** Credentials switched off explicitly: Low. */
    public void badCredentialsFalse(HttpServletRequest req, HttpServletResponse resp) {
        resp.setHeader("Access-Control-Allow-Origin", req.getHeader("Origin")); // BUG: java/cors-origin-reflection
        resp.setHeader("Access-Control-Allow-Credentials", "false");
    }

    /** The helper echoes; its caller allows credentials. */
    public void badCredentialedThroughHelper(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse resp) {
        resp.setHeader("Access-Control-Allow-Credentials", "true");
        allowCredentialed(resp, req.getHeader("Origin"));
    }

    private static void allowCredentialed(jakarta.servlet.http.HttpServletResponse resp, String origin) {
        resp.setHeader("Access-Control-Allow-Origin", origin); // BUG: java/cors-origin-reflection
    }

    public void goodCredentialedAllowListed(HttpServletRequest req, HttpServletResponse resp) {
        String origin = req.getHeader("Origin");
        resp.setHeader("Access-Control-Allow-Credentials", "true");
        if (FRONT_ENDS.contains(origin)) resp.setHeader("Access-Control-Allow-Origin", origin);
    }

    public void goodJakartaThroughHelperChecked(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse resp) {
        String origin = req.getHeader("Origin");
        if ("https://portal.clinic.example".equals(origin)) allow(resp, origin);
    }
}
