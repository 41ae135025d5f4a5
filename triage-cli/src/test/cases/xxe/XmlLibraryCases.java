package corpus.xxe;

import org.apache.commons.digester.Digester;
import org.dom4j.Document;
import org.dom4j.io.SAXReader;
import org.jdom2.input.SAXBuilder;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import org.xml.sax.helpers.XMLReaderFactory;

import javax.servlet.http.HttpServletRequest;
import java.io.File;
import java.io.StringReader;

/** CDA and HL7 v3 documents uploaded by partner labs, read with the XML libraries real portals bundle. */
public class XmlLibraryCases {
    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";

    public org.jdom2.Document badJdom(HttpServletRequest req) throws Exception {
        SAXBuilder builder = new SAXBuilder();
        return builder.build(req.getInputStream()); // BUG: java/xxe-parser, java/xxe
    }

    public Document badDom4j(HttpServletRequest req) throws Exception {
        SAXReader reader = new SAXReader();
        return reader.read(new StringReader(req.getParameter("cda"))); // BUG: java/xxe-parser, java/xxe
    }

    public Object badDigester(HttpServletRequest req) throws Exception {
        Digester digester = new Digester();
        digester.addObjectCreate("referral", StringBuilder.class);
        return digester.parse(req.getReader()); // BUG: java/xxe-parser, java/xxe
    }

    public Object badDigester3(HttpServletRequest req) throws Exception {
        org.apache.commons.digester3.Digester digester = new org.apache.commons.digester3.Digester();
        return digester.parse(req.getInputStream()); // BUG: java/xxe-parser, java/xxe
    }

    public void badXmlReaderFactory(HttpServletRequest req) throws Exception {
        XMLReader reader = XMLReaderFactory.createXMLReader();
        reader.setContentHandler(new DefaultHandler());
        reader.parse(new InputSource(req.getInputStream())); // BUG: java/xxe-parser, java/xxe
    }

    /** The bundled mapping file is the app's own: only the parser's configuration is reported. */
    public org.jdom2.Document badJdomOwnFile() throws Exception {
        return new SAXBuilder().build(new File("/opt/portal/conf/mapping.xml")); // BUG: java/xxe-parser
    }

    // ---- good ----

    public org.jdom2.Document goodJdomNoDoctype(HttpServletRequest req) throws Exception {
        SAXBuilder builder = new SAXBuilder();
        builder.setFeature(DISALLOW_DOCTYPE, true);
        return builder.build(req.getInputStream());
    }

    public Document goodDom4jNoExternalEntities(HttpServletRequest req) throws Exception {
        SAXReader reader = new SAXReader();
        reader.setFeature("http://xml.org/sax/features/external-general-entities", false);
        reader.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        return reader.read(req.getInputStream());
    }

    public Document goodDom4jCreateDefault(HttpServletRequest req) throws Exception {
        return SAXReader.createDefault().read(req.getInputStream());
    }

    public Object goodDigester(HttpServletRequest req) throws Exception {
        Digester digester = new Digester();
        digester.setFeature(DISALLOW_DOCTYPE, true);
        return digester.parse(req.getInputStream());
    }

    public void goodXmlReaderFactory(HttpServletRequest req) throws Exception {
        XMLReader reader = XMLReaderFactory.createXMLReader();
        reader.setFeature(DISALLOW_DOCTYPE, true);
        reader.parse(new InputSource(req.getInputStream()));
    }
}
