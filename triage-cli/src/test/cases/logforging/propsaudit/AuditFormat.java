package corpus.logforging.propsaudit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Audit message formats from the bundled audit.properties. */
public class AuditFormat {
    private static final Logger log = LoggerFactory.getLogger(AuditFormat.class);
    private final Properties props = new Properties();

    public AuditFormat() {
        try (InputStream in = AuditFormat.class.getResourceAsStream("/audit.properties")) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void goodMessageFromFile(HttpServletRequest req) {
        req.getParameter("user");
        log.info(props.getProperty("audit.startup.message"));
    }

    public void badPrefixFromFilePlusParam(HttpServletRequest req) {
        log.info(props.getProperty("audit.access.prefix") + req.getParameter("user")); // BUG: java/log-injection
    }

    /** audit.identity=anonymous: the request branch is dead. */
    public void goodModeFromFile(HttpServletRequest req) {
        String who = "anonymous".equals(props.getProperty("audit.identity")) ? "someone" : req.getParameter("user");
        log.info("chart opened by " + who);
    }

    /** audit.export.identity=named: the request branch is live. */
    public void badModeFromFile(HttpServletRequest req) {
        String who = "anonymous".equals(props.getProperty("audit.export.identity")) ? "someone" : req.getParameter("user");
        log.info("export by " + who); // BUG: java/log-injection
    }
}
