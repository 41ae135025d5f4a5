package dev.triage.intake.android;

import com.android.aapt.ConfigurationOuterClass.Configuration;
import com.android.aapt.Resources;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import com.reandroid.arsc.value.ResConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an aapt2 protobuf resource table ({@code resources.pb} of an Android App Bundle module) into the same
 * {@link ResourceTableEntry} rows {@link ArscDecoder} reads from a {@code resources.arsc}: simple values as text,
 * file-based resources as their path, bags (styles, arrays, plurals, attrs) left out; configurations written as
 * resource qualifiers ({@code de}, {@code en-rUS}, {@code night-v8}).
 *
 * <p>The table is walked on the wire: packages and types are never built as objects, each entry is checked with
 * {@link ProtoCheck} and only then parsed by protobuf-java, one at a time, so memory stays proportional to the rows
 * kept. A corrupt entry is dropped with a problem line; the rest of the table is still read.
 */
public final class ResourcesPbDecoder {
    /** An entry (one resource in all its configurations) holds at most this many messages. */
    static final ProtoCheck.Limits ENTRY = new ProtoCheck.Limits(24, 100_000);
    private static final int MAX_PROBLEMS = 20;

    private final List<ResourceTableEntry> rows = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final int maxEntries;
    private int dropped;
    private boolean full;

