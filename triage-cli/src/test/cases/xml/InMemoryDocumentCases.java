package corpus.xml;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import java.io.InputStream;
import java.io.StringWriter;

/**
 * Writes a patient's medication list as XML: documents built in memory (a builder that only makes new documents, an
 * identity transformer writing a DOM tree out) parse no text, so a factory's DTD settings do not matter there; the
 * same factories reading XML do.
 */
public class InMemoryDocumentCases {
    public String goodNewDocumentOnly(String patientId) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        Document doc = dbf.newDocumentBuilder().newDocument();
        Element root = doc.createElement("medications");
        root.setAttribute("patient", patientId);
        doc.appendChild(root);
        return write(doc);
    }

    /** The identity transformer writes the tree out: no XML text is read. */
    private static String write(Document doc) throws Exception {
        Transformer t = TransformerFactory.newInstance().newTransformer();
        t.setOutputProperty(OutputKeys.INDENT, "yes");
        StringWriter out = new StringWriter();
        t.transform(new DOMSource(doc), new StreamResult(out));
        return out.toString();
    }

    /** The same builder later parses what it is given. */
    public Document badBuilderAlsoParses(InputStream upload, boolean empty) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        DocumentBuilder db = dbf.newDocumentBuilder(); // BUG: java/xxe-parser
        return empty ? db.newDocument() : db.parse(upload);
    }

    /** The builder leaves the method: whoever receives it may parse with it. */
    public DocumentBuilder badBuilderReturned() throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder(); // BUG: java/xxe-parser
    }

    /** An identity transformer given XML text parses it. */
    public String badIdentityOnStream(InputStream upload) throws Exception {
        Transformer t = TransformerFactory.newInstance().newTransformer(); // BUG: java/xxe-parser
        StringWriter out = new StringWriter();
        t.transform(new StreamSource(upload), new StreamResult(out));
        return out.toString();
    }

    /** A hardened factory's identity transformer may read XML text. */
    public String goodIdentityOnStreamHardened(InputStream upload) throws Exception {
        TransformerFactory tf = TransformerFactory.newInstance();
        tf.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Transformer t = tf.newTransformer();
        StringWriter out = new StringWriter();
        t.transform(new StreamSource(upload), new StreamResult(out));
        return out.toString();
    }
}
