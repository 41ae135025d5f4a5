package dev.triage.intake.android;

import com.reandroid.arsc.chunk.xml.ResXmlAttribute;
import com.reandroid.arsc.chunk.xml.ResXmlDocument;
import com.reandroid.arsc.chunk.xml.ResXmlElement;
import com.reandroid.arsc.chunk.xml.ResXmlNamespace;
import com.reandroid.arsc.chunk.xml.ResXmlNode;
import com.reandroid.arsc.chunk.xml.ResXmlTextNode;
import com.reandroid.arsc.value.ValueType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Decodes Android binary XML (AXML: a compiled AndroidManifest.xml, layout or res/xml file) to text XML
 * whose element start tags sit on the line numbers recorded in the binary file, so that line N of the
 * text is line N of the developer's source file. Checked with {@link ChunkCheck} before ARSCLib reads it.
 */
public final class AxmlDecoder {
    /** The Android namespace, always written with the prefix {@code android}. */
    public static final String ANDROID_NS = "http://schemas.android.com/apk/res/android";

    /** The document could not be decoded; the message is one line for a person. */
    public static final class DecodeException extends Exception {
        public DecodeException(String message) {
            super(message, null, false, false);
        }
    }

    private final ResourceNames names;
    private final StringBuilder out = new StringBuilder();
    private final NamespacePrefixes prefixes = new NamespacePrefixes();
    private int line = 1;

    private AxmlDecoder(ResourceNames names) {
        this.names = names;
    }

    /** Decodes binary XML to UTF-8 text XML. */
    public static String decode(byte[] axml, ResourceNames names, ChunkCheck.Limits limits) throws DecodeException {
        String problem = ChunkCheck.checkXml(axml, limits);
        if (problem != null) {
            throw new DecodeException(problem);
        }
        ResXmlDocument doc = new ResXmlDocument();
        try {
            doc.readBytes(new ByteArrayInputStream(axml));
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw new DecodeException("cannot read binary XML: " + DexConverter.describe(e));
        }
        ResXmlElement root;
        try {
            root = doc.getDocumentElement();
        } catch (RuntimeException e) {
            root = null;
        }
        if (root == null) {
            throw new DecodeException("binary XML without a root element");
        }
        AxmlDecoder d = new AxmlDecoder(names == null ? ResourceNames.NONE : names);
        try {
            d.collectNamespaces(root, 0);
            int rootLine = Math.max(1, safeLine(root));
            if (rootLine > 1) {
                d.out.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
            }
            d.element(root, true, 0);
            d.out.append('\n');
        } catch (RuntimeException | StackOverflowError e) {
            throw new DecodeException("cannot decode binary XML: " + DexConverter.describe(e));
        }
        return d.out.toString();
    }

    private void collectNamespaces(ResXmlElement e, int depth) {
        if (depth > 512) {
            return;
        }
        for (int i = 0; i < e.getNamespaceCount(); i++) {
            ResXmlNamespace ns = e.getNamespaceAt(i);
            prefixes.declare(ns.getUri(), ns.getPrefix());
        }
        for (Iterator<ResXmlElement> it = e.getElements(); it.hasNext(); ) {
            collectNamespaces(it.next(), depth + 1);
        }
    }

    private void element(ResXmlElement e, boolean root, int depth) {
        moveTo(safeLine(e));
        String name = xmlName(e.getName());
        out.append('<').append(name);
        StringBuilder attrs = new StringBuilder();
        for (int i = 0; i < e.getAttributeCount(); i++) {
            ResXmlAttribute a = e.getAttributeAt(i);
            if (a == null) {
                continue;
            }
            attrs.append(' ').append(attributeName(a)).append("=\"").append(escape(value(a))).append('"');
        }
        if (root) {
            prefixes.prefixFor(ANDROID_NS);
            for (Map.Entry<String, String> ns : prefixes.byUri().entrySet()) {
                out.append(" xmlns:").append(ns.getValue()).append("=\"").append(escape(ns.getKey())).append('"');
            }
        }
        out.append(attrs);
        boolean any = false;
        for (Iterator<ResXmlNode> it = e.iterator(); it.hasNext(); ) {
            ResXmlNode child = it.next();
            if (child instanceof ResXmlElement ce) {
                if (!any) {
                    out.append('>');
                    any = true;
                }
                element(ce, false, depth + 1);
            } else if (child instanceof ResXmlTextNode t) {
                String text = t.getText();
                if (text == null || text.isEmpty()) {
                    continue;
                }
                if (!any) {
                    out.append('>');
                    any = true;
                }
                out.append(escapeText(text));
            }
        }
        if (any) {
            out.append("</").append(name).append('>');
        } else {
            out.append("/>");
        }
    }

    /** The start line, 0 when missing or beyond {@link ProtoXmlDecoder#MAX_LINE} (it would pad the text hugely). */
    private static int safeLine(ResXmlElement e) {
        try {
            int l = e.getStartLineNumber();
            return l < 0 || l > ProtoXmlDecoder.MAX_LINE ? 0 : l;
        } catch (RuntimeException ex) {
            return 0;
        }
    }

