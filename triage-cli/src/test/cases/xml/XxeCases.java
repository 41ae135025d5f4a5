package corpus.xml;

import org.w3c.dom.Document;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.Templates;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.InputStream;

/** Parses CDA documents and lab result messages uploaded by partner clinics. */
public class XxeCases {
    private final DocumentBuilderFactory sharedFactory;

    public XxeCases(DocumentBuilderFactory sharedFactory) {
        this.sharedFactory = sharedFactory;
    }

    // ---- bad: factories not hardened ----

    public Document badDom(InputStream cda) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        DocumentBuilder db = dbf.newDocumentBuilder(); // BUG: java/xxe-parser
        return db.parse(cda);
    }

    public void badSax(InputStream labMessage, DefaultHandler handler) throws Exception {
        SAXParserFactory spf = SAXParserFactory.newInstance();
        SAXParser p = spf.newSAXParser(); // BUG: java/xxe-parser
        p.parse(labMessage, handler);
    }

    public XMLStreamReader badStax(InputStream labMessage) throws Exception {
        XMLInputFactory xif = XMLInputFactory.newInstance();
        return xif.createXMLStreamReader(labMessage); // BUG: java/xxe-parser
    }

    public XMLEventReader badStaxEvents(InputStream labMessage) throws Exception {
        XMLInputFactory xif = XMLInputFactory.newFactory();
        return xif.createXMLEventReader(labMessage); // BUG: java/xxe-parser
    }

    public Transformer badTransformer(InputStream stylesheet) throws Exception {
        TransformerFactory tf = TransformerFactory.newInstance();
        return tf.newTransformer(new StreamSource(stylesheet)); // BUG: java/xxe-parser
    }

    public Templates badTemplates(InputStream stylesheet) throws Exception {
        TransformerFactory tf = TransformerFactory.newInstance();
        return tf.newTemplates(new StreamSource(stylesheet)); // BUG: java/xxe-parser
    }

    public Schema badSchema(InputStream xsd) throws Exception {
        SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        return sf.newSchema(new StreamSource(xsd)); // BUG: java/xxe-parser
    }

    /** Only one of the two entity features is off: parameter entities still resolve. */
    public Document badHalfHardened(InputStream cda) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://xml.org/sax/features/external-general-entities", false);
        return dbf.newDocumentBuilder().parse(cda); // BUG: java/xxe-parser
    }

    /** Doctype explicitly allowed. */
    public Document badDoctypeAllowed(InputStream cda) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        return dbf.newDocumentBuilder().parse(cda); // BUG: java/xxe-parser
    }

    static DocumentBuilderFactory plainFactory() {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        return dbf;
    }

    public Document badFactoryFromHelper(InputStream cda) throws Exception {
        DocumentBuilderFactory dbf = plainFactory();
        return dbf.newDocumentBuilder().parse(cda); // BUG: java/xxe-parser
    }

    // ---- good: each hardening style ----

    public Document goodDisallowDoctype(InputStream cda) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return dbf.newDocumentBuilder().parse(cda);
    }

    public Document goodEntitiesOff(InputStream cda) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://xml.org/sax/features/external-general-entities", false);
        dbf.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        return dbf.newDocumentBuilder().parse(cda);
    }

    public Document goodAccessExternalDtd(InputStream cda) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        dbf.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return dbf.newDocumentBuilder().parse(cda);
    }

    public void goodSaxSecureProcessing(InputStream labMessage, DefaultHandler handler) throws Exception {
        SAXParserFactory spf = SAXParserFactory.newInstance();
        spf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        spf.newSAXParser().parse(labMessage, handler);
    }

    public void goodSaxDisallowDoctype(InputStream labMessage, DefaultHandler handler) throws Exception {
        SAXParserFactory spf = SAXParserFactory.newInstance();
        spf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        spf.newSAXParser().parse(labMessage, handler);
    }

    public XMLStreamReader goodStaxNoDtd(InputStream labMessage) throws Exception {
        XMLInputFactory xif = XMLInputFactory.newInstance();
        xif.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        return xif.createXMLStreamReader(labMessage);
    }

    public XMLEventReader goodStaxNoExternalEntities(InputStream labMessage) throws Exception {
        XMLInputFactory xif = XMLInputFactory.newInstance();
        xif.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        return xif.createXMLEventReader(labMessage);
    }

    public Transformer goodTransformer(InputStream stylesheet) throws Exception {
        TransformerFactory tf = TransformerFactory.newInstance();
        tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        return tf.newTransformer(new StreamSource(stylesheet));
    }

    public Templates goodTemplatesSecureProcessing(InputStream stylesheet) throws Exception {
        TransformerFactory tf = TransformerFactory.newInstance();
        tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return tf.newTemplates(new StreamSource(stylesheet));
    }

    public Schema goodSchema(InputStream xsd) throws Exception {
        SchemaFactory sf = SchemaFactory.newInstance("http://www.w3.org/2001/XMLSchema");
        sf.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        sf.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return sf.newSchema(new StreamSource(xsd));
    }

    static DocumentBuilderFactory hardenedFactory() throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        dbf.setXIncludeAware(false);
        return dbf;
    }

    public Document goodFactoryFromHardeningHelper(InputStream cda) throws Exception {
        return hardenedFactory().newDocumentBuilder().parse(cda);
    }

    /** The factory comes from a field: how it was configured is not visible here. */
    public Document goodFactoryFromField(InputStream cda) throws Exception {
        return sharedFactory.newDocumentBuilder().parse(cda);
    }

    /** The factory comes from the caller. */
    public Document goodFactoryFromParameter(DocumentBuilderFactory configured, InputStream cda) throws Exception {
        return configured.newDocumentBuilder().parse(cda);
    }
}
