package dev.triage.program.android;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small element tree of an XML text (a decoded manifest, layout or network security configuration) in which
 * every element knows the line of its start tag ({@code <}), the line a finding about it should point at.
 *
 * <p>The parser refuses DTDs and external entities: the text came from a scanned app. Elements deeper than
 * {@link #MAX_DEPTH} or beyond {@link #MAX_ELEMENTS} end the parse with an error.
 */
public final class XmlTree {
    public static final String ANDROID_NS = "http://schemas.android.com/apk/res/android";
    static final int MAX_DEPTH = 256;
    static final int MAX_ELEMENTS = 200_000;

    private XmlTree() {
    }

    /**
     * One element.
     *
     * @param name       local name ({@code activity})
     * @param attributes attribute values by name: {@code android:name} for the Android namespace, the plain
     *                   local name for attributes without a namespace, {@code prefix:local} otherwise
     * @param line       1-based line of the start tag's {@code <}
     * @param children   child elements in document order
     * @param text       the element's own text content, trimmed ("" when none)
     */
    public record Element(String name, Map<String, String> attributes, int line, List<Element> children, String text) {
        /** An attribute's value, or null. */
        public String attr(String qualifiedName) {
            return attributes.get(qualifiedName);
        }

        /** An {@code android:} attribute's value, or null. */
        public String android(String localName) {
            return attributes.get("android:" + localName);
        }

        /** Child elements with this local name. */
        public List<Element> children(String localName) {
            List<Element> out = new ArrayList<>();
            for (Element c : children) if (c.name.equals(localName)) out.add(c);
            return out;
        }

        /** The first child with this local name, or null. */
        public Element child(String localName) {
            for (Element c : children) if (c.name.equals(localName)) return c;
            return null;
        }

        /** This element and all its descendants with this local name, in document order. */
        public List<Element> descendants(String localName) {
            List<Element> out = new ArrayList<>();
            Deque<Element> work = new ArrayDeque<>();
            work.push(this);
            while (!work.isEmpty()) {
                Element e = work.pop();
                if (e.name.equals(localName)) out.add(e);
                for (int i = e.children.size() - 1; i >= 0; i--) work.push(e.children.get(i));
            }
            return out;
        }
    }

    /** The XML could not be read; the message is one line for a person. */
    public static final class XmlException extends Exception {
        public XmlException(String message) {
            super(message, null, false, false);
        }
    }

    /** Parses an XML text into its root element. */
    public static Element parse(String text) throws XmlException {
        int[] lines = startTagLines(text);
        XMLInputFactory f = hardenedFactory();
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        XMLStreamReader r = null;
        try {
            r = f.createXMLStreamReader(new StringReader(text));
            Deque<Builder> stack = new ArrayDeque<>();
            Element root = null;
            int count = 0;
            while (r.hasNext()) {
                int ev = r.next();
                switch (ev) {
                    case XMLStreamConstants.DTD -> throw new XmlException("DOCTYPE declarations are not accepted");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (stack.size() >= MAX_DEPTH) throw new XmlException("elements nested deeper than " + MAX_DEPTH);
                        if (count >= MAX_ELEMENTS) throw new XmlException("more than " + MAX_ELEMENTS + " elements");
                        int line = count < lines.length && lines[count] > 0 ? lines[count] : r.getLocation().getLineNumber();
                        count++;
                        Map<String, String> attrs = new LinkedHashMap<>();
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            String ns = r.getAttributeNamespace(i);
                            String local = r.getAttributeLocalName(i);
                            String key;
                            if (ns == null || ns.isEmpty()) key = local;
                            else if (ns.equals(ANDROID_NS)) key = "android:" + local;
                            else key = (r.getAttributePrefix(i) == null || r.getAttributePrefix(i).isEmpty() ? ns : r.getAttributePrefix(i)) + ":" + local;
                            attrs.put(key, r.getAttributeValue(i));
                        }
                        stack.push(new Builder(r.getLocalName(), attrs, line));
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (!stack.isEmpty() && stack.peek().text.length() < 65_536) stack.peek().text.append(r.getText());
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        Builder b = stack.pop();
                        Element e = b.build();
                        if (stack.isEmpty()) root = e;
                        else stack.peek().children.add(e);
                    }
                    default -> {
                    }
                }
            }
            if (root == null) throw new XmlException("no root element");
            return root;
        } catch (XMLStreamException | RuntimeException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("\\s+", " ");
            throw new XmlException("malformed XML: " + (m.length() > 200 ? m.substring(0, 200) + "..." : m));
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release
                }
            }
        }
    }

    /**
     * A StAX factory for XML found in scanned artifacts (hostile input): no DTD, no external entities, entity
     * references left unreplaced, no external DTD or schema access. Every parser of artifact XML starts here.
     */
    public static XMLInputFactory hardenedFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        trySet(f, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        trySet(f, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f;
    }

    private static void trySet(XMLInputFactory f, String property, Object value) {
        try {
            f.setProperty(property, value);
        } catch (IllegalArgumentException ignored) {
            // an implementation without the property also cannot fetch external documents through it
        }
    }

    private static final class Builder {
        final String name;
        final Map<String, String> attributes;
        final int line;
        final List<Element> children = new ArrayList<>();
        final StringBuilder text = new StringBuilder();

        Builder(String name, Map<String, String> attributes, int line) {
            this.name = name;
            this.attributes = attributes;
            this.line = line;
        }

        Element build() {
            return new Element(name, Collections.unmodifiableMap(attributes), line, List.copyOf(children), text.toString().strip());
        }
    }

    /**
     * The line of each start tag in document order (the k-th entry belongs to the k-th START_ELEMENT event).
     * StAX reports where a start tag ends; a tag spread over several lines starts earlier.
     */
    static int[] startTagLines(String text) {
        List<Integer> out = new ArrayList<>();
        int line = 1;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                continue;
            }
            if (c != '<' || i + 1 >= n) continue;
            char d = text.charAt(i + 1);
            if (text.startsWith("<!--", i)) {
                int end = text.indexOf("-->", i + 4);
                end = end < 0 ? n : end + 3;
                line += count(text, i, end);
                i = end - 1;
            } else if (text.startsWith("<![CDATA[", i)) {
                int end = text.indexOf("]]>", i);
                end = end < 0 ? n : end + 3;
                line += count(text, i, end);
                i = end - 1;
            } else if (d == '?' || d == '!') {
                int end = text.indexOf('>', i);
                end = end < 0 ? n : end + 1;
                line += count(text, i, end);
                i = end - 1;
            } else if (d != '/') {
                out.add(line);
                // skip the tag itself, minding quoted attribute values that may hold '>'
                int j = i + 1;
                char quote = 0;
                for (; j < n; j++) {
                    char x = text.charAt(j);
                    if (x == '\n') line++;
                    if (quote != 0) {
                        if (x == quote) quote = 0;
                    } else if (x == '"' || x == '\'') {
                        quote = x;
                    } else if (x == '>') {
                        break;
                    }
                }
                i = j;
            }
            if (out.size() > MAX_ELEMENTS) break;
        }
        int[] a = new int[out.size()];
        for (int i = 0; i < a.length; i++) a[i] = out.get(i);
        return a;
    }

    private static int count(String s, int from, int to) {
        int k = 0;
        for (int i = from; i < to; i++) if (s.charAt(i) == '\n') k++;
        return k;
    }
}
