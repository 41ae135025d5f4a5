package corpus.sqli.propsquery;

import javax.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Properties;

/** Report queries whose SQL text comes from the bundled reports.properties. */
public class ReportQueries {
    private final Properties props = new Properties();
    private final Connection conn;

    public ReportQueries(Connection conn) {
        this.conn = conn;
        try (InputStream in = ReportQueries.class.getResourceAsStream("/reports.properties")) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole query is configuration: nothing untrusted. */
    public ResultSet goodQueryFromFile(HttpServletRequest req) throws Exception {
        req.getParameter("report");
        return conn.createStatement().executeQuery(props.getProperty("report.daily.admissions"));
    }

    /** The configured prefix is followed by a request value. */
    public ResultSet badPrefixFromFilePlusParam(HttpServletRequest req) throws Exception {
        String sql = props.getProperty("report.by.ward.prefix") + req.getParameter("ward") + "'";
        return conn.createStatement().executeQuery(sql); // BUG: java/sql-injection
    }

    /** report.mode=fixed in the file: the request branch is dead. */
    public ResultSet goodModeFromFile(HttpServletRequest req) throws Exception {
        String where = "fixed".equals(props.getProperty("report.mode")) ? "status = 'OPEN'" : req.getParameter("where");
        return conn.createStatement().executeQuery("SELECT * FROM admission WHERE " + where);
    }

    /** report.legacy.mode=adhoc in the file: the request branch is live. */
    public ResultSet badLegacyModeFromFile(HttpServletRequest req) throws Exception {
        String where = "fixed".equals(props.getProperty("report.legacy.mode")) ? "status = 'OPEN'" : req.getParameter("where");
        return conn.createStatement().executeQuery("SELECT * FROM admission WHERE " + where); // BUG: java/sql-injection
    }

    /** The key is absent: the constant default decides. */
    public ResultSet goodAbsentKeyDefault(HttpServletRequest req) throws Exception {
        req.getParameter("table");
        String table = props.getProperty("report.archive.table", "admission_archive");
        return conn.createStatement().executeQuery("SELECT COUNT(*) FROM " + table);
    }
}
