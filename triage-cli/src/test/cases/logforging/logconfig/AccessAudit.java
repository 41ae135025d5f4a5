package corpus.logforging.logconfig;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.servlet.http.HttpServletRequest;

/**
 * A records service that ships its own log4j2.xml (root at warn, the service's loggers at info): lines it logs at
 * debug or trace are never written as shipped, and are reported at the lowest severity; info and above keep theirs
 * (LogLevelSeverityTest checks the severities).
 */
public class AccessAudit {
    private static final Logger log = LoggerFactory.getLogger(AccessAudit.class);

    public void debugOnly(HttpServletRequest req) {
        log.debug("chart requested by " + req.getParameter("user")); // BUG: java/log-injection
    }

    public void traceOnly(HttpServletRequest req) {
        log.trace("query {}", req.getParameter("q")); // BUG: java/log-injection
    }

    public void infoWritten(HttpServletRequest req) {
        log.info("chart opened by " + req.getParameter("user")); // BUG: java/log-injection
    }

    public void warnWritten(HttpServletRequest req) {
        log.warn("failed login for {}", req.getParameter("user")); // BUG: java/log-injection
    }
}
