package corpus.xxe.propsparser;

import org.w3c.dom.Document;

import javax.servlet.http.HttpServletRequest;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Parser hardening switched by the bundled parser.properties. */
public class CdaParsers {
    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private final Properties props = new Properties();

    public CdaParsers() {
        try (InputStream in = CdaParsers.class.getResourceAsStream("/parser.properties")) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** cda.disallow.doctype=true in the file: the factory is hardened. */
    public Document goodHardeningFromFile(HttpServletRequest req) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature(DISALLOW_DOCTYPE, Boolean.parseBoolean(props.getProperty("cda.disallow.doctype")));
        return dbf.newDocumentBuilder().parse(req.getInputStream());
    }

    /** legacy.disallow.doctype=false in the file: the factory is not hardened. */
    public Document badHardeningFromFile(HttpServletRequest req) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature(DISALLOW_DOCTYPE, Boolean.parseBoolean(props.getProperty("legacy.disallow.doctype")));
        DocumentBuilder db = dbf.newDocumentBuilder(); // BUG: java/xxe-parser
        return db.parse(req.getInputStream()); // BUG: java/xxe
    }

    /** cda.source=bundled: the request branch is dead; only the bundled sample is parsed. */
    public Document goodSourceFromFile(HttpServletRequest req) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        DocumentBuilder db = dbf.newDocumentBuilder(); // BUG: java/xxe-parser
        InputStream in = "bundled".equals(props.getProperty("cda.source")) ? CdaParsers.class.getResourceAsStream("/sample-cda.xml") : req.getInputStream();
        return db.parse(in);
    }

    /** ccd.source=upload: the request branch is live. */
    public Document badSourceFromFile(HttpServletRequest req) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        DocumentBuilder db = dbf.newDocumentBuilder(); // BUG: java/xxe-parser
        InputStream in = "bundled".equals(props.getProperty("ccd.source")) ? CdaParsers.class.getResourceAsStream("/sample-cda.xml") : req.getInputStream();
        return db.parse(in); // BUG: java/xxe
    }
}