    private ResourcesPbDecoder(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** Decodes a resources.pb; throws only when not even its top level can be read. */
    public static ArscDecoder.Table decode(byte[] pb, int maxEntries) throws AxmlDecoder.DecodeException {
        List<int[]> packages;
        try {
            packages = fields(pb, 0, pb.length, Resources.ResourceTable.PACKAGE_FIELD_NUMBER);
        } catch (IOException | RuntimeException e) {
            throw new AxmlDecoder.DecodeException("corrupt protobuf resource table: " + DexConverter.describe(e));
        }
        ResourcesPbDecoder d = new ResourcesPbDecoder(maxEntries);
        String packageName = null;
        for (int[] p : packages) {
            String name = d.pkg(pb, p[0], p[1]);
            if (packageName == null && name != null) {
                packageName = name;
            }
            if (d.full) {
                break;
            }
        }
        if (d.dropped > MAX_PROBLEMS) {
            d.problems.add((d.dropped - MAX_PROBLEMS) + " more resource entries dropped");
        }
        return new ArscDecoder.Table(packageName, d.rows, d.problems);
    }

    private String pkg(byte[] b, int off, int len) {
        String name;
        int pkgId;
        List<int[]> types;
        try {
            name = string(b, off, len, Resources.Package.PACKAGE_NAME_FIELD_NUMBER);
            int[] idMsg = last(b, off, len, Resources.Package.PACKAGE_ID_FIELD_NUMBER);
            pkgId = idMsg == null ? 0x7f : (int) varint(b, idMsg[0], idMsg[1], Resources.PackageId.ID_FIELD_NUMBER);
            types = fields(b, off, len, Resources.Package.TYPE_FIELD_NUMBER);
        } catch (IOException | RuntimeException e) {
            problem("resource package at offset " + off + ": corrupt protobuf (" + DexConverter.describe(e)
                    + "); dropped");
            return null;
        }
        for (int[] t : types) {
            type(b, t[0], t[1], pkgId & 0xff);
            if (full) {
                break;
            }
        }
        return name == null || name.isEmpty() ? null : name;
    }

    private void type(byte[] b, int off, int len, int pkgId) {
        String typeName;
        int typeId;
        List<int[]> entries;
        try {
            typeName = string(b, off, len, Resources.Type.NAME_FIELD_NUMBER);
            int[] idMsg = last(b, off, len, Resources.Type.TYPE_ID_FIELD_NUMBER);
            typeId = idMsg == null ? 0 : (int) varint(b, idMsg[0], idMsg[1], Resources.TypeId.ID_FIELD_NUMBER);
            entries = fields(b, off, len, Resources.Type.ENTRY_FIELD_NUMBER);
        } catch (IOException | RuntimeException e) {
            problem("resource type at offset " + off + ": corrupt protobuf (" + DexConverter.describe(e) + "); dropped");
            return;
        }
        if (typeName == null || typeName.isEmpty()) {
            return;
        }
        int i = 0;
        for (int[] e : entries) {
            entry(b, e[0], e[1], pkgId, typeId & 0xff, typeName, i++);
            if (full) {
                return;
            }
        }
    }

    private void entry(byte[] b, int off, int len, int pkgId, int typeId, String type, int index) {
        Resources.Entry e;
        try {
            ProtoCheck.check(b, off, len, Resources.Entry.getDescriptor(), ENTRY);
            CodedInputStream in = CodedInputStream.newInstance(b, off, len);
            in.setRecursionLimit(ENTRY.maxDepth() + 8);
            e = Resources.Entry.parseFrom(in);
        } catch (ProtoCheck.Refused ex) {
            problem("resource " + type + " #" + index + ": " + ex.getMessage() + "; dropped");
            return;
        } catch (IOException | RuntimeException | StackOverflowError ex) {
            problem("resource " + type + " #" + index + ": corrupt protobuf (" + DexConverter.describe(ex)
                    + "); dropped");
            return;
        }
        String name = e.getName();
        if (name.isEmpty()) {
            return;
        }
        int id = (pkgId << 24) | (typeId << 16) | (e.getEntryId().getId() & 0xffff);
        for (Resources.ConfigValue cv : e.getConfigValueList()) {
            if (rows.size() >= maxEntries) {
                problems.add("more than " + maxEntries + " resource entries; the rest are not read");
                full = true;
                return;
            }
            ResourceTableEntry row = row(type, name, id, qualifiers(cv.getConfig()), cv.getValue());
            if (row != null) {
                rows.add(row);
            }
        }
    }

    private ResourceTableEntry row(String type, String name, int id, String config, Resources.Value v) {
        if (!v.hasItem()) {
            return null; // a bag (style, array, plurals, attr, styleable): not kept, as for resources.arsc
        }
        Resources.Item item = v.getItem();
        String text;
        switch (item.getValueCase()) {
            case FILE:
                return file(type, name, id, config, item.getFile().getPath());
            case STR:
                text = item.getStr().getValue();
                if (ArscDecoder.isFileType(type) && (text.startsWith("res/") || text.contains("..")
                        || text.startsWith("/") || text.contains("\\"))) {
                    return file(type, name, id, config, text);
                }
                break;
            case RAW_STR:
                text = item.getRawStr().getValue();
                break;
            case STYLED_STR:
                text = item.getStyledStr().getValue();
                break;
            case REF: {
                Resources.Reference r = item.getRef();
                char prefix = r.getType() == Resources.Reference.Type.ATTRIBUTE ? '?' : '@';
                text = r.getId() == 0 ? prefix + "null" : prefix + String.format("0x%08x", r.getId());
                break;
            }
            case ID:
                text = "false"; // aapt2 compiles an id to the boolean false
                break;
            case PRIM:
                text = primitive(item.getPrim());
                if (text == null) {
                    return null;
                }
                break;
            default:
                return null;
        }
        return new ResourceTableEntry(type, name, id, config, text, null);
    }

    private ResourceTableEntry file(String type, String name, int id, String config, String path) {
        String unsafe = ArscDecoder.unsafePath(path);
        if (unsafe != null) {
            problem("resource " + type + "/" + name + " names the file '" + ArscDecoder.printable(path) + "' ("
                    + unsafe + "); dropped");
            return null;
        }
        return new ResourceTableEntry(type, name, id, config, null, path);
    }

    /** A primitive as {@link ArscDecoder} writes it; null for @null and @empty (no row). */
    private static String primitive(Resources.Primitive p) {
        switch (p.getOneofValueCase()) {
            case INT_DECIMAL_VALUE:
                return Integer.toString(p.getIntDecimalValue());
            case INT_HEXADECIMAL_VALUE:
                return String.format("0x%08x", p.getIntHexadecimalValue());
            default:
                return ProtoXmlDecoder.plainPrimitive(p); // null for @null, @empty, unset
        }
    }

    private void problem(String p) {
        if (++dropped <= MAX_PROBLEMS) {
            problems.add(p);
        }
    }

    // ---------------------------------------------------------------- configuration

    /**
     * An aapt2 configuration as resource qualifiers without the leading dash, in aapt's order and ARSCLib's
     * spelling (what {@link ArscDecoder} gives for the same configuration in a resources.arsc); "" for the default.
     */
    public static String qualifiers(Configuration c) {
        List<String> q = new ArrayList<>();
        if (c.getMcc() != 0) {
            q.add("mcc" + c.getMcc());
        }
        if (c.getMnc() != 0) {
            q.add("mnc" + (c.getMnc() == 0xffff ? "00" : Integer.toString(c.getMnc())));
        }
        String locale = locale(c.getLocale());
        if (locale != null) {
            q.add(locale);
        }
        switch (c.getGrammaticalGender()) {
            case GRAM_GENDER_NEUTER -> q.add("neuter");
            case GRAM_GENDER_FEMININE -> q.add("feminine");
            case GRAM_GENDER_MASCULINE -> q.add("masculine");
            default -> { }
        }
        switch (c.getLayoutDirection()) {
            case LAYOUT_DIRECTION_LTR -> q.add("ldltr");
            case LAYOUT_DIRECTION_RTL -> q.add("ldrtl");
            default -> { }
        }
        if (c.getSmallestScreenWidthDp() != 0) {
            q.add("sw" + c.getSmallestScreenWidthDp() + "dp");
        }
        if (c.getScreenWidthDp() != 0) {
            q.add("w" + c.getScreenWidthDp() + "dp");
        }
        if (c.getScreenHeightDp() != 0) {
            q.add("h" + c.getScreenHeightDp() + "dp");
        }
        switch (c.getScreenLayoutSize()) {
            case SCREEN_LAYOUT_SIZE_SMALL -> q.add("small");
            case SCREEN_LAYOUT_SIZE_NORMAL -> q.add("normal");
            case SCREEN_LAYOUT_SIZE_LARGE -> q.add("large");
            case SCREEN_LAYOUT_SIZE_XLARGE -> q.add("xlarge");
            default -> { }
        }
        switch (c.getScreenLayoutLong()) {
            case SCREEN_LAYOUT_LONG_LONG -> q.add("long");
            case SCREEN_LAYOUT_LONG_NOTLONG -> q.add("notlong");
            default -> { }
        }
        switch (c.getScreenRound()) {
            case SCREEN_ROUND_ROUND -> q.add("round");
            case SCREEN_ROUND_NOTROUND -> q.add("notround");
            default -> { }
        }
        switch (c.getWideColorGamut()) {
            case WIDE_COLOR_GAMUT_WIDECG -> q.add("widecg");
            case WIDE_COLOR_GAMUT_NOWIDECG -> q.add("nowidecg");
            default -> { }
        }
        switch (c.getHdr()) {
            case HDR_HIGHDR -> q.add("highdr");
            case HDR_LOWDR -> q.add("lowdr");
            default -> { }
        }
        switch (c.getOrientation()) {
            case ORIENTATION_PORT -> q.add("port");
            case ORIENTATION_LAND -> q.add("land");
            case ORIENTATION_SQUARE -> q.add("square");
            default -> { }
        }
        switch (c.getUiModeType()) {
            case UI_MODE_TYPE_NORMAL -> q.add("normal");
            case UI_MODE_TYPE_DESK -> q.add("desk");
            case UI_MODE_TYPE_CAR -> q.add("car");
            case UI_MODE_TYPE_TELEVISION -> q.add("television");
            case UI_MODE_TYPE_APPLIANCE -> q.add("appliance");
            case UI_MODE_TYPE_WATCH -> q.add("watch");
            case UI_MODE_TYPE_VRHEADSET -> q.add("vrheadset");
            default -> { }
        }
        switch (c.getUiModeNight()) {
            case UI_MODE_NIGHT_NIGHT -> q.add("night");
            case UI_MODE_NIGHT_NOTNIGHT -> q.add("notnight");
            default -> { }
        }
        String density = density(c.getDensity());
        if (density != null) {
            q.add(density);
        }
        switch (c.getTouchscreen()) {
            case TOUCHSCREEN_NOTOUCH -> q.add("notouch");
            case TOUCHSCREEN_STYLUS -> q.add("stylus");
            case TOUCHSCREEN_FINGER -> q.add("finger");
            default -> { }
        }
        switch (c.getKeysHidden()) {
            case KEYS_HIDDEN_KEYSEXPOSED -> q.add("keysexposed");
            case KEYS_HIDDEN_KEYSHIDDEN -> q.add("keyshidden");
            case KEYS_HIDDEN_KEYSSOFT -> q.add("keyssoft");
            default -> { }
        }
        switch (c.getKeyboard()) {
            case KEYBOARD_NOKEYS -> q.add("nokeys");
            case KEYBOARD_QWERTY -> q.add("qwerty");
            case KEYBOARD_TWELVEKEY -> q.add("12key");
            default -> { }
        }
        switch (c.getNavHidden()) {
            case NAV_HIDDEN_NAVEXPOSED -> q.add("navexposed");
            case NAV_HIDDEN_NAVHIDDEN -> q.add("navhidden");
            default -> { }
        }
        switch (c.getNavigation()) {
            case NAVIGATION_NONAV -> q.add("nonav");
            case NAVIGATION_DPAD -> q.add("dpad");
            case NAVIGATION_TRACKBALL -> q.add("trackball");
            case NAVIGATION_WHEEL -> q.add("wheel");
            default -> { }
        }
        if (c.getScreenWidth() != 0 && c.getScreenHeight() != 0) {
            q.add(c.getScreenWidth() + "x" + c.getScreenHeight());
        }
        if (c.getSdkVersion() != 0) {
            q.add("v" + c.getSdkVersion());
        }
        return normalize(String.join("-", q));
    }

    /** Qualifiers as ARSCLib spells them (the spelling of {@link ArscDecoder}'s rows); unknown ones kept as written. */
    public static String normalize(String qualifiers) {
        if (qualifiers == null || qualifiers.isEmpty()) {
            return "";
        }
        String q = qualifiers.startsWith("-") ? qualifiers.substring(1) : qualifiers;
        try {
            String n = ResConfig.parse("-" + q).getQualifiers();
            if (n == null) {
                return q;
            }
            return n.startsWith("-") ? n.substring(1) : n;
        } catch (RuntimeException e) {
            return q;
        }
    }

    /** A BCP-47 tag ({@code en-US}, {@code sr-Latn}) as a qualifier ({@code en-rUS}, {@code b+sr+Latn}). */
    private static String locale(String tag) {
        if (tag == null || tag.isEmpty()) {
            return null;
        }
        String t = tag.replace('_', '-');
        if (t.length() > 64 || !t.matches("[A-Za-z0-9-]+")) {
            return null;
        }
        String[] parts = t.split("-");
        if (parts.length == 1 && parts[0].matches("[a-zA-Z]{2,3}")) {
            return parts[0].toLowerCase(java.util.Locale.ROOT);
        }
        if (parts.length == 2 && parts[0].matches("[a-zA-Z]{2,3}") && parts[1].matches("[a-zA-Z]{2}")) {
            return parts[0].toLowerCase(java.util.Locale.ROOT) + "-r" + parts[1].toUpperCase(java.util.Locale.ROOT);
        }
        return "b+" + String.join("+", parts);
    }

    private static String density(int d) {
        return switch (d) {
            case 0 -> null;
            case 120 -> "ldpi";
            case 160 -> "mdpi";
            case 213 -> "tvdpi";
            case 240 -> "hdpi";
            case 320 -> "xhdpi";
            case 480 -> "xxhdpi";
            case 640 -> "xxxhdpi";
            case 0xfffe -> "anydpi";
            case 0xffff -> "nodpi";
            default -> d + "dpi";
        };
    }

    // ---------------------------------------------------------------- wire helpers

    /** [offset, length] of every length-delimited occurrence of {@code field} in a message. */
    private static List<int[]> fields(byte[] b, int off, int len, int field) throws IOException {
        List<int[]> out = new ArrayList<>();
        CodedInputStream in = CodedInputStream.newInstance(b, off, len);
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                return out;
            }
            int wire = WireFormat.getTagWireType(tag);
            if (wire == WireFormat.WIRETYPE_START_GROUP || wire == WireFormat.WIRETYPE_END_GROUP) {
                throw new IOException("group field " + WireFormat.getTagFieldNumber(tag) + " (not aapt2 protobuf)");
            }
            if (WireFormat.getTagFieldNumber(tag) == field && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                int n = in.readRawVarint32();
                if (n < 0 || n > len - in.getTotalBytesRead()) {
                    throw new IOException("field " + field + " claims " + (n & 0xffffffffL)
                            + " bytes, past the end of its message");
                }
                out.add(new int[] {off + in.getTotalBytesRead(), n});
                in.skipRawBytes(n);
            } else {
                in.skipField(tag);
            }
        }
    }

    private static int[] last(byte[] b, int off, int len, int field) throws IOException {
        List<int[]> all = fields(b, off, len, field);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    private static String string(byte[] b, int off, int len, int field) throws IOException {
        int[] f = last(b, off, len, field);
        return f == null ? null : new String(b, f[0], Math.min(f[1], 4096), StandardCharsets.UTF_8);
    }

    /** The last value of a varint field of a message, 0 when absent. */
    private static long varint(byte[] b, int off, int len, int field) throws IOException {
        long v = 0;
        CodedInputStream in = CodedInputStream.newInstance(b, off, len);
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                return v;
            }
            int wire = WireFormat.getTagWireType(tag);
            if (wire == WireFormat.WIRETYPE_START_GROUP || wire == WireFormat.WIRETYPE_END_GROUP) {
                throw new IOException("group field " + WireFormat.getTagFieldNumber(tag) + " (not aapt2 protobuf)");
            }
            if (WireFormat.getTagFieldNumber(tag) == field && wire == WireFormat.WIRETYPE_VARINT) {
                v = in.readRawVarint64();
            } else {
                in.skipField(tag);
            }
        }
    }
}
