package corpus.redirect;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Redirects whose target starts with a fixed path or origin: the request value only fills the rest. */
public class RedirectPrefixCases {
    public void goodLocalPathPrefix(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.sendRedirect("/portal/search?q=" + req.getParameter("q"));
    }

    public void goodFixedOriginPrefix(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.sendRedirect("https://portal.example.org/records/" + req.getParameter("id"));
    }

    public void goodPrefixBuilder(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        StringBuilder sb = new StringBuilder("/portal/appointments?clinic=");
        sb.append(req.getParameter("clinic"));
        resp.sendRedirect(sb.toString());
    }

    /** "/" + "/evil.example" is a protocol-relative URL: another host. */
    public void badSlashOnly(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.sendRedirect("/" + req.getParameter("next")); // BUG: java/open-redirect
    }

    /** The origin is the attacker's: "https://" + "evil.example/". */
    public void badSchemeOnly(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.sendRedirect("https://" + req.getParameter("host") + "/portal"); // BUG: java/open-redirect
    }

    /** A host without the path's slash can be extended: "https://portal.example.org" + ".evil.example". */
    public void badOriginWithoutSlash(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.sendRedirect("https://portal.example.org" + req.getParameter("path")); // BUG: java/open-redirect
    }
}
