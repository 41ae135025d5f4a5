package dev.triage.intake.android;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads text XML from an Android library (AAR: its manifest and {@code res/} files) with the JDK's StAX parser,
 * hardened: DOCTYPE declarations are refused (so no external or internal entities), nesting depth and element count
 * are bounded, nothing is fetched. {@link #check} only validates; {@link #values} also collects the children of a
 * {@code res/values} file's {@code <resources>} element.
 */
public final class TextXml {
    /** A direct child of {@code <resources>}: tag, attributes (local names), all its text, and nested element names. */
    public record Element(String tag, Map<String, String> attributes, String text, List<Element> children, int line) {
        public String attr(String name) {
            return attributes.get(name);
        }
    }

    private TextXml() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setXMLResolver((publicId, systemId, baseUri, ns) -> {
            throw new XMLStreamException("external resource '" + systemId + "' refused");
        });
        return f;
    }

    /** Why this text XML cannot be used (not well-formed, a DOCTYPE, too deep or too many elements), or null. */
    public static String check(byte[] xml, ChunkCheck.Limits limits) {
        try {
            read(xml, limits, false);
            return null;
        } catch (AxmlDecoder.DecodeException e) {
            return e.getMessage();
        }
    }

    /** The elements of a {@code res/values} file (children of {@code <resources>}), in document order. */
    public static List<Element> values(byte[] xml, ChunkCheck.Limits limits) throws AxmlDecoder.DecodeException {
        return read(xml, limits, true);
    }

    private static List<Element> read(byte[] xml, ChunkCheck.Limits limits, boolean collect)
            throws AxmlDecoder.DecodeException {
        List<Element> out = new ArrayList<>();
        XMLStreamReader r = null;
        try {
            r = factory().createXMLStreamReader(new ByteArrayInputStream(xml));
            int depth = 0;
            int elements = 0;
            boolean rootSeen = false;
            // the child of <resources> being collected, and its text and nested element names
            String tag = null;
            Map<String, String> attrs = null;
            StringBuilder text = null;
            List<Element> nested = null;
            int tagLine = 0;
            while (r.hasNext()) {
                int ev = r.next();
                switch (ev) {
                    case XMLStreamConstants.DTD ->
                            throw new AxmlDecoder.DecodeException(
                                    "DOCTYPE declaration refused (external entities are never read)" + at(r));
                    case XMLStreamConstants.ENTITY_REFERENCE ->
                            throw new AxmlDecoder.DecodeException("entity reference '&" + r.getLocalName()
                                    + ";' refused" + at(r));
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        if (depth > limits.maxDepth()) {
                            throw new AxmlDecoder.DecodeException("elements nested more than " + limits.maxDepth()
                                    + " levels deep");
                        }
                        if (++elements > limits.maxElements()) {
                            throw new AxmlDecoder.DecodeException("more than " + limits.maxElements() + " elements");
                        }
                        if (depth == 1) {
                            rootSeen = true;
                        }
                        if (collect && depth == 2) {
                            tag = r.getLocalName();
                            attrs = new LinkedHashMap<>();
                            for (int i = 0; i < r.getAttributeCount(); i++) {
                                attrs.putIfAbsent(r.getAttributeLocalName(i), r.getAttributeValue(i));
                            }
                            text = new StringBuilder();
                            nested = new ArrayList<>();
                            tagLine = line(r);
                        } else if (collect && depth == 3 && nested != null) {
                            Map<String, String> a = new LinkedHashMap<>();
                            for (int i = 0; i < r.getAttributeCount(); i++) {
                                a.putIfAbsent(r.getAttributeLocalName(i), r.getAttributeValue(i));
                            }
                            nested.add(new Element(r.getLocalName(), a, "", List.of(), line(r)));
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (collect && depth == 2 && tag != null) {
                            out.add(new Element(tag, attrs, text.toString(), List.copyOf(nested), tagLine));
                            tag = null;
                            text = null;
                            nested = null;
                        }
                        depth--;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (text != null && depth >= 2) {
                            text.append(r.getText());
                        }
                    }
                    default -> {
                        // comments, processing instructions
                    }
                }
            }
            if (!rootSeen) {
                throw new AxmlDecoder.DecodeException("XML without a root element");
            }
            return out;
        } catch (XMLStreamException | RuntimeException | StackOverflowError e) {
            String m = e instanceof XMLStreamException x && x.getNestedException() != null
                    ? x.getNestedException().getMessage() : e.getMessage();
            m = (m == null || m.isBlank() ? e.getClass().getSimpleName() : m).replace('\n', ' ').replace('\r', ' ');
            throw new AxmlDecoder.DecodeException("not well-formed XML: "
                    + (m.length() > 300 ? m.substring(0, 300) + "..." : m));
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing held
                }
            }
        }
    }

    private static int line(XMLStreamReader r) {
        Location l = r.getLocation();
        return l == null ? 0 : l.getLineNumber();
    }

    private static String at(XMLStreamReader r) {
        int l = line(r);
        return l > 0 ? " at line " + l : "";
    }
}
