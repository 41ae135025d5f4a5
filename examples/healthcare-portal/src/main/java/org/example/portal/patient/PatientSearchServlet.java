package org.example.portal.patient;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.logging.Logger;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.owasp.encoder.Encode;

/**
 * Front-desk patient search, the discharge-letter download and the post-login redirect. Each flaw
 * sits beside a safe twin doing the same job.
 */
@WebServlet(urlPatterns = {"/staff/patients/search", "/staff/letters", "/staff/continue"})
public class PatientSearchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger AUDIT = Logger.getLogger("portal.audit");
    private static final File LETTERS = new File("/var/lib/portal/letters");
    private static final Map<String, String> LETTER_FILES = Map.of("discharge", "discharge-summary.pdf",
            "referral", "referral-letter.pdf");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (request.getServletPath()) {
            case "/staff/letters" -> letter(request, response);
            case "/staff/continue" -> continueAfterLogin(request, response);
            default -> search(request, response);
        }
    }

    private void search(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String lastName = request.getParameter("lastName");
        AUDIT.info("patient search for " + lastName); // BUG: java/log-injection
        AUDIT.info("patient search for " + lastName.replace('\n', '_').replace('\r', '_'));
        int matches;
        try (Connection con = PatientRepository.shared().openConnection()) {
            matches = PatientSearchDao.countByLastName(con, lastName) + PatientSearchDao.countByLastNameSafely(con, lastName);
        } catch (SQLException e) {
            matches = -1;
        }
        response.setContentType("text/html;charset=UTF-8");
        PrintWriter out = response.getWriter();
        out.println("<h1>Results for " + lastName + "</h1>"); // BUG: java/xss
        out.println("<p>" + matches + " patients named " + Encode.forHtml(lastName) + "</p>");
    }

    private void letter(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("file");
        File unsafe = new File(LETTERS, name);
        String known = LETTER_FILES.get(request.getParameter("kind"));
        File safe = new File(LETTERS, known == null ? "none.pdf" : known);
        response.setContentType("application/pdf");
        Files.copy((unsafe.exists() ? unsafe : safe).toPath(), response.getOutputStream()); // BUG: java/path-traversal
    }

    private void continueAfterLogin(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("legacy".equals(request.getParameter("mode"))) {
            response.sendRedirect(request.getParameter("next")); // BUG: java/open-redirect
        } else {
            response.sendRedirect(request.getContextPath() + "/home");
        }
    }
}

/** Search queries: one concatenates the name into SQL, its twin binds it as a parameter. */
final class PatientSearchDao {
    private PatientSearchDao() {
    }

    static int countByLastName(Connection con, String lastName) throws SQLException {
        String sql = "SELECT COUNT(*) FROM patient WHERE last_name = '" + lastName + "'";
        try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery(sql)) { // BUG: java/sql-injection
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    static int countByLastNameSafely(Connection con, String lastName) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement("SELECT COUNT(*) FROM patient WHERE last_name = ?")) {
            ps.setString(1, lastName);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }
}
