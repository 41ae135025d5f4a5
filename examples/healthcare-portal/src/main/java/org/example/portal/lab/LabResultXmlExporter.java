package org.example.portal.lab;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Writes a patient's lab results as XML for download or for the partner lab. */
public class LabResultXmlExporter {

    /** Key of the first partner export format, compiled into the app. */
    private static final byte[] PARTNER_EXPORT_KEY = {
        0x41, 0x63, 0x6d, 0x65, 0x2d, 0x4c, 0x61, 0x62, 0x73, 0x2d, 0x45, 0x78, 0x70, 0x6f, 0x72, 0x74
    };

    public String toXml(List<LabResult> results) throws ParserConfigurationException, TransformerException {
        Document doc = XmlFactories.hardenedDocumentBuilderFactory().newDocumentBuilder().newDocument();
        Element root = doc.createElement("labResults");
        doc.appendChild(root);
        for (LabResult r : results) {
            Element e = doc.createElement("result");
            e.setAttribute("test", r.test());
            e.setAttribute("value", r.value());
            e.setAttribute("unit", r.unit());
            e.setAttribute("referenceRange", r.referenceRange());
            e.setAttribute("collected", r.collected().toString());
            root.appendChild(e);
        }
        TransformerFactory factory = TransformerFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        Transformer transformer = factory.newTransformer();
        transformer.setOutputProperty(OutputKeys.INDENT, "yes");
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        StringWriter out = new StringWriter();
        transformer.transform(new DOMSource(doc), new StreamResult(out));
        return out.toString();
    }

    /** First partner format: AES in ECB mode (bare "AES") under a key compiled into the app. */
    public byte[] encryptForPartnerLegacy(String xml) throws GeneralSecurityException {
        SecretKeySpec key = new SecretKeySpec(PARTNER_EXPORT_KEY, "AES"); // BUG: java/hardcoded-key
        Cipher cipher = Cipher.getInstance("AES"); // BUG: java/weak-cipher
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return cipher.doFinal(xml.getBytes(StandardCharsets.UTF_8));
    }
}
