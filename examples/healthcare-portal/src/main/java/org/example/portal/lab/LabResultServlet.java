package org.example.portal.lab;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

/** The signed-in patient's lab results as JSON. */
@WebServlet(urlPatterns = "/labs")
public class LabResultServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        Object patientId = session == null ? null : session.getAttribute("patientId");
        if (patientId == null) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        List<LabResult> results = LabResults.forPatient(patientId.toString());
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentType("application/json;charset=UTF-8");
        PrintWriter out = response.getWriter();
        out.write("[");
        for (int i = 0; i < results.size(); i++) {
            LabResult r = results.get(i);
            out.write((i == 0 ? "" : ",") + "{\"test\":\"" + r.test() + "\",\"value\":\"" + r.value() + "\",\"unit\":\""
                    + r.unit() + "\",\"referenceRange\":\"" + r.referenceRange() + "\",\"collected\":\"" + r.collected() + "\"}");
        }
        out.write("]");
    }
}
