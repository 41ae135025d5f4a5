package dev.triage.intake.android;

import com.android.aapt.Resources;
import com.google.protobuf.CodedInputStream;
import com.reandroid.arsc.coder.ValueCoder;
import com.reandroid.arsc.value.ValueType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Decodes an aapt2 protobuf XML document (an {@code XmlNode}: the manifest and {@code res/} XML files of an Android
 * App Bundle module) to text XML exactly as {@link AxmlDecoder} decodes binary XML: element start tags on the line
 * recorded in {@code source.line_number}, attributes in aapt2's order with the {@code android:} prefix, compiled
 * values written as in the APK ({@code @type/name} references, {@code true}/{@code false}, enum and flag names).
 * Checked with {@link ProtoCheck} before protobuf-java reads it.
 */
public final class ProtoXmlDecoder {
    /** Start lines beyond this are treated as missing: a hostile line number must not make megabytes of padding. */
    static final int MAX_LINE = 1_000_000;

    private final ResourceNames names;
    private final StringBuilder out = new StringBuilder();
    private final NamespacePrefixes prefixes = new NamespacePrefixes();
    private final int maxDepth;
    private int line = 1;

    private ProtoXmlDecoder(ResourceNames names, int maxDepth) {
        this.names = names;
        this.maxDepth = maxDepth;
    }

    /**
     * Decodes a protobuf XmlNode to UTF-8 text XML. At most {@code limits.maxElements()} elements nested at most
     * {@code limits.maxDepth()} deep, and five protobuf messages per element allowed in all (attributes, values,
     * source positions).
     */
    public static String decode(byte[] pb, ResourceNames names, ChunkCheck.Limits limits)
            throws AxmlDecoder.DecodeException {
        int maxDepth = limits.maxDepth();
        // XmlNode → XmlElement → XmlNode ... : two levels per element, a few more for an attribute's value
        ProtoCheck.Limits wire = new ProtoCheck.Limits(2 * maxDepth + 8, Math.max(1000, limits.maxElements() * 5));
        Map<String, Integer> counts;
        try {
            counts = ProtoCheck.check(pb, 0, pb.length, Resources.XmlNode.getDescriptor(), wire);
        } catch (ProtoCheck.Refused e) {
            String m = e.getMessage();
            if (m.startsWith("protobuf messages nested")) {
                m = "elements nested more than " + maxDepth + " levels deep";
            }
            throw new AxmlDecoder.DecodeException(m);
        }
        if (counts.getOrDefault("XmlElement", 0) > limits.maxElements()) {
            throw new AxmlDecoder.DecodeException("more than " + limits.maxElements() + " elements");
        }
        Resources.XmlNode root;
        try {
            CodedInputStream in = CodedInputStream.newInstance(pb);
            in.setRecursionLimit(wire.maxDepth() + 8);
            root = Resources.XmlNode.parseFrom(in);
        } catch (java.io.IOException | RuntimeException | StackOverflowError e) {
            throw new AxmlDecoder.DecodeException("cannot read protobuf XML: " + DexConverter.describe(e));
        }
        if (!root.hasElement()) {
            throw new AxmlDecoder.DecodeException("protobuf XML without a root element");
        }
        ProtoXmlDecoder d = new ProtoXmlDecoder(names == null ? ResourceNames.NONE : names, maxDepth);
        try {
            d.collectNamespaces(root.getElement(), 0);
            int rootLine = line(root);
            if (rootLine > 1) {
                d.out.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
            }
            d.element(root, true, 0);
            d.out.append('\n');
        } catch (RuntimeException | StackOverflowError e) {
            throw new AxmlDecoder.DecodeException("cannot decode protobuf XML: " + DexConverter.describe(e));
        }
        return d.out.toString();
    }

    private static int line(Resources.XmlNode n) {
        long l = n.getSource().getLineNumber() & 0xffffffffL;
        return l > MAX_LINE ? 0 : (int) l;
    }

    private void collectNamespaces(Resources.XmlElement e, int depth) {
        if (depth > maxDepth) {
            return;
        }
        for (Resources.XmlNamespace ns : e.getNamespaceDeclarationList()) {
            prefixes.declare(ns.getUri(), ns.getPrefix());
        }
        for (Resources.XmlNode c : e.getChildList()) {
            if (c.hasElement()) {
                collectNamespaces(c.getElement(), depth + 1);
            }
        }
    }

    private void element(Resources.XmlNode node, boolean root, int depth) {
        if (depth > maxDepth) {
            throw new IllegalStateException("elements nested more than " + maxDepth + " levels deep");
        }
        Resources.XmlElement e = node.getElement();
        moveTo(line(node));
        String name = AxmlDecoder.xmlName(e.getName());
        out.append('<').append(name);
        StringBuilder attrs = new StringBuilder();
        for (Resources.XmlAttribute a : aaptOrder(e.getAttributeList())) {
            attrs.append(' ').append(attributeName(a)).append("=\"").append(AxmlDecoder.escape(value(a))).append('"');
        }
        if (root) {
            prefixes.prefixFor(AxmlDecoder.ANDROID_NS);
            for (Map.Entry<String, String> ns : prefixes.byUri().entrySet()) {
                out.append(" xmlns:").append(ns.getValue()).append("=\"").append(AxmlDecoder.escape(ns.getKey()))
                        .append('"');
            }
        }
        out.append(attrs);
        boolean any = false;
        for (Resources.XmlNode child : e.getChildList()) {
            if (child.hasElement()) {
                if (!any) {
                    out.append('>');
                    any = true;
                }
                element(child, false, depth + 1);
            } else if (child.getNodeCase() == Resources.XmlNode.NodeCase.TEXT) {
                String text = child.getText();
                if (text.isEmpty()) {
                    continue;
                }
                if (!any) {
                    out.append('>');
                    any = true;
                }
                out.append(AxmlDecoder.escapeText(text));
            }
        }
        if (any) {
            out.append("</").append(name).append('>');
        } else {
            out.append("/>");
        }
    }

