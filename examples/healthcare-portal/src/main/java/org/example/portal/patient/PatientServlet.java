package org.example.portal.patient;

import java.io.IOException;
import java.util.Optional;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import org.example.portal.crypto.RecordChecksum;

/** Shows the signed-in patient's own record as JSON, with a SHA-256 ETag. */
@WebServlet(urlPatterns = "/patients/me")
public class PatientServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient PatientRepository patients = PatientRepository.shared();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        Object patientId = session == null ? null : session.getAttribute("patientId");
        Optional<Patient> patient = patients.findById(patientId == null ? null : patientId.toString());
        if (patient.isEmpty()) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        String json = patient.get().toJson();
        String etag = "\"" + RecordChecksum.sha256Hex(json) + "\"";
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(json);
    }
}
