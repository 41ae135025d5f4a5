package corpus.logforging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Access logging in a patient portal's filter: the raw request line (URI, URL, query string) is still
 * percent-encoded and holds no CR/LF; decoded values and parameters do.
 */
public class RequestLineCases {
    private static final Logger log = LoggerFactory.getLogger(RequestLineCases.class);

    public void goodRawUri(HttpServletRequest req) {
        log.info("request for " + req.getRequestURI());
    }

    public void goodRawUrlAndQuery(HttpServletRequest req) {
        log.warn("unexpected call {} ?{}", req.getRequestURL(), req.getQueryString());
    }

    public void goodRawUriInHeader(HttpServletRequest req, HttpServletResponse resp) {
        resp.setHeader("X-Requested-Path", req.getRequestURI());
    }

    public void badDecodedUri(HttpServletRequest req) {
        String path = URLDecoder.decode(req.getRequestURI(), StandardCharsets.UTF_8);
        log.info("request for " + path); // BUG: java/log-injection
    }

    public void badPathInfo(HttpServletRequest req) {
        log.info("record path " + req.getPathInfo()); // BUG: java/log-injection
    }

    public void badDecodedQueryInHeader(HttpServletRequest req, HttpServletResponse resp) {
        resp.setHeader("X-Query", URLDecoder.decode(req.getQueryString(), StandardCharsets.UTF_8)); // BUG: java/header-injection
    }
}
