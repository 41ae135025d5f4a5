package corpus.sqli;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;

/** Lab-result servlet (jakarta.servlet) whose queries run in helpers, inner, anonymous and lambda classes. */
public class SqlHelperCases extends HttpServlet {
    private transient Connection conn;
    private String lastPatientFilter;
    private final String defaultWard = "ICU";

    interface QueryTask {
        void run(String value) throws SQLException;
    }

    // ---- static helper, sink inside ----

    static ResultSet findByMrn(Connection c, String mrn) throws SQLException {
        return c.createStatement().executeQuery("SELECT * FROM patient WHERE mrn = '" + mrn + "'"); // BUG: java/sql-injection
    }

    static ResultSet findByMrnSafely(Connection c, String mrn) throws SQLException {
        PreparedStatement ps = c.prepareStatement("SELECT * FROM patient WHERE mrn = ?");
        ps.setString(1, mrn);
        return ps.executeQuery();
    }

    public void badStaticHelper(HttpServletRequest req) throws SQLException {
        findByMrn(conn, req.getParameter("mrn"));
    }

    public void goodStaticHelperBinds(HttpServletRequest req) throws SQLException {
        findByMrnSafely(conn, req.getParameter("mrn"));
    }

    // ---- instance helper ----

    ResultSet labsForTest(String loinc) throws SQLException {
        return conn.createStatement().executeQuery("SELECT * FROM lab_result WHERE loinc = '" + loinc + "'"); // BUG: java/sql-injection
    }

    ResultSet labsForFixedPanel(String unusedLabel) throws SQLException {
        return conn.createStatement().executeQuery("SELECT * FROM lab_result WHERE loinc = '2345-7'");
    }

    public void badInstanceHelper(HttpServletRequest req) throws SQLException {
        labsForTest(req.getHeader("X-Loinc"));
    }

    public void goodInstanceHelperIgnoresArgument(HttpServletRequest req) throws SQLException {
        labsForFixedPanel(req.getParameter("panel"));
    }

    /** The helper returns its second argument: the request value never reaches the query. */
    static String pick(String fromRequest, String fallback) {
        return fallback;
    }

    public ResultSet goodHelperReturnsConstant(HttpServletRequest req) throws SQLException {
        String mrn = pick(req.getParameter("mrn"), "M-0001");
        return conn.createStatement().executeQuery("SELECT * FROM patient WHERE mrn = '" + mrn + "'");
    }

    public ResultSet badHelperReturnsArgument(HttpServletRequest req) throws SQLException {
        String mrn = pick("M-0001", req.getParameter("mrn"));
        return conn.createStatement().executeQuery("SELECT * FROM patient WHERE mrn = '" + mrn + "'"); // BUG: java/sql-injection
    }

    // ---- other class ----

    public void badOtherClass(HttpServletRequest req) throws SQLException {
        new AppointmentDao(conn).cancel(req.getParameter("appt"));
    }

    public void goodOtherClassParsed(HttpServletRequest req) throws SQLException {
        new AppointmentDao(conn).cancelById(Integer.parseInt(req.getParameter("appt")));
    }

    // ---- inner, anonymous, lambda ----

    class WardQuery {
        ResultSet run(String ward) throws SQLException {
            return conn.createStatement().executeQuery("SELECT * FROM bed WHERE ward = '" + ward + "'"); // BUG: java/sql-injection
        }
    }

    public void badInnerClass(HttpServletRequest req) throws SQLException {
        new WardQuery().run(req.getParameter("ward"));
    }

    public void badAnonymousClass(HttpServletRequest req) throws SQLException {
        QueryTask t = new QueryTask() {
            @Override
            public void run(String value) throws SQLException {
                conn.createStatement().execute("DELETE FROM reminder WHERE patient = '" + value + "'"); // BUG: java/sql-injection
            }
        };
        t.run(req.getParameter("patient"));
    }

    public void goodAnonymousClassConstant(HttpServletRequest req) throws SQLException {
        QueryTask t = new QueryTask() {
            @Override
            public void run(String value) throws SQLException {
                conn.createStatement().execute("DELETE FROM reminder WHERE patient = '" + value + "'");
            }
        };
        req.getParameter("patient");
        t.run("P-0042");
    }

    public void badLambda(HttpServletRequest req) {
        Consumer<String> purge = v -> {
            try {
                conn.createStatement().execute("DELETE FROM lab_order WHERE accession = '" + v + "'"); // BUG: java/sql-injection
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
        purge.accept(req.getParameter("accession"));
    }

    public void goodLambdaParsed(HttpServletRequest req) {
        Consumer<Long> purge = v -> {
            try {
                conn.createStatement().execute("DELETE FROM lab_order WHERE id = " + v);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
        purge.accept(Long.parseLong(req.getParameter("orderId")));
    }

    // ---- fields ----

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
        lastPatientFilter = req.getParameter("filter");
    }

    public ResultSet badTaintedField() throws SQLException {
        return conn.createStatement().executeQuery("SELECT * FROM patient WHERE " + lastPatientFilter); // BUG: java/sql-injection
    }

    public ResultSet goodConstantField(HttpServletRequest req) throws SQLException {
        req.getParameter("ward");
        return conn.createStatement().executeQuery("SELECT * FROM bed WHERE ward = '" + defaultWard + "'");
    }
}

/** Appointment persistence, called by the servlet above. */
class AppointmentDao {
    private final Connection conn;

    AppointmentDao(Connection conn) {
        this.conn = conn;
    }

    void cancel(String appointmentRef) throws SQLException {
        conn.createStatement().executeUpdate("UPDATE appointment SET status = 'CANCELLED' WHERE ref = '" + appointmentRef + "'"); // BUG: java/sql-injection
    }

    void cancelById(int id) throws SQLException {
        conn.createStatement().executeUpdate("UPDATE appointment SET status = 'CANCELLED' WHERE id = " + id);
    }
}
