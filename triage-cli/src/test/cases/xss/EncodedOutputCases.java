package corpus.xss;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A vitals dashboard that refreshes itself: a value URL-encoded before it is written into the page holds letters,
 * digits and %XX only (no markup, no quotes); and a static-resource servlet that only asks whether a resource exists
 * before the container's default servlet serves it.
 */
public class EncodedOutputCases {
    public void goodUrlEncodedInPage(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        PrintWriter out = resp.getWriter();
        out.print("<meta http-equiv='refresh' content='" + URLEncoder.encode(req.getParameter("refresh"), StandardCharsets.UTF_8) + "'/>");
    }

    public void badRawInPage(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        PrintWriter out = resp.getWriter();
        out.print("<meta http-equiv='refresh' content='" + req.getParameter("refresh") + "'/>"); // BUG: java/xss
    }

    /** Only whether the resource exists is asked; the default servlet serves (and guards) it. */
    public void goodResourceExists(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
        URL url = req.getServletContext().getResource(req.getServletPath() + req.getPathInfo());
        if (url != null) req.getServletContext().getNamedDispatcher("default").forward(req, resp);
    }

    /** Reading the resource by the request's name reaches WEB-INF. */
    public InputStream badResourceRead(HttpServletRequest req) {
        return req.getServletContext().getResourceAsStream("/reports" + req.getPathInfo()); // BUG: java/path-traversal
    }
}
