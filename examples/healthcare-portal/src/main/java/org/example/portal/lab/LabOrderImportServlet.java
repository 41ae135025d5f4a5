package org.example.portal.lab;

import java.io.IOException;
import java.util.List;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLStreamException;
import org.xml.sax.SAXException;

/** The partner lab posts result batches here as XML. */
@WebServlet(urlPatterns = "/labs/import")
public class LabOrderImportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient LabOrderImporter importer = new LabOrderImporter();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String format = request.getParameter("format");
        List<LabResult> results;
        try {
            if ("legacy".equals(format)) {
                results = importer.parseLegacy(request.getInputStream());
            } else if ("stream".equals(format)) {
                results = importer.stream(request.getInputStream());
            } else {
                results = importer.parse(request.getInputStream());
            }
        } catch (ParserConfigurationException | SAXException | XMLStreamException | RuntimeException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "not a lab result batch");
            return;
        }
        results.forEach(LabResults::add);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("imported " + results.size() + " results\n");
    }
}
