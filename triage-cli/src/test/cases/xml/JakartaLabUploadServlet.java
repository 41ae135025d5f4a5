package corpus.xml;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;

/** Receives lab results as XML from partner laboratories. */
public class JakartaLabUploadServlet extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
            Document doc = dbf.newDocumentBuilder().parse(req.getInputStream()); // BUG: java/xxe-parser, java/xxe
            resp.getWriter().println(doc.getDocumentElement().getAttribute("patientId"));
        } catch (Exception e) {
            resp.sendError(400);
        }
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
            dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = dbf.newDocumentBuilder().parse(req.getInputStream());
            resp.getWriter().println(doc.getDocumentElement().getAttribute("patientId"));
        } catch (Exception e) {
            resp.sendError(400);
        }
    }
}
