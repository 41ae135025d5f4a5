package corpus.logforging.log4shell;

import org.apache.logging.log4j.LogManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.servlet.http.HttpServletRequest;

/**
 * Logs referrals from partner clinics through the Log4j 2 API and through SLF4J. Scanned alone these are log
 * injections; Log4ShellTest scans them again with library jars beside them: with a bundled log4j-core 2.0-beta9 to
 * 2.14.1 the Log4j 2 call is Log4Shell, and the SLF4J call too when the log4j-slf4j-impl bridge is bundled.
 */
public class ReferralLog {
    private static final org.apache.logging.log4j.Logger log4j = LogManager.getLogger(ReferralLog.class);
    private static final Logger slf4j = LoggerFactory.getLogger(ReferralLog.class);

    public void viaLog4j(HttpServletRequest req) {
        log4j.info("referral from " + req.getParameter("clinic")); // BUG: java/log-injection
    }

    public void viaSlf4j(HttpServletRequest req) {
        slf4j.info("referral from {}", req.getParameter("clinic")); // BUG: java/log-injection
    }

    public void goodNumericId(HttpServletRequest req) {
        log4j.info("referral " + Long.parseLong(req.getParameter("id")));
    }
}
