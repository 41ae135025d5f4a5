package corpus.headerinjection.propsdownload;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Download headers from the bundled download.properties. */
public class DownloadHeaders {
    private final Properties props = new Properties();

    public DownloadHeaders() {
        try (InputStream in = DownloadHeaders.class.getResourceAsStream("/download.properties")) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void goodValueFromFile(HttpServletRequest req, HttpServletResponse resp) {
        req.getParameter("name");
        resp.setHeader("Content-Disposition", props.getProperty("download.disposition"));
    }

    public void badPrefixFromFilePlusParam(HttpServletRequest req, HttpServletResponse resp) {
        resp.setHeader("Content-Disposition", props.getProperty("download.disposition.prefix") + req.getParameter("name")); // BUG: java/header-injection
    }

    /** download.naming=fixed: the request branch is dead. */
    public void goodModeFromFile(HttpServletRequest req, HttpServletResponse resp) {
        String name = "fixed".equals(props.getProperty("download.naming")) ? "results.pdf" : req.getParameter("name");
        resp.setHeader("Content-Disposition", "attachment; filename=" + name);
    }

    /** export.naming=client: the request branch is live. */
    public void badModeFromFile(HttpServletRequest req, HttpServletResponse resp) {
        String name = "fixed".equals(props.getProperty("export.naming")) ? "export.csv" : req.getParameter("name");
        resp.setHeader("Content-Disposition", "attachment; filename=" + name); // BUG: java/header-injection
    }
}
