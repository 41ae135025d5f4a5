package org.example.portal.lab;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.TransformerException;

/** Downloads the signed-in patient's lab results as an XML file. */
@WebServlet(urlPatterns = "/labs/export")
public class LabResultExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient LabResultXmlExporter exporter = new LabResultXmlExporter();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Object patientId = session == null ? null : session.getAttribute("patientId");
        if (patientId == null) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        String xml;
        try {
            xml = exporter.toXml(LabResults.forPatient(patientId.toString()));
        } catch (ParserConfigurationException | TransformerException e) {
            throw new ServletException("cannot write lab results", e);
        }
        response.setHeader("Content-Disposition", "attachment; filename=\"lab-results.xml\"");
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentType("application/xml;charset=UTF-8");
        response.getWriter().write(xml);
    }
}
