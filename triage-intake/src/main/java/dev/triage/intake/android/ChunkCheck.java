package dev.triage.intake.android;

/**
 * Structural check of Android binary resource chunks (binary XML and resources.arsc) before ARSCLib
 * reads them: chunk types, header sizes, chunk sizes inside their parent, string pool counts and
 * offsets inside the pool, attribute arrays inside their element chunk, and XML nesting depth.
 * ARSCLib trusts these numbers; a hostile file could otherwise make it allocate huge arrays, loop or
 * read out of bounds.
 */
public final class ChunkCheck {
    static final int RES_STRING_POOL = 0x0001;
    static final int RES_TABLE = 0x0002;
    static final int RES_XML = 0x0003;
    static final int XML_START_NAMESPACE = 0x0100;
    static final int XML_END_NAMESPACE = 0x0101;
    static final int XML_START_ELEMENT = 0x0102;
    static final int XML_END_ELEMENT = 0x0103;
    static final int XML_CDATA = 0x0104;
    static final int XML_RESOURCE_MAP = 0x0180;
    static final int TABLE_PACKAGE = 0x0200;
    static final int TABLE_TYPE = 0x0201;
    static final int TABLE_TYPE_SPEC = 0x0202;
    static final int TABLE_LIBRARY = 0x0203;
    static final int TABLE_OVERLAYABLE = 0x0204;
    static final int TABLE_OVERLAYABLE_POLICY = 0x0205;
    static final int TABLE_STAGED_ALIAS = 0x0206;
    static final int TYPE_FLAG_SPARSE = 0x01;
    static final int TYPE_FLAG_OFFSET16 = 0x02;
    static final int ENTRY_FLAG_COMPLEX = 0x0001;
    static final int ENTRY_FLAG_COMPACT = 0x0008;

    /** Bounds for one file. */
    public record Limits(int maxStrings, int maxElements, int maxDepth) {
        public static final Limits DEFAULTS = new Limits(2_000_000, 200_000, 256);
    }

    private final byte[] b;
    private final Limits limits;
    private int elements;
    private int packages;
    private final java.util.Set<Long> stringPools = new java.util.HashSet<>();
    /** Binary XML: the open elements, and the string pool's size (-1 before the pool). */
    private int depth;
    private int strings = -1;

    private ChunkCheck(byte[] b, Limits limits) {
        this.b = b;
        this.limits = limits;
    }

    /** Why this binary XML cannot be read safely, or null when its structure is sound. */
    public static String checkXml(byte[] b, Limits limits) {
        try {
            return new ChunkCheck(b, limits).xml();
        } catch (RuntimeException e) {
            return "corrupt binary XML: " + DexConverter.describe(e);
        }
    }

    /** Why this resource table cannot be read safely, or null when its structure is sound. */
    public static String checkTable(byte[] b, Limits limits) {
        try {
            return new ChunkCheck(b, limits).table();
        } catch (RuntimeException e) {
            return "corrupt resource table: " + DexConverter.describe(e);
        }
    }

    /** True when the bytes start like a binary XML document. */
    public static boolean isBinaryXml(byte[] b) {
        return b.length >= 8 && u16(b, 0) == RES_XML && u16(b, 2) == 8;
    }

    private String xml() {
        if (b.length < 8) {
            return "truncated binary XML (" + b.length + " bytes)";
        }
        if (u16(b, 0) != RES_XML) {
            return String.format("not binary XML (chunk type 0x%04X)", u16(b, 0));
        }
        String top = header(0, b.length, "document");
        if (top != null) {
            return top;
        }
        String s = walk(u16(b, 2), (int) u32(b, 4), "binary XML", this::xmlChunk);
        if (s != null) {
            return s;
        }
        if (strings < 0) {
            return "binary XML without a string pool";
        }
        return null;
    }

