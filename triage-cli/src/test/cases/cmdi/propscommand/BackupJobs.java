package corpus.cmdi.propscommand;

import javax.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Backup commands configured in the bundled jobs.properties. */
public class BackupJobs {
    private final Properties props = new Properties();

    public BackupJobs() {
        try (InputStream in = BackupJobs.class.getResourceAsStream("/jobs.properties")) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Process goodCommandFromFile(HttpServletRequest req) throws IOException {
        req.getParameter("job");
        return Runtime.getRuntime().exec(props.getProperty("backup.command"));
    }

    public Process badCommandFromFilePlusParam(HttpServletRequest req) throws IOException {
        return Runtime.getRuntime().exec(props.getProperty("backup.command") + " --label " + req.getParameter("label")); // BUG: java/command-injection
    }

    /** backup.target.mode=fixed: the request branch is dead. */
    public Process goodModeFromFile(HttpServletRequest req) throws IOException {
        String target = "fixed".equals(props.getProperty("backup.target.mode")) ? "/backup/nightly" : req.getParameter("target");
        return Runtime.getRuntime().exec("/opt/backup/bin/run " + target);
    }

    /** restore.target.mode=request: the request branch is live. */
    public Process badModeFromFile(HttpServletRequest req) throws IOException {
        String target = "fixed".equals(props.getProperty("restore.target.mode")) ? "/backup/nightly" : req.getParameter("target");
        return Runtime.getRuntime().exec(new String[] {"/bin/sh", "-c", "/opt/backup/bin/restore " + target}); // BUG: java/command-injection
    }
}
