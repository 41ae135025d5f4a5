package corpus.logforging;

import ca.uhn.fhir.util.UrlUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.servlet.http.HttpServletRequest;

/**
 * HAPI FHIR's UrlUtil.sanitizeUrlPart writes line breaks, quotes and angle brackets as character entities (the
 * testpage overlay logs request values that way): what it returns can forge no log line.
 */
public class HapiUrlPartCases {
    private static final Logger log = LoggerFactory.getLogger(HapiUrlPartCases.class);

    public void goodSanitizedPageUrl(HttpServletRequest req) {
        String url = UrlUtil.sanitizeUrlPart(req.getParameter("page-url"));
        log.info("Loading paging URL: {}", url);
    }

    public void badRawPageUrl(HttpServletRequest req) {
        log.info("Loading paging URL: {}", req.getParameter("page-url")); // BUG: java/log-injection
    }
}