    /**
     * Pads with newlines so the next start tag is on {@code target}; a tag recorded on the current line stays
     * on it, one whose line is missing or goes backwards goes on the next line.
     */
    private void moveTo(int target) {
        line = padTo(out, line, target);
    }

    /**
     * The padding rule both decoders of Android XML (binary and protobuf) follow: appends newlines to {@code out},
     * which ends on line {@code line}, so the next start tag lands on {@code target}; returns the new current line.
     */
    static int padTo(StringBuilder out, int line, int target) {
        if (out.length() == 0 && target <= 1) {
            return line;
        }
        if (target == line && out.length() > 0) {
            return line;
        }
        if (target < line) {
            target = line + 1;
        }
        while (line < target) {
            out.append('\n');
            line++;
        }
        return line;
    }

    private String attributeName(ResXmlAttribute a) {
        return attributeName(names, a.getNameId(), a.getUri(), a.getName(), prefixes::prefixFor);
    }

    /**
     * An attribute's qualified name as both decoders write it: the name its resource id has (a framework attribute,
     * or one of the app's own) else the name the file gives, made an XML name; a framework attribute without a
     * namespace is put in the android one; {@code prefixFor} gives the namespace's prefix (null: none).
     */
    static String attributeName(ResourceNames names, int id, String uri, String givenName,
                                java.util.function.UnaryOperator<String> prefixFor) {
        String name = null;
        if (id != 0) {
            String known = (id >>> 24) == 0x01 ? FrameworkResources.name(id) : names.name(id);
            if (known != null && known.startsWith("attr/")) {
                name = known.substring(5);
            }
        }
        if (name == null) {
            name = givenName;
        }
        if ((id >>> 24) == 0x01 && (uri == null || uri.isEmpty())) {
            uri = ANDROID_NS;
        }
        if (name == null || name.isEmpty()) {
            name = id != 0 ? String.format("attr_0x%08x", id) : "attr";
        }
        name = xmlName(name);
        String prefix = prefixFor.apply(uri);
        return prefix == null ? name : prefix + ":" + name;
    }

    private String value(ResXmlAttribute a) {
        ValueType t = a.getValueType();
        int data = a.getData();
        if (t == null) {
            return String.valueOf(data);
        }
        switch (t) {
            case STRING: {
                String s = a.getValueAsString();
                return s == null ? "" : s;
            }
            case BOOLEAN:
                return data != 0 ? "true" : "false";
            case DEC:
            case HEX: {
                String named = FrameworkResources.enumOrFlags(a.getNameId(), data);
                if (named != null && !named.isEmpty()) {
                    return named;
                }
                return t == ValueType.DEC ? Integer.toString(data) : Integer.toUnsignedString(data);
            }
            case REFERENCE:
            case DYNAMIC_REFERENCE:
                return names.reference('@', data);
            case ATTRIBUTE:
            case DYNAMIC_ATTRIBUTE:
                return data == 0 ? "?null" : names.reference('?', data);
            case FLOAT:
                return Float.toString(Float.intBitsToFloat(data));
            case NULL:
                return data == 1 ? "@empty" : "@null";
            default:
                if (t.name().startsWith("COLOR")) {
                    return String.format("#%08x", data);
                }
                try {
                    String s = a.decodeValue(false);
                    return s == null ? String.valueOf(data) : s;
                } catch (RuntimeException e) {
                    return String.valueOf(data);
                }
        }
    }

    /** A valid XML name: characters outside letters, digits, '-', '_', '.' become '_'. */
    static String xmlName(String s) {
        if (s == null || s.isEmpty()) {
            return "_";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length() && i < 200; i++) {
            char c = s.charAt(i);
            boolean ok = Character.isLetter(c) || c == '_' || (i > 0 && (Character.isDigit(c) || c == '-' || c == '.'));
            sb.append(ok ? c : '_');
        }
        return sb.toString();
    }

    /** Text for an attribute value in double quotes. */
    static String escape(String s) {
        return escape(s, true);
    }

    /** Text for element content: quotes and tabs stay as they are. */
    static String escapeText(String s) {
        return escape(s, false);
    }

    private static String escape(String s, boolean attribute) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\n' -> sb.append("&#10;");
                case '\r' -> sb.append("&#13;");
                case '"' -> {
                    if (attribute) sb.append("&quot;");
                    else appendChar(sb, c);
                }
                case '\t' -> {
                    if (attribute) sb.append("&#9;");
                    else appendChar(sb, c);
                }
                default -> appendChar(sb, c);
            }
        }
        return sb.toString();
    }

    private static void appendChar(StringBuilder sb, char c) {
        if (c < 0x20 && c != '\t') {
            sb.append(' '); // not allowed in XML 1.0
        } else if (c == 0xFFFE || c == 0xFFFF) {
            sb.append(' ');
        } else {
            sb.append(c);
        }
    }
}
