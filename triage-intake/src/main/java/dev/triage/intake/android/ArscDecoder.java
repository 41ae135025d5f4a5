package dev.triage.intake.android;

import com.reandroid.arsc.chunk.PackageBlock;
import com.reandroid.arsc.chunk.TableBlock;
import com.reandroid.arsc.model.ResourceEntry;
import com.reandroid.arsc.value.Entry;
import com.reandroid.arsc.value.ResValue;
import com.reandroid.arsc.value.ValueType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Reads a compiled resource table (resources.arsc) with ARSCLib, after {@link ChunkCheck}, into
 * {@link ResourceTableEntry} rows: simple values and the archive paths of file-based resources.
 */
public final class ArscDecoder {
    /** A decoded table: its rows, its package name and problems (dropped rows), one line each. */
    public record Table(String packageName, List<ResourceTableEntry> entries, List<String> problems) {
        public ResourceNames names() {
            return ResourceNames.of(entries, packageName);
        }
    }

    private ArscDecoder() {
    }

    public static Table decode(byte[] arsc, ChunkCheck.Limits limits, int maxEntries)
            throws AxmlDecoder.DecodeException {
        String problem = ChunkCheck.checkTable(arsc, limits);
        if (problem != null) {
            throw new AxmlDecoder.DecodeException(problem);
        }
        // ARSCLib reads on past the table's declared end and takes trailing bytes for another chunk, whose size
        // it then allocates: only the checked table goes to it (Android's own loader ignores what follows too)
        int declared = (int) ChunkCheck.u32(arsc, 4);
        byte[] checked = declared < arsc.length ? Arrays.copyOf(arsc, declared) : arsc;
        TableBlock table = new TableBlock();
        try {
            table.readBytes(new ByteArrayInputStream(checked));
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw new AxmlDecoder.DecodeException("cannot read resource table: " + DexConverter.describe(e));
        }
        List<ResourceTableEntry> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String packageName = null;
        try {
            for (Iterator<PackageBlock> pit = table.getPackages(); pit.hasNext(); ) {
                PackageBlock pkg = pit.next();
                if (packageName == null) {
                    packageName = pkg.getName();
                }
                for (Iterator<ResourceEntry> rit = pkg.getResources(); rit.hasNext(); ) {
                    ResourceEntry re = rit.next();
                    for (Entry e : re) {
                        if (e == null || e.isNull()) {
                            continue;
                        }
                        if (rows.size() >= maxEntries) {
                            problems.add("more than " + maxEntries + " resource entries; the rest are not read");
                            return new Table(packageName, rows, problems);
                        }
                        ResourceTableEntry row = row(re, e, problems);
                        if (row != null) {
                            rows.add(row);
                        }
                    }
                }
            }
        } catch (RuntimeException | StackOverflowError e) {
            problems.add("resource table partly read: " + DexConverter.describe(e));
        }
        return new Table(packageName, rows, problems);
    }

    private static ResourceTableEntry row(ResourceEntry re, Entry e, List<String> problems) {
        String type = e.getTypeName();
        String name = e.getName();
        if (type == null || name == null) {
            return null;
        }
        String config = "";
        try {
            String q = e.getResConfig() == null ? "" : e.getResConfig().getQualifiers();
            config = q == null ? "" : (q.startsWith("-") ? q.substring(1) : q);
        } catch (RuntimeException ex) {
            config = "";
        }
        int id = re.getResourceId();
        ResValue v = e.getResValue();
        if (v == null) {
            return null; // a bag (style, array, plurals, attr): not kept
        }
        ValueType vt = v.getValueType();
        int data = v.getData();
        if (vt == ValueType.STRING) {
            String s = v.getValueAsString();
            if (s == null) {
                return null;
            }
            if (isFileType(type) && s.startsWith("res/")) {
                String unsafe = unsafePath(s);
                if (unsafe != null) {
                    problems.add("resource " + type + "/" + name + " names the file '" + printable(s) + "' ("
                            + unsafe + "); dropped");
                    return null;
                }
                return new ResourceTableEntry(type, name, id, config, null, s);
            }
            if (isFileType(type) && (s.contains("..") || s.startsWith("/") || s.contains("\\"))) {
                problems.add("resource " + type + "/" + name + " names the file '" + printable(s) + "' ("
                        + unsafePath(s) + "); dropped");
                return null;
            }
            return new ResourceTableEntry(type, name, id, config, s, null);
        }
        String text;
        if (vt == null) {
            return null;
        }
        switch (vt) {
            case BOOLEAN -> text = data != 0 ? "true" : "false";
            case DEC -> text = Integer.toString(data);
            case HEX -> text = String.format("0x%08x", data);
            case FLOAT -> text = Float.toString(Float.intBitsToFloat(data));
            case REFERENCE, DYNAMIC_REFERENCE -> text = data == 0 ? "@null" : String.format("@0x%08x", data);
            case NULL -> {
                return null;
            }
            default -> {
                if (vt.name().startsWith("COLOR")) {
                    text = String.format("#%08x", data);
                } else {
                    try {
                        text = v.decodeValue();
                    } catch (RuntimeException ex) {
                        text = String.valueOf(data);
                    }
                }
            }
        }
        return new ResourceTableEntry(type, name, id, config, text, null);
    }

    static boolean isFileType(String type) {
        return switch (type) {
            case "layout", "xml", "drawable", "mipmap", "raw", "menu", "anim", "animator", "interpolator",
                    "transition", "navigation", "font", "color" -> true;
            default -> false;
        };
    }

    /** Why a file name inside the archive is unsafe ('..', absolute, backslash), or null. */
    public static String unsafePath(String s) {
        if (s.startsWith("/") || (s.length() > 1 && s.charAt(1) == ':')) {
            return "absolute path";
        }
        if (s.indexOf('\\') >= 0) {
            return "backslash in path";
        }
        for (String seg : s.split("/", -1)) {
            if (seg.equals("..")) {
                return "'..' segment in path";
            }
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < 0x20) {
                return "control character in path";
            }
        }
        return null;
    }

    static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && i < 200; i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 ? '?' : c);
        }
        return sb.toString();
    }

    /** The synthetic {@code android-resources.xml} text for these rows. */
    public static String toXml(String packageName, List<ResourceTableEntry> rows) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<resources");
        if (packageName != null) {
            sb.append(" package=\"").append(AxmlDecoder.escape(packageName)).append('"');
        }
        sb.append(">\n");
        for (ResourceTableEntry r : rows) {
            sb.append("  <entry type=\"").append(AxmlDecoder.escape(r.type()))
                    .append("\" name=\"").append(AxmlDecoder.escape(r.name()))
                    .append("\" id=\"").append(String.format("0x%08x", r.id()))
                    .append("\" config=\"").append(AxmlDecoder.escape(r.config())).append('"');
            if (r.value() != null) {
                sb.append(" value=\"").append(AxmlDecoder.escape(r.value())).append('"');
            }
            if (r.file() != null) {
                sb.append(" file=\"").append(AxmlDecoder.escape(r.file())).append('"');
            }
            sb.append("/>\n");
        }
        sb.append("</resources>\n");
        return sb.toString();
    }
}
