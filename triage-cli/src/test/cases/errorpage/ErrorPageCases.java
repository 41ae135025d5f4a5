package corpus.errorpage;

import org.apache.commons.text.StringEscapeUtils;
import org.owasp.encoder.Encode;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/** Error responses of the appointment service (javax.servlet): the message ends up in the HTML error page. */
public class ErrorPageCases {
    private static final Set<String> WARDS = Set.of("cardiology", "oncology");

    public void badParameterInMessage(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getParameter("name");
        resp.sendError(404, "<br>No appointment for " + name); // BUG: java/error-page-xss
    }

    public void badHeaderInMessage(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "Unsupported client " + req.getHeader("User-Agent")); // BUG: java/error-page-xss
    }

    public void badThroughHelper(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        notFound(resp, req.getParameter("ward"));
    }

    private static void notFound(HttpServletResponse resp, String what) throws IOException {
        resp.sendError(404, "Unknown ward: " + what); // BUG: java/error-page-xss
    }

    public void badBuilder(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        StringBuilder sb = new StringBuilder("Invalid date ").append(req.getParameter("date"));
        resp.sendError(400, sb.toString()); // BUG: java/error-page-xss
    }

    public void goodEncoded(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.sendError(404, "<br>No appointment for " + Encode.forHtml(req.getParameter("name")));
    }

    public void goodEscaped(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.sendError(404, "Unknown ward: " + StringEscapeUtils.escapeHtml4(req.getParameter("ward")));
    }

    public void goodConstant(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getParameter("ward") == null) resp.sendError(400, "Missing ward");
    }

    public void goodNumber(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        int id = Integer.parseInt(req.getParameter("id"));
        resp.sendError(404, "No appointment " + id);
    }

    public void goodAllowList(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String ward = req.getParameter("ward");
        if (WARDS.contains(ward)) resp.sendError(409, "Ward " + ward + " is full");
    }

    public void goodPatternChecked(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String code = req.getParameter("code");
        if (code.matches("[A-Z0-9]{1,8}")) resp.sendError(404, "No clinic " + code);
    }

    public void goodCodeOnly(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.sendError(404);
    }

    public void badPathInMessage(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.sendError(HttpServletResponse.SC_NOT_FOUND, "No chart at " + req.getPathInfo()); // BUG: java/error-page-xss
    }

    public void goodPathEncodedInMessage(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.sendError(HttpServletResponse.SC_NOT_FOUND, "No chart at " + Encode.forHtml(req.getPathInfo()));
    }
}