    /** One chunk of a binary XML document (its header already checked). */
    private String xmlChunk(int type, int p, int hs, int size) {
        switch (type) {
            case RES_STRING_POOL -> {
                String s = stringPool(p, size);
                if (s != null) {
                    return s;
                }
                strings = (int) u32(b, p + 8);
            }
            case XML_RESOURCE_MAP -> {
                // an array of resource ids; nothing to bound beyond its size
            }
            case XML_START_NAMESPACE, XML_END_NAMESPACE, XML_CDATA, XML_END_ELEMENT -> {
                if (hs < 16 || size < hs + 8) {
                    return String.format("corrupt XML node chunk 0x%04X at offset %d (size %d)", type, p, size);
                }
                if (type == XML_END_ELEMENT) {
                    depth--;
                }
            }
            case XML_START_ELEMENT -> {
                if (hs < 16 || size < hs + 20) {
                    return "corrupt start element at offset " + p + " (size " + size + ")";
                }
                int ext = p + hs;
                long name = u32(b, ext + 4);
                int attrStart = u16(b, ext + 8);
                int attrSize = u16(b, ext + 10);
                int attrCount = u16(b, ext + 12);
                if (attrCount > 0 && (attrSize < 20 || (long) attrStart + (long) attrSize * attrCount > size - hs)) {
                    return "attributes of the element at offset " + p + " lie outside its chunk";
                }
                if (strings < 0) {
                    return "element before the string pool at offset " + p;
                }
                if (name >= strings) {
                    return "element name index " + name + " outside the string pool (" + strings + " strings)";
                }
                for (int i = 0; i < attrCount; i++) {
                    int a = ext + attrStart + i * attrSize;
                    long ns = u32(b, a);
                    long an = u32(b, a + 4);
                    long raw = u32(b, a + 8);
                    if ((ns != 0xFFFFFFFFL && ns >= strings) || an >= strings
                            || (raw != 0xFFFFFFFFL && raw >= strings)) {
                        return "attribute string index outside the string pool at offset " + a;
                    }
                }
                depth++;
                if (depth > limits.maxDepth()) {
                    return "elements nested more than " + limits.maxDepth() + " levels deep";
                }
                if (++elements > limits.maxElements()) {
                    return "more than " + limits.maxElements() + " elements";
                }
            }
            default -> {
                return String.format("unexpected chunk type 0x%04X at offset %d of the binary XML", type, p);
            }
        }
        return null;
    }

    private String table() {
        if (b.length < 12) {
            return "truncated resource table (" + b.length + " bytes)";
        }
        if (u16(b, 0) != RES_TABLE) {
            return String.format("not a resource table (chunk type 0x%04X)", u16(b, 0));
        }
        String top = header(0, b.length, "table");
        if (top != null) {
            return top;
        }
        if (u16(b, 2) < 12) {
            return "corrupt resource table header";
        }
        int end = (int) u32(b, 4);
        String s = chunks(u16(b, 2), end, 0);
        if (s != null) {
            return s;
        }
        // ARSCLib creates as many packages as the header declares, each with its own pools, before reading them
        long declared = u32(b, 8);
        if (declared > packages) {
            return "resource table declares " + declared + " packages, holds " + packages;
        }
        return null;
    }

    /** Checks the chunks between {@code p} and {@code end} of a table (or of a package inside it). */
    private String chunks(int p, int end, int level) {
        return walk(p, end, "resource table", (type, at, hs, size) -> tableChunk(type, at, hs, size, level));
    }

    /** One chunk of a resource table at nesting {@code level} (its header already checked). */
    private String tableChunk(int type, int p, int hs, int size, int level) {
        if (!allowedIn(level, type)) {
            // ARSCLib reads a chunk by where it stands as much as by its type: one it does not expect there is
            // read as something else, with that thing's counts
            return String.format("unexpected chunk type 0x%04X at offset %d of the resource table", type, p);
        }
        switch (type) {
            case RES_STRING_POOL -> {
                String s = stringPool(p, size);
                if (s != null) {
                    return s;
                }
                stringPools.add((long) p);
            }
            case TABLE_PACKAGE -> {
                if (level > 0) {
                    return "package chunk nested inside a package at offset " + p;
                }
                packages++;
                if (hs < 284 || hs > size) {
                    return "corrupt package header at offset " + p;
                }
                long typeStrings = u32(b, p + 268);
                long keyStrings = u32(b, p + 276);
                if (typeStrings > size || keyStrings > size) {
                    return "package string pools outside the package chunk at offset " + p;
                }
                String s = chunks(p + hs, p + size, level + 1);
                if (s != null) {
                    return s;
                }
                // ARSCLib reads the type and key names as string pools at these offsets, whatever lies there
                for (long pool : new long[] {typeStrings, keyStrings}) {
                    if (pool != 0 && !stringPools.contains(p + pool)) {
                        return "package at offset " + p + " names a string pool at +" + pool
                                + " where there is none";
                    }
                }
            }
            case TABLE_TYPE_SPEC -> {
                if (hs < 16 || size < hs) {
                    return "corrupt type spec chunk at offset " + p;
                }
                long count = u32(b, p + 12);
                if (count * 4 > size - hs) {
                    return "type spec entry count " + count + " exceeds its chunk at offset " + p;
                }
            }
            case TABLE_TYPE -> {
                if (hs < 20 || size < hs) {
                    return "corrupt type chunk at offset " + p;
                }
                String t = typeChunk(p, hs, size);
                if (t != null) {
                    return t;
                }
            }
            case TABLE_LIBRARY, TABLE_STAGED_ALIAS -> {
                // a count of fixed-size records after the header: library entries (id + 128 UTF-16 chars),
                // staged aliases (two ids)
                if (hs < 12) {
                    return String.format("corrupt chunk 0x%04X at offset %d", type, p);
                }
                long count = u32(b, p + 8);
                long record = type == TABLE_LIBRARY ? 260 : 8;
                if (count * record > size - hs) {
                    return String.format("chunk 0x%04X at offset %d declares %d entries, more than it holds",
                            type, p, count);
                }
            }
            case TABLE_OVERLAYABLE_POLICY -> {
                if (hs < 16) {
                    return "corrupt overlayable policy chunk at offset " + p;
                }
                long count = u32(b, p + 12);
                if (count * 4 > size - hs) {
                    return "overlayable policy at offset " + p + " declares " + count + " ids, more than it holds";
                }
            }
            case TABLE_OVERLAYABLE -> {
                // name and actor (256 UTF-16 chars each), then its policy chunks
                if (hs < 1032) {
                    return "corrupt overlayable chunk at offset " + p;
                }
                String s = chunks(p + hs, p + size, level + 1);
                if (s != null) {
                    return s;
                }
            }
            default -> {
                // staged alias flags and other chunks allowed here: sizes were checked above
            }
        }
        return null;
    }

