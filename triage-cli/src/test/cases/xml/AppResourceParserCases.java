package corpus.xml;

import org.w3c.dom.Document;
import org.xml.sax.helpers.DefaultHandler;

import javax.servlet.ServletContext;
import javax.servlet.http.HttpServletRequest;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import java.io.InputStream;

/**
 * A clinic portal that reads its own configuration XML (form definitions, code tables) from the class path or the war
 * with default parsers: that XML was built into the artifact, so the parser reads no outside input. Each unhardened
 * parser is still reported (a hardening note), but those that parse only such resources at Very Low (1) severity
 * (AppResourceParserSeverityTest); the same parsers given a request body, an uploaded document or a resource whose name
 * comes from the request stay High.
 */
public class AppResourceParserCases {
    private static final String FORMS = "/config/intake-forms.xml";

    public Document lowClassPathResource() throws Exception {
        DocumentBuilder db = DocumentBuilderFactory.newInstance().newDocumentBuilder(); // BUG: java/xxe-parser
        return db.parse(AppResourceParserCases.class.getResourceAsStream(FORMS));
    }

    public Document lowClassLoaderResource() throws Exception {
        DocumentBuilder db = DocumentBuilderFactory.newInstance().newDocumentBuilder(); // BUG: java/xxe-parser
        return db.parse(Thread.currentThread().getContextClassLoader().getResourceAsStream("codes/icd10-subset.xml"));
    }

    public Document lowResourceUrl() throws Exception {
        DocumentBuilder db = DocumentBuilderFactory.newInstance().newDocumentBuilder(); // BUG: java/xxe-parser
        return db.parse(getClass().getResource("/config/wards.xml").toExternalForm());
    }

    public void lowWarResourceSax(ServletContext ctx, DefaultHandler handler) throws Exception {
        SAXParser p = SAXParserFactory.newInstance().newSAXParser(); // BUG: java/xxe-parser
        p.parse(ctx.getResourceAsStream("/WEB-INF/menu.xml"), handler);
    }

    public Document badRequestBody(HttpServletRequest req) throws Exception {
        DocumentBuilder db = DocumentBuilderFactory.newInstance().newDocumentBuilder(); // BUG: java/xxe-parser
        return db.parse(req.getInputStream()); // BUG: java/xxe
    }

    public Document badResourceNamedByRequest(HttpServletRequest req) throws Exception {
        DocumentBuilder db = DocumentBuilderFactory.newInstance().newDocumentBuilder(); // BUG: java/xxe-parser
        return db.parse(AppResourceParserCases.class.getResourceAsStream("/forms/" + req.getParameter("form") + ".xml"));
    }

    public void badUploadSax(InputStream uploaded, DefaultHandler handler) throws Exception {
        SAXParser p = SAXParserFactory.newInstance().newSAXParser(); // BUG: java/xxe-parser
        p.parse(uploaded, handler);
    }

    /** One parser for both: the upload makes it a parser of outside input. */
    public void badResourceThenUpload(InputStream uploaded, DefaultHandler handler) throws Exception {
        SAXParser p = SAXParserFactory.newInstance().newSAXParser(); // BUG: java/xxe-parser
        p.parse(AppResourceParserCases.class.getResourceAsStream(FORMS), handler);
        p.parse(uploaded, handler);
    }

    /** The bundled sample or the request body, by a flag: the request branch is live. */
    public Document badResourceOrRequest(HttpServletRequest req) throws Exception {
        DocumentBuilder db = DocumentBuilderFactory.newInstance().newDocumentBuilder(); // BUG: java/xxe-parser
        InputStream in = req.getParameter("sample") != null ? AppResourceParserCases.class.getResourceAsStream(FORMS) : req.getInputStream();
        return db.parse(in); // BUG: java/xxe
    }

    /** The builder leaves the method: who knows what its callers parse with it. */
    public DocumentBuilder badBuilderReturned() throws Exception {
        DocumentBuilder db = DocumentBuilderFactory.newInstance().newDocumentBuilder(); // BUG: java/xxe-parser
        db.parse(AppResourceParserCases.class.getResourceAsStream(FORMS));
        return db;
    }
}
