package corpus.xxe;

import org.apache.commons.digester3.Digester;
import org.dom4j.io.SAXReader;
import org.jdom2.input.SAXBuilder;
import org.w3c.dom.Document;
import org.xml.sax.EntityResolver;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import org.xml.sax.helpers.XMLReaderFactory;

import javax.servlet.http.HttpServletRequest;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import java.io.StringReader;

/**
 * Referral documents posted by partner clinics, parsed by factories left at their defaults but guarded on the parser
 * itself: the features set on the SAXParser's XMLReader, or an entity resolver that answers every external entity
 * and DTD with empty input. A resolver that defers to the default (returns null), or whose answer is not known to
 * be empty, guards nothing.
 */
public class ParserGuardCases {
    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";

    /** Answers every external entity with an empty document. */
    static final class EmptyResolver implements EntityResolver {
        @Override
        public InputSource resolveEntity(String publicId, String systemId) {
            return new InputSource(new StringReader(""));
        }
    }

    /** Logs the entity and lets the parser fetch it: no guard. */
    static final class LoggingResolver implements EntityResolver {
        @Override
        public InputSource resolveEntity(String publicId, String systemId) {
            System.err.println("entity " + systemId);
            return null;
        }
    }

    // ---- SAXParser: the XMLReader it parses with is hardened

    public void badSaxReaderUnhardened(HttpServletRequest req) throws Exception {
        SAXParser parser = SAXParserFactory.newInstance().newSAXParser(); // BUG: java/xxe-parser
        XMLReader reader = parser.getXMLReader();
        reader.setContentHandler(new DefaultHandler());
        reader.parse(new InputSource(req.getInputStream())); // BUG: java/xxe
    }

    public void goodSaxReaderNoDoctype(HttpServletRequest req) throws Exception {
        SAXParser parser = SAXParserFactory.newInstance().newSAXParser();
        XMLReader reader = parser.getXMLReader();
        reader.setFeature(DISALLOW_DOCTYPE, true);
        reader.setContentHandler(new DefaultHandler());
        reader.parse(new InputSource(req.getInputStream()));
    }

    public void goodSaxReaderEntitiesOff(HttpServletRequest req) throws Exception {
        SAXParserFactory spf = SAXParserFactory.newInstance();
        spf.setNamespaceAware(true);
        XMLReader reader = spf.newSAXParser().getXMLReader();
        reader.setFeature("http://xml.org/sax/features/external-general-entities", false);
        reader.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        reader.parse(new InputSource(req.getInputStream()));
    }

    /** Only general entities off: a parameter entity in the DTD still fetches. */
    public void badSaxReaderHalfHardened(HttpServletRequest req) throws Exception {
        XMLReader reader = SAXParserFactory.newInstance().newSAXParser().getXMLReader(); // BUG: java/xxe-parser
        reader.setFeature("http://xml.org/sax/features/external-general-entities", false);
        reader.parse(new InputSource(req.getInputStream())); // BUG: java/xxe
    }

    public void goodSaxReaderEmptyResolver(HttpServletRequest req) throws Exception {
        XMLReader reader = SAXParserFactory.newInstance().newSAXParser().getXMLReader();
        reader.setEntityResolver(new EmptyResolver());
        reader.parse(new InputSource(req.getInputStream()));
    }

    // ---- DocumentBuilder with an entity resolver

    public Document goodDomEmptyResolver(HttpServletRequest req) throws Exception {
        DocumentBuilder builder = DocumentBuilderFactory.newInstance().newDocumentBuilder();
        builder.setEntityResolver(new EmptyResolver());
        return builder.parse(req.getInputStream());
    }

    public Document goodDomEmptyResolverLambda(HttpServletRequest req) throws Exception {
        DocumentBuilder builder = DocumentBuilderFactory.newInstance().newDocumentBuilder();
        builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
        return builder.parse(req.getInputStream());
    }

    public Document badDomLoggingResolver(HttpServletRequest req) throws Exception {
        DocumentBuilder builder = DocumentBuilderFactory.newInstance().newDocumentBuilder(); // BUG: java/xxe-parser
        builder.setEntityResolver(new LoggingResolver());
        return builder.parse(req.getInputStream()); // BUG: java/xxe
    }

    /** The resolver hands back whatever the system id names: it fetches the entity itself. */
    public Document badDomFetchingResolver(HttpServletRequest req) throws Exception {
        DocumentBuilder builder = DocumentBuilderFactory.newInstance().newDocumentBuilder(); // BUG: java/xxe-parser
        builder.setEntityResolver((publicId, systemId) -> new InputSource(systemId));
        return builder.parse(req.getInputStream()); // BUG: java/xxe
    }

    // ---- the XML libraries with an entity resolver

    public org.jdom2.Document goodJdomEmptyResolver(HttpServletRequest req) throws Exception {
        SAXBuilder builder = new SAXBuilder();
        builder.setEntityResolver(new EmptyResolver());
        return builder.build(req.getInputStream());
    }

    public org.jdom2.Document badJdomLoggingResolver(HttpServletRequest req) throws Exception {
        SAXBuilder builder = new SAXBuilder();
        builder.setEntityResolver(new LoggingResolver());
        return builder.build(req.getInputStream()); // BUG: java/xxe-parser, java/xxe
    }

    public org.dom4j.Document goodDom4jEmptyResolver(HttpServletRequest req) throws Exception {
        SAXReader reader = new SAXReader();
        reader.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
        return reader.read(req.getInputStream());
    }

    public Object goodDigesterEmptyResolver(HttpServletRequest req) throws Exception {
        Digester digester = new Digester();
        digester.setEntityResolver(new EmptyResolver());
        return digester.parse(req.getInputStream());
    }

    public void goodXmlReaderFactoryEmptyResolver(HttpServletRequest req) throws Exception {
        XMLReader reader = XMLReaderFactory.createXMLReader();
        reader.setEntityResolver(new EmptyResolver());
        reader.parse(new InputSource(req.getInputStream()));
    }

    public void badXmlReaderFactoryLoggingResolver(HttpServletRequest req) throws Exception {
        XMLReader reader = XMLReaderFactory.createXMLReader();
        reader.setEntityResolver(new LoggingResolver());
        reader.parse(new InputSource(req.getInputStream())); // BUG: java/xxe-parser, java/xxe
    }
}