    /** What a walk does with each chunk: null to go on, or why the file cannot be read safely. */
    private interface ChunkVisitor {
        String visit(int type, int p, int headerSize, int size);
    }

    /**
     * The one chunk walker of binary XML and resource tables: visits the chunks between {@code p} and {@code end}
     * in order, each header checked to lie inside {@code end} first; the first problem ends the walk.
     */
    private String walk(int p, int end, String what, ChunkVisitor visitor) {
        while (p < end) {
            if (end - p < 8) {
                return "truncated chunk at offset " + p + " of the " + what;
            }
            String h = header(p, end, "chunk");
            if (h != null) {
                return h;
            }
            int size = (int) u32(b, p + 4);
            String problem = visitor.visit(u16(b, p), p, u16(b, p + 2), size);
            if (problem != null) {
                return problem;
            }
            p += size;
        }
        return null;
    }

    /** The chunk types a table (level 0), a package (1) and an overlayable (2) hold. */
    private static boolean allowedIn(int level, int type) {
        return switch (level) {
            case 0 -> type == RES_STRING_POOL || type == TABLE_PACKAGE;
            case 1 -> type == RES_STRING_POOL || type == TABLE_TYPE || type == TABLE_TYPE_SPEC || type == TABLE_LIBRARY
                    || type == TABLE_OVERLAYABLE || type == TABLE_STAGED_ALIAS;
            default -> type == TABLE_OVERLAYABLE_POLICY;
        };
    }

    /**
     * A type chunk: its config inside the header, its entry index inside the chunk, and every entry it points at
     * inside the chunk with its map (bag) items. ARSCLib allocates from each of these numbers: the config size is a
     * byte array, the index count a list, a bag's count a list of items. Entries may share bytes (an optimiser can
     * point several indexes at one value), so the sum of what the entries claim is bounded by a multiple of the
     * chunk's size rather than by the size itself: many entries aliasing one large bag would be quadratic.
     */
    private String typeChunk(int p, int hs, int size) {
        int flags = b[p + 9] & 0xff;
        long count = u32(b, p + 12);
        long entriesStart = u32(b, p + 16);
        if (hs >= 24) {
            long configSize = u32(b, p + 20);
            if (configSize < 4 || configSize > hs - 20) {
                return "type chunk config of " + configSize + " bytes outside its header at offset " + p;
            }
        }
        boolean sparse = (flags & TYPE_FLAG_SPARSE) != 0;
        boolean offset16 = (flags & TYPE_FLAG_OFFSET16) != 0;
        long indexBytes = offset16 && !sparse ? count * 2 : count * 4;
        if (hs + indexBytes > size || entriesStart > size || (count > 0 && entriesStart < hs + indexBytes)) {
            return "type chunk entries (" + count + ") exceed the chunk at offset " + p;
        }
        long claimed = 0;
        long budget = 16L * size + 65_536;
        int end = p + size;
        for (int i = 0; i < count; i++) {
            int at = p + hs;
            long off;
            if (sparse) {
                off = u16(b, at + 4 * i + 2) * 4L;
            } else if (offset16) {
                int o = u16(b, at + 2 * i);
                if (o == 0xFFFF) {
                    continue;
                }
                off = o * 4L;
            } else {
                off = u32(b, at + 4 * i);
                if (off == 0xFFFFFFFFL) {
                    continue;
                }
            }
            long e = p + entriesStart + off;
            if (e + 8 > end) {
                return "type chunk entry #" + i + " at offset " + e + " lies outside its chunk";
            }
            int entrySize = u16(b, (int) e);
            int entryFlags = u16(b, (int) e + 2);
            long footprint;
            // complex before compact: a valid entry is never both, and a reader that sees the complex bit
            // allocates the bag's items whatever else the flags say
            if ((entryFlags & ENTRY_FLAG_COMPLEX) != 0) {
                if (entrySize < 16 || e + entrySize > end) {
                    return "type chunk bag entry #" + i + " at offset " + e + " is corrupt";
                }
                long items = u32(b, (int) e + 12);
                footprint = entrySize + items * 12;
                if (e + footprint > end) {
                    return "type chunk bag entry #" + i + " declares " + items + " items, past its chunk";
                }
            } else if ((entryFlags & ENTRY_FLAG_COMPACT) != 0) {
                footprint = 8;
            } else {
                if (entrySize < 8 || e + entrySize + 8 > end) {
                    return "type chunk entry #" + i + " at offset " + e + " is corrupt";
                }
                footprint = entrySize + 8L;
            }
            claimed += footprint;
            if (claimed > budget) {
                return "type chunk entries at offset " + p + " claim more than " + budget + " bytes";
            }
        }
        return null;
    }

