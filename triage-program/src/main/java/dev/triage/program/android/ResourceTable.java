package dev.triage.program.android;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The app's compiled resource values as intake decoded them into {@code android-resources.xml}: one row per
 * (type, name, configuration), with a value (strings, booleans, integers...) or a file (layouts, xml, raw).
 */
public final class ResourceTable {
    public static final ResourceTable EMPTY = new ResourceTable(List.of());
    /** The name intake gives the decoded table. */
    public static final String RESOURCE_NAME = "android-resources.xml";

    /**
     * One row.
     *
     * @param line the row's line in {@code android-resources.xml} (where a finding about it points)
     * @param id   the resource id ({@code 0x7f0b0001}: what the app's code holds as {@code R.layout.main}), 0 when the
     *             table does not say
     */
    public record Entry(String type, String name, String config, String value, String file, int line, int id) {
    }

    private final List<Entry> entries;
    private final Map<String, List<Entry>> byRef = new LinkedHashMap<>();

    public ResourceTable(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        for (Entry e : this.entries) byRef.computeIfAbsent(e.type() + "/" + e.name(), k -> new ArrayList<>()).add(e);
    }

    /** Reads the decoded table; rows without a type or name are ignored. */
    public static ResourceTable parse(String xml) throws XmlTree.XmlException {
        XmlTree.Element root = XmlTree.parse(xml);
        List<Entry> rows = new ArrayList<>();
        for (XmlTree.Element e : root.children("entry")) {
            String type = e.attr("type");
            String name = e.attr("name");
            if (type == null || name == null) continue;
            String config = e.attr("config") == null ? "" : e.attr("config");
            rows.add(new Entry(type, name, config, e.attr("value"), e.attr("file"), e.line(), id(e.attr("id"))));
        }
        return new ResourceTable(rows);
    }

    private static int id(String hex) {
        if (hex == null || !hex.startsWith("0x")) return 0;
        try {
            return (int) Long.parseLong(hex.substring(2), 16);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Rows of one type ({@code string}), in table order. */
    public List<Entry> ofType(String type) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) if (e.type().equals(type)) out.add(e);
        return Collections.unmodifiableList(out);
    }

    /**
     * The row a reference names ({@code @string/app_name}, {@code @xml/network_security_config},
     * {@code @bool/debug}): the default configuration's when there is one, else the first. Null for a
     * framework reference ({@code @android:...}) or an unknown name.
     */
    public Entry resolve(String reference) {
        if (reference == null || !reference.startsWith("@") || reference.startsWith("@android:")) return null;
        String ref = reference.substring(1);
        if (ref.startsWith("+")) ref = ref.substring(1);
        int colon = ref.indexOf(':');
        if (colon >= 0 && colon < ref.indexOf('/')) ref = ref.substring(colon + 1); // @com.acme:string/x
        List<Entry> rows = byRef.get(ref);
        if (rows == null || rows.isEmpty()) return null;
        for (Entry e : rows) if (e.config().isEmpty()) return e;
        return rows.get(0);
    }

    /**
     * An attribute value with a resource reference replaced by the value it names; a literal is returned as it
     * is, an unresolvable reference as the reference text.
     */
    public String value(String attributeValue) {
        if (attributeValue == null || !attributeValue.startsWith("@")) return attributeValue;
        Entry e = resolve(attributeValue);
        if (e == null) return attributeValue;
        return e.value() != null ? e.value() : e.file() != null ? e.file() : attributeValue;
    }
}