    /** aapt2's order in binary XML: attributes with a resource id first, by id; then the others by namespace and name. */
    private static List<Resources.XmlAttribute> aaptOrder(List<Resources.XmlAttribute> list) {
        List<Resources.XmlAttribute> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.<Resources.XmlAttribute>comparingInt(a -> a.getResourceId() != 0 ? 0 : 1)
                .thenComparing((a, b) -> a.getResourceId() != 0
                        ? Integer.compareUnsigned(a.getResourceId(), b.getResourceId()) : 0)
                .thenComparing(Resources.XmlAttribute::getNamespaceUri)
                .thenComparing(Resources.XmlAttribute::getName));
        return sorted;
    }

    /** Same padding rule as {@link AxmlDecoder}: a missing or backwards line goes on the next line. */
    private void moveTo(int target) {
        line = AxmlDecoder.padTo(out, line, target);
    }

    private String attributeName(Resources.XmlAttribute a) {
        return AxmlDecoder.attributeName(names, a.getResourceId(), a.getNamespaceUri(), a.getName(), prefixes::prefixFor);
    }

    private String value(Resources.XmlAttribute a) {
        if (!a.hasCompiledItem()) {
            return a.getValue();
        }
        Resources.Item item = a.getCompiledItem();
        switch (item.getValueCase()) {
            case REF:
                return reference(item.getRef());
            case STR:
                return item.getStr().getValue();
            case RAW_STR:
                return item.getRawStr().getValue();
            case STYLED_STR:
                return item.getStyledStr().getValue();
            case FILE:
                return item.getFile().getPath();
            case PRIM:
                return primitive(item.getPrim(), a.getResourceId(), a.getValue());
            default:
                return a.getValue();
        }
    }

    private String reference(Resources.Reference r) {
        char prefix = r.getType() == Resources.Reference.Type.ATTRIBUTE ? '?' : '@';
        int id = r.getId();
        String name = r.getName();
        if (id != 0) {
            String s = names.reference(prefix, id);
            if (!s.startsWith(prefix + "0x") || name.isEmpty()) {
                return s;
            }
        }
        if (name.isEmpty()) {
            return prefix == '?' ? "?null" : "@null";
        }
        String n = name.startsWith("@") || name.startsWith("?") ? name.substring(1) : name;
        int colon = n.indexOf(':');
        int slash = n.indexOf('/');
        if (colon > 0 && slash > colon && !n.substring(0, colon).equals("android")) {
            n = n.substring(colon + 1); // the app's own package: written without it, as in binary XML
        }
        return prefix + n;
    }

    private static String primitive(Resources.Primitive p, int attrId, String raw) {
        switch (p.getOneofValueCase()) {
            case INT_DECIMAL_VALUE:
            case INT_HEXADECIMAL_VALUE: {
                boolean dec = p.getOneofValueCase() == Resources.Primitive.OneofValueCase.INT_DECIMAL_VALUE;
                int data = dec ? p.getIntDecimalValue() : p.getIntHexadecimalValue();
                String named = FrameworkResources.enumOrFlags(attrId, data);
                if (named != null && !named.isEmpty()) {
                    return named;
                }
                return dec ? Integer.toString(data) : Integer.toUnsignedString(data);
            }
            case NULL_VALUE:
                return "@null";
            case EMPTY_VALUE:
                return "@empty";
            default:
                String text = plainPrimitive(p);
                return text == null ? raw : text;
        }
    }

    /**
     * A primitive that binary XML and the resource table write alike (booleans, floats, colours, dimensions,
     * fractions); null for the others (integers, which an attribute may name, @null, @empty, unset), which each
     * decoder writes its own way.
     */
    static String plainPrimitive(Resources.Primitive p) {
        switch (p.getOneofValueCase()) {
            case BOOLEAN_VALUE:
                return p.getBooleanValue() ? "true" : "false";
            case FLOAT_VALUE:
                return Float.toString(p.getFloatValue());
            case COLOR_ARGB8_VALUE:
                return String.format("#%08x", p.getColorArgb8Value());
            case COLOR_RGB8_VALUE:
                return String.format("#%08x", p.getColorRgb8Value());
            case COLOR_ARGB4_VALUE:
                return String.format("#%08x", p.getColorArgb4Value());
            case COLOR_RGB4_VALUE:
                return String.format("#%08x", p.getColorRgb4Value());
            case DIMENSION_VALUE:
                return coded(ValueType.DIMENSION, p.getDimensionValue());
            case FRACTION_VALUE:
                return coded(ValueType.FRACTION, p.getFractionValue());
            case DIMENSION_VALUE_DEPRECATED:
                return Float.toString(p.getDimensionValueDeprecated());
            case FRACTION_VALUE_DEPRECATED:
                return Float.toString(p.getFractionValueDeprecated());
            default:
                return null;
        }
    }

    /** A dimension or fraction as ARSCLib writes it for an APK ({@code 16.0dp}, {@code 50.0%}). */
    static String coded(ValueType type, int data) {
        try {
            String s = ValueCoder.decode(type, data);
            return s == null ? Integer.toString(data) : s;
        } catch (RuntimeException e) {
            return Integer.toString(data);
        }
    }
}
