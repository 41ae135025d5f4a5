package corpus.errorpage.jakarta;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.owasp.encoder.Encode;

import java.io.IOException;

/** The same error responses on jakarta.servlet. */
public class JakartaErrorPageCases {
    public void badQueryString(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.sendError(404, "No such page: " + req.getParameter("page")); // BUG: java/error-page-xss
    }

    public void goodEncoded(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.sendError(404, "No such page: " + Encode.forHtmlContent(req.getParameter("page")));
    }
}
