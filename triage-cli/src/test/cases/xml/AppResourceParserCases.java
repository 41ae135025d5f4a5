package corpus.xml;

import org.dom4j.io.SAXReader;
import org.jdom2.input.SAXBuilder;
import org.w3c.dom.Document;
import org.xml.sax.helpers.DefaultHandler;

import javax.servlet.ServletContext;
import javax.servlet.http.HttpServletRequest;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

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

    // ---- parsers judged where they parse (jdom2, dom4j): the document given to the parse call decides

    /** The war's own deployment descriptor, from the servlet context or (outside a container) the class path. */
    public org.jdom2.Document lowJdomDeploymentDescriptor(ServletContext ctx) throws Exception {
        SAXBuilder builder = new SAXBuilder();
        URL url = ctx != null ? ctx.getResource("/WEB-INF/web.xml") : AppResourceParserCases.class.getClassLoader().getResource("WEB-INF/web.xml");
        return builder.build(url); // BUG: java/xxe-parser
    }

    public org.dom4j.Document lowDom4jClassPathResource() throws Exception {
        SAXReader reader = new SAXReader();
        return reader.read(AppResourceParserCases.class.getResourceAsStream(FORMS)); // BUG: java/xxe-parser
    }

    public org.jdom2.Document badJdomRequestBody(HttpServletRequest req) throws Exception {
        SAXBuilder builder = new SAXBuilder();
        return builder.build(req.getInputStream()); // BUG: java/xxe-parser, java/xxe
    }

    /** The same builder for the bundled menu and an upload: the upload's parse stays High. */
    public void badJdomResourceThenUpload(ServletContext ctx, InputStream uploaded) throws Exception {
        SAXBuilder builder = new SAXBuilder();
        builder.build(ctx.getResourceAsStream("/WEB-INF/menu.xml")); // BUG: java/xxe-parser
        builder.build(uploaded); // BUG: java/xxe-parser
    }

    /** The bundled sample or the request body, by a flag: the request branch is live. */
    public org.dom4j.Document badDom4jResourceOrRequest(HttpServletRequest req) throws Exception {
        SAXReader reader = new SAXReader();
        InputStream in = req.getParameter("sample") != null ? AppResourceParserCases.class.getResourceAsStream(FORMS) : req.getInputStream();
        return reader.read(in); // BUG: java/xxe-parser, java/xxe
    }

    /** Every copy of a module descriptor on the class path (one per plugin jar), each parsed in turn. */
    public List<org.jdom2.Document> lowJdomEveryClassPathCopy() throws Exception {
        SAXBuilder builder = new SAXBuilder();
        List<org.jdom2.Document> out = new ArrayList<>();
        Enumeration<URL> copies = AppResourceParserCases.class.getClassLoader().getResources("ini/modules.xml");
        while (copies.hasMoreElements()) {
            out.add(builder.build(copies.nextElement())); // BUG: java/xxe-parser
        }
        return out;
    }

    /** The same loop over a name this method does not know: nothing says it is the app's own resource. */
    public List<org.jdom2.Document> badJdomCopiesOfGivenName(String name) throws Exception {
        SAXBuilder builder = new SAXBuilder();
        List<org.jdom2.Document> out = new ArrayList<>();
        Enumeration<URL> copies = AppResourceParserCases.class.getClassLoader().getResources(name);
        while (copies.hasMoreElements()) {
            out.add(builder.build(copies.nextElement())); // BUG: java/xxe-parser
        }
        return out;
    }
}
