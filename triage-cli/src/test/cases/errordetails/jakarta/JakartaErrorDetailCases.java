package corpus.errordetails.jakarta;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.sql.SQLException;

/** The same error handling on jakarta.servlet. */
public class JakartaErrorDetailCases {
    public void badSqlMessage(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            query(req.getParameter("q"));
        } catch (SQLException e) {
            resp.getWriter().printf("Query failed: %s%n", e.getMessage()); // BUG: java/error-details-exposed
        }
    }

    public void goodGeneric(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            query(req.getParameter("q"));
        } catch (SQLException e) {
            resp.sendError(500, "Query failed");
        }
    }

    private static void query(String q) throws SQLException {
        if (q.isEmpty()) throw new SQLException("syntax error near '" + q + "' in SELECT * FROM notes");
    }
}
