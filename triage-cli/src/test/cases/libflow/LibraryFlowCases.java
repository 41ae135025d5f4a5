package corpus.libflow;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Scanner;

/**
 * Request bodies read through JDK classes no model row describes: the flows come from the library's own code
 * (a constructor keeping its stream, a fluent call returning its receiver).
 */
public class LibraryFlowCases {
    private final Connection db;

    public LibraryFlowCases(Connection db) {
        this.db = db;
    }

    public void badScannerBody(HttpServletRequest req) throws Exception {
        String body = new Scanner(req.getInputStream()).useDelimiter("\\A").next();
        Runtime.getRuntime().exec(body); // BUG: java/command-injection
    }

    public void badScannerCharset(HttpServletRequest req) throws Exception {
        Scanner scanner = new Scanner(req.getInputStream(), "UTF-8");
        scanner.useDelimiter("\\A");
        String filter = scanner.hasNext() ? scanner.next() : "";
        db.createStatement().executeQuery("SELECT * FROM visit WHERE " + filter); // BUG: java/sql-injection
    }

    public void badScannerLines(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        try (Scanner lines = new Scanner(req.getReader())) {
            while (lines.hasNextLine()) resp.getWriter().println("<li>" + lines.nextLine() + "</li>"); // BUG: java/xss
        }
    }

    // ---- good ----

    public void goodScannerOverOwnResource() throws Exception {
        try (InputStream in = LibraryFlowCases.class.getResourceAsStream("/schema.sql")) {
            String ddl = new Scanner(in, StandardCharsets.UTF_8).useDelimiter("\\A").next();
            db.createStatement().execute(ddl);
        }
    }

    public void goodScannerNumber(HttpServletRequest req) throws Exception {
        int visit = new Scanner(req.getInputStream()).nextInt();
        db.createStatement().executeQuery("SELECT * FROM visit WHERE id = " + visit);
    }

    /** An address in numeric notation carries no SQL. */
    public void goodResolvedAddress(HttpServletRequest req) throws Exception {
        String ip = InetAddress.getByName(req.getParameter("host")).getHostAddress();
        db.createStatement().executeUpdate("INSERT INTO access_log(ip) VALUES ('" + ip + "')");
    }

    /**
     * The scanner's locale is not the data it reads, though the library code keeps both in the same object (a
     * neutral row stops the flow its computed summary gives).
     */
    public void goodScannerLocale(HttpServletRequest req) throws Exception {
        Scanner scanner = new Scanner(req.getInputStream());
        String language = scanner.locale().getLanguage();
        db.createStatement().executeQuery("SELECT text FROM leaflet WHERE lang = '" + language + "'");
    }
}