    private String header(int p, int end, String what) {
        int hs = u16(b, p + 2);
        long size = u32(b, p + 4);
        if (hs < 8) {
            return "corrupt " + what + " header at offset " + p + " (header size " + hs + ")";
        }
        if (size < hs) {
            return "corrupt " + what + " at offset " + p + " (size " + size + " smaller than its header)";
        }
        if (p + size > end) {
            return what + " at offset " + p + " claims " + size + " bytes, past the end (" + (end - p) + " available)";
        }
        return null;
    }

    private String stringPool(int p, int size) {
        int hs = u16(b, p + 2);
        if (hs < 28) {
            return "corrupt string pool header at offset " + p;
        }
        long count = u32(b, p + 8);
        long styles = u32(b, p + 12);
        long stringsStart = u32(b, p + 20);
        long stylesStart = u32(b, p + 24);
        if (count > limits.maxStrings()) {
            return "string pool declares " + count + " strings, more than the limit of " + limits.maxStrings();
        }
        if (styles > limits.maxStrings()) {
            return "string pool declares " + styles + " styles, more than the limit of " + limits.maxStrings();
        }
        if (hs + count * 4 + styles * 4 > size) {
            return "string pool count " + count + " needs " + (count * 4) + " bytes of offsets, only "
                    + (size - hs) + " available";
        }
        if (count > 0 && (stringsStart < hs + count * 4 + styles * 4 || stringsStart > size)) {
            return "string pool data start " + stringsStart + " outside the pool at offset " + p;
        }
        if (styles > 0 && (stylesStart == 0 || stylesStart > size)) {
            return "string pool style start " + stylesStart + " outside the pool at offset " + p;
        }
        long dataLen = size - stringsStart;
        boolean utf8 = (u32(b, p + 16) & 0x100) != 0;
        for (int i = 0; i < count; i++) {
            long off = u32(b, p + hs + 4 * i);
            if (off >= dataLen) {
                return "string #" + i + " offset " + off + " outside the string pool";
            }
            int s = (int) (p + stringsStart + off);
            int limit = p + size;
            long len;
            int at;
            if (utf8) {
                // UTF-16 length then UTF-8 length, each one or two bytes
                at = s + ((b[s] & 0x80) != 0 ? 2 : 1);
                if (at >= limit) {
                    return "string #" + i + " truncated";
                }
                len = (b[at] & 0x80) != 0 ? (((b[at] & 0x7f) << 8) | (at + 1 < limit ? b[at + 1] & 0xff : 0)) : b[at];
                at += (b[at] & 0x80) != 0 ? 2 : 1;
            } else {
                if (s + 2 > limit) {
                    return "string #" + i + " truncated";
                }
                int l = u16(b, s);
                at = s + 2;
                if ((l & 0x8000) != 0) {
                    if (s + 4 > limit) {
                        return "string #" + i + " truncated";
                    }
                    l = ((l & 0x7fff) << 16) | u16(b, s + 2);
                    at += 2;
                }
                len = (long) l * 2;
            }
            if (at + len > limit) {
                return "string #" + i + " of " + len + " bytes runs past the end of the string pool";
            }
        }
        return null;
    }

    static int u16(byte[] b, int i) {
        return (b[i] & 0xff) | ((b[i + 1] & 0xff) << 8);
    }

    static long u32(byte[] b, int i) {
        return ((b[i] & 0xffL)) | ((b[i + 1] & 0xffL) << 8) | ((b[i + 2] & 0xffL) << 16) | ((b[i + 3] & 0xffL) << 24);
    }
}
