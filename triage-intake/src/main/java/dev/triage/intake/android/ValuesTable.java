package dev.triage.intake.android;

import com.reandroid.arsc.coder.EncodeResult;
import com.reandroid.arsc.coder.ValueCoder;
import com.reandroid.arsc.value.ValueType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the rows of an Android library's (AAR) resource table from its text {@code res/} folder, the way aapt2
 * would compile them: {@code res/values[-q]/*.xml} give simple values (strings with aapt2's quoting, escapes and
 * whitespace rules; booleans; integers; colors as {@code #aarrggbb}; dimensions as ARSCLib writes them), file
 * resources ({@code res/layout/main.xml}) give a row naming the file, bags (styles, arrays, plurals, attrs) and
 * {@code @+id/} names only take an id. Ids are synthetic but stable: package 0x7f, types sorted by name from 0x01,
 * names sorted within a type from 0. A reference to one of the library's own resources is written
 * {@code @0x7f......} as {@link ArscDecoder} writes it; other references as written.
 */
public final class ValuesTable {
    private static final Pattern RES_PATH = Pattern.compile("res/([a-z][a-z0-9_]*)(-[^/]+)?/([^/]+)");
    private static final Pattern NEW_ID = Pattern.compile("@\\+id/([A-Za-z0-9_.]+)");
    private static final Pattern REF = Pattern.compile("@\\+?(?:([A-Za-z0-9_.]+):)?([a-z][a-z0-9_-]*)/([A-Za-z0-9_.]+)");

    /** One value or file before ids are known. */
    private record Item(String type, String name, String config, String kind, String raw, String file) {
    }

    private final String packageName;
    private final int maxEntries;
    private final List<Item> items = new ArrayList<>();
    /** type → name → present */
    private final TreeMap<String, TreeMap<String, Boolean>> names = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();
    private int nameCount;
    private boolean full;

    public ValuesTable(String packageName, int maxEntries) {
        this.packageName = packageName;
        this.maxEntries = maxEntries;
    }

    /**
     * {type, config, name} of a {@code res/<type>[-q]/<file>} path (config without the dash, normalised as
     * {@link ArscDecoder} spells it), or null when the path is not one.
     */
    public static String[] split(String path) {
        Matcher m = RES_PATH.matcher(path);
        if (!m.matches()) {
            return null;
        }
        String file = m.group(3);
        String name = file.endsWith(".9.png") ? file.substring(0, file.length() - 6)
                : file.indexOf('.') > 0 ? file.substring(0, file.indexOf('.')) : file;
        String config = m.group(2) == null ? "" : ResourcesPbDecoder.normalize(m.group(2));
        return new String[] {m.group(1), config, name};
    }

    /** Problems (values dropped), one line each. */
    public List<String> problems() {
        return problems;
    }

    /** Records a name; false (and the table is full) past the limit. */
    private boolean name(String type, String name) {
        if (type == null || name == null || name.isEmpty()) {
            return false;
        }
        if (full || nameCount >= maxEntries || items.size() >= maxEntries) {
            if (!full) {
                problems.add("more than " + maxEntries + " resource entries; the rest are not read");
                full = true;
            }
            return false;
        }
        if (names.computeIfAbsent(type, k -> new TreeMap<>()).put(name, Boolean.TRUE) == null) {
            nameCount++;
        }
        return true;
    }

    /** A file resource ({@code res/layout-land/main.xml}, {@code res/raw/data.json}). */
    public void addFile(String path) {
        String[] tcn = split(path);
        if (tcn == null || tcn[0].equals("values") || !name(tcn[0], tcn[2])) {
            return;
        }
        items.add(new Item(tcn[0], tcn[2], tcn[1], "file", null, path));
    }

    /** Names created with {@code @+id/} in an XML text (manifest, layouts, menus...). */
    public void addIds(byte[] xmlText) {
        Matcher m = NEW_ID.matcher(new String(xmlText, StandardCharsets.UTF_8));
        while (m.find() && !full) {
            name("id", m.group(1));
        }
    }

    /** The elements of one {@code res/values[-q]/*.xml} file. */
    public void addValues(String path, List<TextXml.Element> elements) {
        String[] tcn = split(path);
        String config = tcn == null ? "" : tcn[1];
        for (TextXml.Element e : elements) {
            if (full) {
                return;
            }
            String name = e.attr("name");
            String tag = e.tag();
            String type = switch (tag) {
                case "string", "bool", "integer", "color", "dimen", "fraction", "drawable", "style", "attr",
                        "plurals", "id" -> tag;
                case "string-array", "integer-array", "array" -> "array";
                case "item" -> e.attr("type");
                case "declare-styleable" -> "styleable";
                default -> null; // public, eat-comment, skip, java-symbol, overlayable, macro, unknown
            };
            if (type == null || name == null || name.isEmpty()) {
                continue;
            }
            if (type.equals("styleable")) {
                for (TextXml.Element c : e.children()) {
                    String attr = c.attr("name");
                    if (c.tag().equals("attr") && attr != null && !attr.contains(":") && !name("attr", attr)) {
                        return;
                    }
                }
                continue; // styleables are not in the runtime table
            }
            if (!name(type, name)) {
                return;
            }
            switch (type) {
                case "style", "attr", "plurals", "array" -> {
                    // bags: an id, no row (as for resources.arsc)
                }
                case "id" -> items.add(new Item(type, name, config, "id", null, null));
                default -> items.add(new Item(type, name, config, tag.equals("item") ? kindOf(type, e) : tag,
                        e.text(), null));
            }
        }
    }

    private static String kindOf(String type, TextXml.Element e) {
        String format = e.attr("format");
        if (format != null && !format.isBlank()) {
            return format.contains("|") ? "any" : format.trim();
        }
        return switch (type) {
            case "string", "bool", "integer", "color", "dimen", "fraction", "id" -> type;
            case "drawable" -> "color";
            default -> "any";
        };
    }

    /** The rows, ordered by id then configuration (the default first). */
    public List<ResourceTableEntry> rows() {
        Map<String, Integer> ids = new HashMap<>();
        int typeId = 1;
        for (Map.Entry<String, TreeMap<String, Boolean>> t : names.entrySet()) {
            int entry = 0;
            for (String n : t.getValue().keySet()) {
                ids.put(t.getKey() + "/" + n, 0x7f000000 | (typeId << 16) | entry++);
            }
            typeId++;
        }
        // every @+id also gets a row, as aapt2 gives ids the value false
        List<ResourceTableEntry> out = new ArrayList<>();
        Map<String, Boolean> idRow = new HashMap<>();
        for (Item i : items) {
            if (i.kind().equals("id")) {
                idRow.put(i.name() + "\u0000" + i.config(), Boolean.TRUE);
            }
        }
        TreeMap<String, Boolean> declaredIds = names.getOrDefault("id", new TreeMap<>());
        List<Item> all = new ArrayList<>(items);
        for (String n : declaredIds.keySet()) {
            if (!idRow.containsKey(n + "\u0000")) {
                all.add(new Item("id", n, "", "id", null, null));
            }
        }
        for (Item i : all) {
            Integer id = ids.get(i.type() + "/" + i.name());
            if (id == null) {
                continue;
            }
            ResourceTableEntry row = row(i, id, ids);
            if (row != null) {
                out.add(row);
            }
        }
        out.sort(Comparator.comparingInt(ResourceTableEntry::id)
                .thenComparing(r -> !r.config().isEmpty())
                .thenComparing(ResourceTableEntry::config));
        // one row per (id, config): the first file or value given wins, as aapt2 refuses duplicates
        List<ResourceTableEntry> unique = new ArrayList<>();
        for (ResourceTableEntry r : out) {
            ResourceTableEntry last = unique.isEmpty() ? null : unique.get(unique.size() - 1);
            if (last == null || last.id() != r.id() || !last.config().equals(r.config())) {
                unique.add(r);
            }
        }
        return unique;
    }

    private ResourceTableEntry row(Item i, int id, Map<String, Integer> ids) {
        if (i.file() != null) {
            return new ResourceTableEntry(i.type(), i.name(), id, i.config(), null, i.file());
        }
        if (i.kind().equals("id")) {
            return new ResourceTableEntry(i.type(), i.name(), id, i.config(), "false", null);
        }
        String raw = i.raw() == null ? "" : i.raw();
        String t = raw.trim();
        if (t.equals("@null") || t.equals("@empty")) {
            return null; // no row, as for a null value in resources.arsc
        }
        if (t.startsWith("@") || t.startsWith("?")) {
            String ref = reference(t, ids);
            if (ref != null) {
                return new ResourceTableEntry(i.type(), i.name(), id, i.config(), ref, null);
            }
        }
        String value = switch (i.kind()) {
            case "string", "any" -> i.kind().equals("string") ? aaptString(raw) : simple(raw);
            case "bool", "boolean" -> t.equalsIgnoreCase("true") ? "true" : t.equalsIgnoreCase("false") ? "false" : t;
            case "integer" -> integer(t);
            case "color" -> color(t);
            case "dimen", "dimension" -> coded(t, ValueType.DIMENSION);
            case "fraction" -> coded(t, ValueType.FRACTION);
            case "float" -> floatValue(t);
            default -> simple(raw);
        };
        return new ResourceTableEntry(i.type(), i.name(), id, i.config(), value, null);
    }

    /** An item of no declared format: a color, number or boolean as compiled, else the aapt2 string. */
    private static String simple(String raw) {
        String t = raw.trim();
        if (t.startsWith("#")) {
            return color(t);
        }
        if (t.equals("true") || t.equals("false")) {
            return t;
        }
        if (t.matches("-?\\d+|0[xX][0-9a-fA-F]+")) {
            return integer(t);
        }
        EncodeResult r = encode(t);
        if (r != null && (r.valueType == ValueType.DIMENSION || r.valueType == ValueType.FRACTION)) {
            return ProtoXmlDecoder.coded(r.valueType, r.value);
        }
        return aaptString(raw);
    }

    private String reference(String t, Map<String, Integer> ids) {
        Matcher m = REF.matcher(t.substring(0, 1).equals("?") ? "@" + t.substring(1) : t);
        if (!m.matches()) {
            return null;
        }
        String pkg = m.group(1);
        if (pkg != null && !pkg.equals(packageName)) {
            return t; // a framework or other package's resource: as written
        }
        String type = m.group(2);
        if (t.startsWith("?") && !type.equals("attr")) {
            return t;
        }
        Integer id = ids.get(type + "/" + m.group(3));
        return id == null ? t : t.charAt(0) + String.format("0x%08x", id);
    }

    private static String integer(String t) {
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return String.format("0x%08x", (int) Long.parseLong(t.substring(2), 16));
            }
            return Integer.toString(Integer.parseInt(t));
        } catch (NumberFormatException e) {
            return t;
        }
    }

    private static String floatValue(String t) {
        try {
            return Float.toString(Float.parseFloat(t));
        } catch (NumberFormatException e) {
            return t;
        }
    }

    /** {@code #rgb}, {@code #argb}, {@code #rrggbb}, {@code #aarrggbb} → {@code #aarrggbb}. */
    static String color(String t) {
        if (!t.matches("#[0-9a-fA-F]{3,8}")) {
            return t;
        }
        String h = t.substring(1);
        String argb = switch (h.length()) {
            case 3 -> "ff" + twice(h);
            case 4 -> twice(h);
            case 6 -> "ff" + h;
            case 8 -> h;
            default -> null;
        };
        return argb == null ? t : "#" + argb.toLowerCase(java.util.Locale.ROOT);
    }

    private static String twice(String h) {
        StringBuilder sb = new StringBuilder();
        for (char c : h.toCharArray()) {
            sb.append(c).append(c);
        }
        return sb.toString();
    }

    private static String coded(String t, ValueType type) {
        EncodeResult r = encode(t);
        return r != null && r.valueType == type ? ProtoXmlDecoder.coded(type, r.value) : t;
    }

    private static EncodeResult encode(String t) {
        if (t.isEmpty() || t.length() > 64) {
            return null;
        }
        try {
            return ValueCoder.encode(t, ValueType.DIMENSION, ValueType.FRACTION);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * A string value as aapt2 compiles it: outside double quotes, runs of whitespace become one space and leading
     * and trailing whitespace go; the quotes themselves go; {@code \n}, {@code \t}, Unicode escapes (backslash, u,
     * four hex digits) and {@code \x} (any other character, itself) are unescaped.
     */
    public static String aaptString(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        boolean quoted = false;
        boolean pendingSpace = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                char n = raw.charAt(++i);
                switch (n) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (i + 4 < raw.length() && raw.substring(i + 1, i + 5).matches("[0-9a-fA-F]{4}")) {
                            out.append((char) Integer.parseInt(raw.substring(i + 1, i + 5), 16));
                            i += 4;
                        } else {
                            out.append('u');
                        }
                    }
                    default -> out.append(n);
                }
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && Character.isWhitespace(c)) {
                pendingSpace = true;
            } else {
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.append(c);
            }
        }
        return out.toString();
    }
}
