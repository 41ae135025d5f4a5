package corpus.redirect.propslanding;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Landing pages from the bundled landing.properties. */
public class LandingPages {
    private final Properties props = new Properties();

    public LandingPages() {
        try (InputStream in = LandingPages.class.getResourceAsStream("/landing.properties")) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void goodTargetFromFile(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        req.getParameter("next");
        resp.sendRedirect(props.getProperty("landing.after.login"));
    }

    /** The configured value is only a scheme: the rest comes from the request. */
    public void badSchemeFromFile(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.sendRedirect(props.getProperty("landing.scheme") + req.getParameter("host")); // BUG: java/open-redirect
    }

    /** landing.mode=fixed: the request branch is dead. */
    public void goodModeFromFile(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String next = "fixed".equals(props.getProperty("landing.mode")) ? props.getProperty("landing.after.login") : req.getParameter("next");
        resp.sendRedirect(next);
    }

    /** sso.landing.mode=client: the request branch is live. */
    public void badModeFromFile(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String next = "fixed".equals(props.getProperty("sso.landing.mode")) ? props.getProperty("landing.after.login") : req.getParameter("next");
        resp.sendRedirect(next); // BUG: java/open-redirect
    }
}
