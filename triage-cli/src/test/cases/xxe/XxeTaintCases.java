package corpus.xxe;

import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

import javax.servlet.http.HttpServletRequest;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.stream.StreamSource;
import java.io.InputStream;
import java.io.StringReader;
import java.util.stream.Collectors;

/**
 * CDA documents and HL7 v3 lab messages posted by partner clinics (javax.servlet). An unhardened factory is also
 * java/xxe-parser at the line that makes the parser; java/xxe is the parse of request data.
 */
public class XxeTaintCases {
    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";

    public Document badDom(HttpServletRequest req) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        return dbf.newDocumentBuilder().parse(req.getInputStream()); // BUG: java/xxe-parser, java/xxe
    }

    public void badSax(HttpServletRequest req) throws Exception {
        SAXParserFactory spf = SAXParserFactory.newInstance();
        spf.newSAXParser().parse(req.getInputStream(), new DefaultHandler()); // BUG: java/xxe-parser, java/xxe
    }

    public XMLStreamReader badStax(HttpServletRequest req) throws Exception {
        XMLInputFactory xif = XMLInputFactory.newInstance();
        return xif.createXMLStreamReader(req.getReader()); // BUG: java/xxe-parser, java/xxe
    }

    public void badTransformerIdentity(HttpServletRequest req) throws Exception {
        TransformerFactory tf = TransformerFactory.newInstance();
        tf.newTransformer().transform(new StreamSource(req.getInputStream()), new DOMResult()); // BUG: java/xxe-parser, java/xxe
    }

    public Document goodDisallowDoctype(HttpServletRequest req) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature(DISALLOW_DOCTYPE, true);
        return dbf.newDocumentBuilder().parse(req.getInputStream());
    }

    public Document goodEntitiesOff(HttpServletRequest req) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://xml.org/sax/features/external-general-entities", false);
        dbf.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        dbf.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return dbf.newDocumentBuilder().parse(req.getInputStream());
    }

    public Document goodAccessExternalDtdEmpty(HttpServletRequest req) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        dbf.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return dbf.newDocumentBuilder().parse(req.getInputStream());
    }

    public XMLStreamReader goodStaxNoDtd(HttpServletRequest req) throws Exception {
        XMLInputFactory xif = XMLInputFactory.newInstance();
        xif.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        return xif.createXMLStreamReader(req.getInputStream());
    }

    /** Half hardened: parameter entities still resolve. */
    public Document badHalfHardened(HttpServletRequest req) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://xml.org/sax/features/external-general-entities", false);
        return dbf.newDocumentBuilder().parse(req.getInputStream()); // BUG: java/xxe-parser, java/xxe
    }

    /** Unhardened, but the document is the app's own bundled resource. */
    public Document goodBundledDocument(HttpServletRequest req) throws Exception {
        req.getParameter("template");
        try (InputStream in = XxeTaintCases.class.getResourceAsStream("/cda-template.xml")) {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in); // BUG: java/xxe-parser
        }
    }

    public Document badReaderJoinedAndReplaced(HttpServletRequest req) throws Exception {
        String xml = req.getReader().lines().collect(Collectors.joining("\n")).replace("<?xml version=\"1.1\"", "<?xml version=\"1.0\"");
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml))); // BUG: java/xxe-parser, java/xxe
    }

    public Document badPartUpload(HttpServletRequest req) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(req.getPart("cda").getInputStream()); // BUG: java/xxe-parser, java/xxe
    }

    public void goodDeadBranch(HttpServletRequest req) throws Exception {
        String param = req.getParameter("xml");
        int num = 86; // (7 * 42) - 86 = 208 > 200: the constant branch is taken
        String bar = (7 * 42) - num > 200 ? "<appointment room=\"12\"/>" : param;
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(bar))); // BUG: java/xxe-parser
    }

    public void badLiveBranch(HttpServletRequest req) throws Exception {
        String param = req.getParameter("xml");
        int num = 196;
        String bar = (7 * 42) - num > 200 ? "<appointment room=\"12\"/>" : param;
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(bar))); // BUG: java/xxe-parser, java/xxe
    }

    public void goodSwitchKnownValue(HttpServletRequest req) throws Exception {
        String param = req.getParameter("xml");
        String bar;
        String guess = "ABC";
        switch (guess.charAt(2)) {
            case 'A': bar = param; break;
            case 'C': bar = "<appointment room=\"12\"/>"; break;
            default: bar = param; break;
        }
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(bar))); // BUG: java/xxe-parser
    }

    public void badSwitchKnownValue(HttpServletRequest req) throws Exception {
        String param = req.getParameter("xml");
        String bar;
        String guess = "ABC";
        switch (guess.charAt(1)) {
            case 'A': bar = "<appointment room=\"12\"/>"; break;
            case 'B': bar = param; break;
            default: bar = "<appointment room=\"12\"/>"; break;
        }
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(bar))); // BUG: java/xxe-parser, java/xxe
    }

    public void goodMapConstantKey(HttpServletRequest req) throws Exception {
        java.util.Map<String, String> map = new java.util.HashMap<>();
        map.put("keyA", "<appointment room=\"12\"/>");
        map.put("keyB", req.getParameter("xml"));
        String bar = map.get("keyA");
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(bar))); // BUG: java/xxe-parser
    }

    public void badMapTaintedKey(HttpServletRequest req) throws Exception {
        java.util.Map<String, String> map = new java.util.HashMap<>();
        map.put("keyA", "<appointment room=\"12\"/>");
        map.put("keyB", req.getParameter("xml"));
        String bar = map.get("keyB");
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(bar))); // BUG: java/xxe-parser, java/xxe
    }

    public void goodListAfterRemoval(HttpServletRequest req) throws Exception {
        java.util.List<String> list = new java.util.ArrayList<>();
        list.add("safe");
        list.add(req.getParameter("xml"));
        list.add("<appointment room=\"12\"/>");
        list.remove(0);
        String bar = list.get(1);
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(bar))); // BUG: java/xxe-parser
    }

    public void badListAfterRemoval(HttpServletRequest req) throws Exception {
        java.util.List<String> list = new java.util.ArrayList<>();
        list.add("safe");
        list.add(req.getParameter("xml"));
        list.add("<appointment room=\"12\"/>");
        list.remove(0);
        String bar = list.get(0);
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(bar))); // BUG: java/xxe-parser, java/xxe
    }
}
