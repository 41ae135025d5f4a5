package corpus.trustbound.propssession;

import javax.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Session defaults from the bundled session.properties. */
public class SessionDefaults {
    private final Properties props = new Properties();

    public SessionDefaults() {
        try (InputStream in = SessionDefaults.class.getResourceAsStream("/session.properties")) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void goodValueFromFile(HttpServletRequest req) {
        req.getParameter("clinic");
        req.getSession().setAttribute("clinic", props.getProperty("session.default.clinic"));
    }

    public void badPrefixPlusParam(HttpServletRequest req) {
        req.getSession().setAttribute("clinic", props.getProperty("session.clinic.prefix") + req.getParameter("clinic")); // BUG: java/trust-boundary-violation
    }

    /** session.clinic.source=config: the request branch is dead. */
    public void goodModeFromFile(HttpServletRequest req) {
        String clinic = "config".equals(props.getProperty("session.clinic.source")) ? "RIVERSIDE" : req.getParameter("clinic");
        req.getSession().setAttribute("clinic", clinic);
    }

    /** session.ward.source=request: the request branch is live. */
    public void badModeFromFile(HttpServletRequest req) {
        String ward = "config".equals(props.getProperty("session.ward.source")) ? "ICU" : req.getParameter("ward");
        req.getSession().setAttribute("ward", ward); // BUG: java/trust-boundary-violation
    }
}
