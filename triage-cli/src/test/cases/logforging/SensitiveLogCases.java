package corpus.logforging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.servlet.http.HttpServletRequest;

/**
 * Sign-in and chart auditing that log too much: a password from the request (java/sensitive-data-logged), or the
 * patient's diagnosis (java/phi-logged), written to a log is a finding of its own (and a log injection where the text
 * is the attacker's); the user name or a record number is not sensitive.
 */
public class SensitiveLogCases {
    private static final Logger log = LoggerFactory.getLogger(SensitiveLogCases.class);
    private static final java.util.logging.Logger jul = java.util.logging.Logger.getLogger("audit");

    /** The app's own patient record. */
    public static class Patient {
        private final String diagnosis;
        private final long recordNumber;

        public Patient(String diagnosis, long recordNumber) {
            this.diagnosis = diagnosis;
            this.recordNumber = recordNumber;
        }

        public String getDiagnosis() {
            return diagnosis;
        }

        public long getRecordNumber() {
            return recordNumber;
        }
    }

    public void badPasswordLogged(HttpServletRequest req) {
        log.info("login attempt {} / {}", req.getParameter("user"), req.getParameter("password")); // BUG: java/log-injection, java/sensitive-data-logged
    }

    public void badSessionIdLogged(HttpServletRequest req) {
        log.info("session {} opened the chart", req.getSession().getId()); // BUG: java/sensitive-data-logged
    }

    public void goodSessionIdHashLogged(HttpServletRequest req) {
        log.info("session {} opened the chart", org.apache.commons.codec.digest.DigestUtils.sha256Hex(req.getSession().getId()));
    }

    public void goodUserOnly(HttpServletRequest req) {
        String user = req.getParameter("user").replaceAll("[\r\n]", "_");
        log.info("login attempt {}", user);
    }

    public void badPinWithoutLineBreaks(HttpServletRequest req) {
        String pin = req.getParameter("pin").replaceAll("[\r\n]", "");
        jul.info("pin entered: " + pin); // BUG: java/sensitive-data-logged
    }

    private static final org.apache.commons.logging.Log jcl = org.apache.commons.logging.LogFactory.getLog("auth");

    public void badSecretLoggedThroughCommonsLogging(HttpServletRequest req) {
        String secret = req.getParameter("client_secret").replaceAll("[\r\n]", "");
        jcl.debug("client registration with secret " + secret); // BUG: java/sensitive-data-logged
    }

    public void badOtpLogged(HttpServletRequest req) {
        String otp = req.getParameter("otp").strip().replaceAll("[\r\n]", "");
        log.debug("one-time code {} checked", otp); // BUG: java/sensitive-data-logged
    }

    public void goodOtpLengthLogged(HttpServletRequest req) {
        log.debug("one-time code of {} digits checked", req.getParameter("otp").length());
    }

    public void badDiagnosisLogged(Patient p) {
        jul.info("chart opened, diagnosis " + p.getDiagnosis()); // BUG: java/phi-logged
    }

    public void goodRecordNumberLogged(Patient p) {
        jul.info("chart opened, record " + p.getRecordNumber());
    }

    private static void audit(String what) {
        log.warn("audit: {}", what); // BUG: java/phi-logged
    }

    public void badDiagnosisThroughHelper(Patient p) {
        audit(String.format("diagnosis=%s", p.getDiagnosis()));
    }

    public void goodHelperWithRecordNumber(Patient p) {
        audit("record=" + p.getRecordNumber());
    }
}
