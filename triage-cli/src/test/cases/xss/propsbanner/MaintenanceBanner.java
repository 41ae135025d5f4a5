package corpus.xss.propsbanner;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Maintenance banner text from the bundled banner.properties. */
public class MaintenanceBanner {
    private final Properties props = new Properties();

    public MaintenanceBanner() {
        try (InputStream in = MaintenanceBanner.class.getResourceAsStream("/banner.properties")) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void goodBannerFromFile(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        req.getParameter("lang");
        resp.getWriter().print(props.getProperty("banner.html"));
    }

    public void badBannerPlusParam(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.getWriter().print(props.getProperty("banner.html") + req.getParameter("lang")); // BUG: java/xss
    }

    /** banner.personalised=false: the request branch is dead. */
    public void goodFlagFromFile(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String who = Boolean.parseBoolean(props.getProperty("banner.personalised")) ? req.getParameter("name") : "patient";
        resp.getWriter().print("<p>Dear " + who + "</p>");
    }

    /** greeting.personalised=true: the request branch is live. */
    public void badFlagFromFile(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String who = Boolean.parseBoolean(props.getProperty("greeting.personalised")) ? req.getParameter("name") : "patient";
        resp.getWriter().print("<p>Dear " + who + "</p>"); // BUG: java/xss
    }
}
