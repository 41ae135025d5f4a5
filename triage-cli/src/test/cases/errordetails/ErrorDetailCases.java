package corpus.errordetails;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Error handling of the appointment servlet: what the client is told when parsing or the database fails. */
public class ErrorDetailCases {
    private static final Logger LOG = Logger.getLogger(ErrorDetailCases.class.getName());

    public void badMessageToWriter(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            LocalDate.parse(req.getParameter("date"));
        } catch (RuntimeException e) {
            resp.getWriter().println("Could not book: " + e.getMessage()); // BUG: java/error-details-exposed
        }
    }

    public void badStackTraceToWriter(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            Integer.parseInt(req.getParameter("slot"));
        } catch (NumberFormatException e) {
            e.printStackTrace(resp.getWriter()); // BUG: java/error-details-exposed
        }
    }

    public void badToStringInErrorPage(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            load(req.getParameter("id"));
        } catch (IllegalStateException e) {
            resp.sendError(500, e.toString()); // BUG: java/error-details-exposed
        }
    }

    public void badOutputStream(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            load(req.getParameter("id"));
        } catch (IllegalStateException e) {
            resp.getOutputStream().print(e.getLocalizedMessage()); // BUG: java/error-details-exposed
        }
    }

    public void badThroughHelper(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            load(req.getParameter("id"));
        } catch (IllegalStateException e) {
            writeProblem(resp, e);
        }
    }

    private static void writeProblem(HttpServletResponse resp, Exception e) throws IOException {
        resp.getWriter().println("<p>Problem: " + e.getMessage() + "</p>"); // BUG: java/error-details-exposed
    }

    public void badStackTraceElements(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            load(req.getParameter("id"));
        } catch (IllegalStateException e) {
            String trace = Arrays.toString(e.getStackTrace());
            resp.getWriter().write(trace); // BUG: java/error-details-exposed
        }
    }

    public void goodLoggedGenericMessage(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            LocalDate.parse(req.getParameter("date"));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "booking failed: " + e.getMessage(), e);
            resp.getWriter().println("Could not book: the date is not valid");
        }
    }

    public void goodStackTraceToServerLog(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            Integer.parseInt(req.getParameter("slot"));
        } catch (NumberFormatException e) {
            e.printStackTrace();
            resp.sendError(400, "Invalid slot");
        }
    }

    public void goodStackTraceToString(HttpServletRequest req) {
        try {
            load(req.getParameter("id"));
        } catch (IllegalStateException e) {
            StringWriter sw = new StringWriter();
            e.printStackTrace(new PrintWriter(sw));
            LOG.severe(sw.toString());
        }
    }

    public void goodMessageToStderr(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            load(req.getParameter("id"));
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            resp.sendError(500);
        }
    }

    public void goodStatusOnly(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            load(req.getParameter("id"));
        } catch (IllegalStateException e) {
            resp.setStatus(500);
            resp.getWriter().println("The record could not be loaded; reference " + System.identityHashCode(e));
        }
    }

    private static String load(String id) {
        if (id == null) throw new IllegalStateException("no record " + id + " in table patients");
        return id;
    }
}
