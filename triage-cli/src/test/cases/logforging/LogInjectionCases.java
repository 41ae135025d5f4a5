package corpus.logforging;

import org.owasp.encoder.Encode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Audit logging of chart access (javax.servlet, SLF4J, java.util.logging, Log4j 2). */
public class LogInjectionCases {
    private static final Logger log = LoggerFactory.getLogger(LogInjectionCases.class);
    private static final java.util.logging.Logger jul = java.util.logging.Logger.getLogger("audit");
    private static final org.apache.logging.log4j.Logger log4j = org.apache.logging.log4j.LogManager.getLogger("audit");

    public void badSlf4jConcatenation(HttpServletRequest req) {
        String user = req.getParameter("user");
        log.info("chart opened by " + user); // BUG: java/log-injection
    }

    public void badSlf4jPlaceholder(HttpServletRequest req) {
        log.warn("failed login for {}", req.getParameter("user")); // BUG: java/log-injection
    }

    public void badJul(HttpServletRequest req) {
        jul.info("record exported for " + req.getParameter("requestedBy")); // BUG: java/log-injection
    }

    /** A header value holds no CR/LF: a server rejects it or replaces them with spaces (RFC 9110, 5.5). */
    public void goodHeaderValue(HttpServletRequest req) {
        jul.info("record exported for " + req.getHeader("X-Requested-By"));
    }

    public void badLog4j(HttpServletRequest req) {
        log4j.error("prescription rejected: " + req.getParameter("reason")); // BUG: java/log-injection
    }

    public void goodNewlinesReplaced(HttpServletRequest req) {
        String user = req.getParameter("user").replace('\n', '_').replace('\r', '_');
        log.info("chart opened by " + user);
    }

    public void goodRegexStripped(HttpServletRequest req) {
        String reason = req.getParameter("reason").replaceAll("[\r\n]", "");
        log4j.error("prescription rejected: " + reason);
    }

    public void goodNumeric(HttpServletRequest req) {
        int patientId = Integer.parseInt(req.getParameter("patientId"));
        log.info("chart opened for patient " + patientId);
    }

    /** HTML encoding keeps CR and LF. */
    public void badHtmlEncoded(HttpServletRequest req) {
        log.info("search term " + Encode.forHtml(req.getParameter("q"))); // BUG: java/log-injection
    }

    public void badDecodedSubstring(HttpServletRequest req) {
        String q = URLDecoder.decode(req.getQueryString(), StandardCharsets.UTF_8);
        jul.warning(String.format("odd query [%s]", q.substring(0, Math.min(80, q.length())))); // BUG: java/log-injection
    }

    public void goodDeadBranch(HttpServletRequest req)  {
        String param = req.getParameter("user");
        int num = 86; // (7 * 42) - 86 = 208 > 200: the constant branch is taken
        String bar = (7 * 42) - num > 200 ? "anonymous" : param;
        log.info("chart opened by " + bar);
    }

    public void badLiveBranch(HttpServletRequest req)  {
        String param = req.getParameter("user");
        int num = 196;
        String bar = (7 * 42) - num > 200 ? "anonymous" : param;
        log.info("chart opened by " + bar); // BUG: java/log-injection
    }

    public void goodSwitchKnownValue(HttpServletRequest req)  {
        String param = req.getParameter("user");
        String bar;
        String guess = "ABC";
        switch (guess.charAt(2)) {
            case 'A': bar = param; break;
            case 'C': bar = "anonymous"; break;
            default: bar = param; break;
        }
        log.info("chart opened by " + bar);
    }

    public void badSwitchKnownValue(HttpServletRequest req)  {
        String param = req.getParameter("user");
        String bar;
        String guess = "ABC";
        switch (guess.charAt(1)) {
            case 'A': bar = "anonymous"; break;
            case 'B': bar = param; break;
            default: bar = "anonymous"; break;
        }
        log.info("chart opened by " + bar); // BUG: java/log-injection
    }

    public void goodMapConstantKey(HttpServletRequest req)  {
        java.util.Map<String, String> map = new java.util.HashMap<>();
        map.put("keyA", "anonymous");
        map.put("keyB", req.getParameter("user"));
        String bar = map.get("keyA");
        log.info("chart opened by " + bar);
    }

    public void badMapTaintedKey(HttpServletRequest req)  {
        java.util.Map<String, String> map = new java.util.HashMap<>();
        map.put("keyA", "anonymous");
        map.put("keyB", req.getParameter("user"));
        String bar = map.get("keyB");
        log.info("chart opened by " + bar); // BUG: java/log-injection
    }

    public void goodListAfterRemoval(HttpServletRequest req)  {
        java.util.List<String> list = new java.util.ArrayList<>();
        list.add("safe");
        list.add(req.getParameter("user"));
        list.add("anonymous");
        list.remove(0);
        String bar = list.get(1);
        log.info("chart opened by " + bar);
    }

    public void badListAfterRemoval(HttpServletRequest req)  {
        java.util.List<String> list = new java.util.ArrayList<>();
        list.add("safe");
        list.add(req.getParameter("user"));
        list.add("anonymous");
        list.remove(0);
        String bar = list.get(0);
        log.info("chart opened by " + bar); // BUG: java/log-injection
    }
}
