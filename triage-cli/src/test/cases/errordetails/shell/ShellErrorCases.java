package corpus.errordetails.shell;

import org.apache.commons.io.IOUtils;

import javax.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/** The backup report page: a command's error output must stay on the server. */
public class ShellErrorCases {
    private static final Logger LOG = Logger.getLogger(ShellErrorCases.class.getName());

    public void badErrorStreamToResponse(HttpServletResponse resp) throws IOException {
        Process p = Runtime.getRuntime().exec(new String[] {"/usr/local/bin/backup-status"});
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream()));
        PrintWriter out = resp.getWriter();
        for (String line = err.readLine(); line != null; line = err.readLine()) {
            out.println(line); // BUG: java/shell-error-exposed
        }
    }

    public void badErrorStreamInErrorPage(HttpServletResponse resp) throws IOException {
        Process p = new ProcessBuilder("/usr/local/bin/backup-status").start();
        String message = new String(p.getErrorStream().readAllBytes());
        resp.sendError(500, message); // BUG: java/shell-error-exposed
    }

    public void badErrorBytesToOutputStream(HttpServletResponse resp) throws IOException {
        Process p = new ProcessBuilder("/usr/local/bin/backup-verify", "--all").start();
        resp.getOutputStream().write(p.getErrorStream().readAllBytes()); // BUG: java/shell-error-exposed
    }

    public void badErrorThroughCommonsIo(HttpServletResponse resp) throws IOException {
        Process p = Runtime.getRuntime().exec(new String[] {"/usr/local/bin/backup-status", "--json"});
        String err = IOUtils.toString(p.getErrorStream(), StandardCharsets.UTF_8);
        resp.getWriter().print("Backup status failed: " + err); // BUG: java/shell-error-exposed
    }

    public void goodStandardOutputShown(HttpServletResponse resp) throws IOException {
        Process p = Runtime.getRuntime().exec(new String[] {"/usr/local/bin/backup-status", "--json"});
        resp.getWriter().print(IOUtils.toString(p.getInputStream(), StandardCharsets.UTF_8));
    }

    public void goodErrorStreamLogged(HttpServletResponse resp) throws IOException {
        Process p = Runtime.getRuntime().exec(new String[] {"/usr/local/bin/backup-status"});
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream()));
        for (String line = err.readLine(); line != null; line = err.readLine()) {
            LOG.warning(line);
        }
        resp.getWriter().println("The backup status could not be read");
    }

    public void goodExitCodeOnly(HttpServletResponse resp) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/usr/local/bin/backup-status").start();
        int code = p.waitFor();
        resp.getWriter().println(code == 0 ? "Backups are current" : "Backups need attention");
    }

    public void badErrorLinesJoined(HttpServletResponse resp) throws IOException {
        Process p = new ProcessBuilder("/usr/local/bin/restore", "--dry-run").start();
        StringBuilder report = new StringBuilder("Restore check failed:\n");
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            report.append(err.readLine());
        }
        resp.getWriter().write(report.toString()); // BUG: java/shell-error-exposed
    }

    public void badErrorStreamAsJson(HttpServletResponse resp) throws IOException {
        Process p = Runtime.getRuntime().exec(new String[] {"/usr/local/bin/restore", "--verify"});
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        resp.setContentType("application/json");
        resp.getWriter().printf("{\"error\": \"%s\"}", err); // BUG: java/shell-error-exposed
    }
}
