package org.example.portal.lab;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads lab result batches that the partner lab uploads as XML:
 * {@code <labResults patient="p-1001"><result test=".." value=".." unit=".." referenceRange=".." collected="2024-03-02"/></labResults>}.
 */
public class LabOrderImporter {

    /** Legacy DOM import: the factory is not hardened, so a DOCTYPE can pull in local files (XXE). */
    public List<LabResult> parseLegacy(InputStream xml) throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        DocumentBuilder builder = factory.newDocumentBuilder(); // BUG: java/xxe-parser
        return fromDocument(builder.parse(xml)); // BUG: java/xxe
    }

    /** Safe twin: DOCTYPEs refused in this method. */
    public List<LabResult> parse(InputStream xml) throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        return fromDocument(builder.parse(xml));
    }

    /** Safe twin: a factory hardened by the app's helper. */
    public List<LabResult> parseWithSharedFactory(InputStream xml) throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilder builder = XmlFactories.hardenedDocumentBuilderFactory().newDocumentBuilder();
        return fromDocument(builder.parse(xml));
    }

    /** Legacy streaming import for big batches: StAX with DTDs and external entities on. */
    public List<LabResult> streamLegacy(InputStream xml) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newInstance();
        XMLStreamReader reader = factory.createXMLStreamReader(xml); // BUG: java/xxe-parser
        return fromStream(reader);
    }

    /** Safe twin: StAX with DTD support off. */
    public List<LabResult> stream(InputStream xml) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newInstance();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader reader = factory.createXMLStreamReader(xml);
        return fromStream(reader);
    }

    private static List<LabResult> fromDocument(Document doc) {
        Element root = doc.getDocumentElement();
        String patientId = root.getAttribute("patient");
        List<LabResult> results = new ArrayList<>();
        NodeList nodes = root.getElementsByTagName("result");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            results.add(new LabResult(patientId, e.getAttribute("test"), e.getAttribute("value"), e.getAttribute("unit"),
                    e.getAttribute("referenceRange"), LocalDate.parse(e.getAttribute("collected"))));
        }
        return results;
    }

    private static List<LabResult> fromStream(XMLStreamReader reader) throws XMLStreamException {
        List<LabResult> results = new ArrayList<>();
        String patientId = null;
        try {
            while (reader.hasNext()) {
                if (reader.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if ("labResults".equals(reader.getLocalName())) {
                    patientId = reader.getAttributeValue(null, "patient");
                } else if ("result".equals(reader.getLocalName())) {
                    results.add(new LabResult(patientId, reader.getAttributeValue(null, "test"),
                            reader.getAttributeValue(null, "value"), reader.getAttributeValue(null, "unit"),
                            reader.getAttributeValue(null, "referenceRange"),
                            LocalDate.parse(reader.getAttributeValue(null, "collected"))));
                }
            }
        } finally {
            reader.close();
        }
        return results;
    }
}
