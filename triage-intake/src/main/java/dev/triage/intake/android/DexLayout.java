package dev.triage.intake.android;

import java.util.Map;
import java.util.TreeMap;

/**
 * The layout pre-check of a DEX file, run after {@link DexHeader#check} and before dex2jar reads anything: every length,
 * count and offset dex2jar would use to allocate or to loop is compared with the bytes the file actually has, so no
 * DEX can make the converter allocate more than a small multiple of its own size. The limits are the input's own:
 * a string of n UTF-16 units needs at least n bytes, an item list of n entries at least n times the entry's smallest
 * encoding, a method of n code units 2n bytes.
 *
 * <p>Whole-file problems (the id tables, the map, string data) refuse the DEX; a problem inside one class definition
 * (its interfaces, class data, code items, debug info, static values, annotations directory) skips that class only:
 * the rest of the DEX is converted.
 */
public final class DexLayout {
    private static final long NO_INDEX = 0xffffffffL;

    /** What the check found: a reason to refuse the whole file (or null), and the class definitions to skip, by index. */
    public record Result(String fileProblem, Map<Integer, String> badClasses) {
    }

    private final byte[] b;
    private final long size;
    private final long strings;
    private final long types;
    private final long protos;
    private final long fields;
    private final long methods;

    private DexLayout(byte[] b) {
        this.b = b;
        long declared = (b[32] & 0xffL) | ((b[33] & 0xffL) << 8) | ((b[34] & 0xffL) << 16) | ((b[35] & 0xffL) << 24);
        this.size = Math.min(declared, b.length);
        this.strings = u32(56);
        this.types = u32(64);
        this.protos = u32(72);
        this.fields = u32(80);
        this.methods = u32(88);
    }

    /** Checks a DEX whose header {@link DexHeader#check} accepted. */
    public static Result check(byte[] dex) {
        try {
            DexLayout d = new DexLayout(dex);
            String file = d.fileProblem();
            if (file != null) return new Result(file, Map.of());
            Map<Integer, String> bad = new TreeMap<>();
            long classDefs = d.u32(96);
            long classDefsOff = d.u32(100);
            for (int i = 0; i < classDefs; i++) {
                String p = d.classProblem(classDefsOff + 32L * i);
                if (p != null) bad.put(i, p);
            }
            return new Result(null, bad);
        } catch (Bad e) {
            return new Result("corrupt DEX file (" + e.getMessage() + ")", Map.of());
        }
    }

    /** A layout problem; thrown by the readers when a read would leave the file. */
    private static final class Bad extends RuntimeException {
        Bad(String message) {
            super(message, null, false, false);
        }
    }

    // ---------------------------------------------------------------------------------------------- the whole file

    private String fileProblem() {
        long stringsOff = u32(60);
        for (long i = 0; i < strings; i++) {
            long off = u32(stringsOff + 4 * i);
            long[] len = uleb(off);
            // MUTF-8: each UTF-16 unit takes 1 to 3 bytes, and the data ends with a NUL byte
            if (len[0] > size - len[1]) {
                return "corrupt DEX file (string #" + i + " claims " + len[0] + " characters; " + (size - len[1])
                        + " bytes are left in the file)";
            }
        }
        long typesOff = u32(68);
        for (long i = 0; i < types; i++) {
            if (u32(typesOff + 4 * i) >= strings) return "corrupt DEX file (type #" + i + " names no string)";
        }
        long protosOff = u32(76);
        for (long i = 0; i < protos; i++) {
            long at = protosOff + 12 * i;
            if (u32(at) >= strings || u32(at + 4) >= types) return "corrupt DEX file (prototype #" + i + " is out of range)";
            String p = typeList(u32(at + 8), "prototype #" + i + " parameters");
            if (p != null) return p;
        }
        long fieldsOff = u32(84);
        for (long i = 0; i < fields; i++) {
            long at = fieldsOff + 8 * i;
            if (u16(at) >= types || u16(at + 2) >= types || u32(at + 4) >= strings) {
                return "corrupt DEX file (field #" + i + " is out of range)";
            }
        }
        long methodsOff = u32(92);
        for (long i = 0; i < methods; i++) {
            long at = methodsOff + 8 * i;
            if (u16(at) >= types || u16(at + 2) >= protos || u32(at + 4) >= strings) {
                return "corrupt DEX file (method #" + i + " is out of range)";
            }
        }
        long mapOff = u32(52);
        if (mapOff != 0) {
            long n = u32(mapOff);
            if (n > (size - mapOff - 4) / 12) return "corrupt DEX file (the map lists " + n + " sections, more than fit in the file)";
        }
        return null;
    }

    private String typeList(long off, String what) {
        if (off == 0) return null;
        if (off + 4 > size) return "corrupt DEX file (" + what + " lie outside the file)";
        long n = u32(off);
        if (n > (size - off - 4) / 2) return "corrupt DEX file (" + what + ": " + n + " types, more than fit in the file)";
        for (long k = 0; k < n; k++) {
            if (u16(off + 4 + 2 * k) >= types) return "corrupt DEX file (" + what + " name a type out of range)";
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------- one class

    private String classProblem(long at) {
        try {
            long classIdx = u32(at);
            long superIdx = u32(at + 8);
            if (classIdx >= types) return "corrupt DEX class definition (class type " + classIdx + " out of range)";
            if (superIdx != NO_INDEX && superIdx >= types) return "corrupt DEX class definition (superclass out of range)";
            String p = typeList(u32(at + 12), "interfaces");
            if (p != null) return p;
            long annotations = u32(at + 20);
            if (annotations != 0) {
                if (annotations + 16 > size) return "corrupt DEX class definition (annotations outside the file)";
                long n = u32(annotations + 4) + u32(annotations + 8) + u32(annotations + 12);
                if (n > (size - annotations - 16) / 8) {
                    return "corrupt DEX class definition (" + n + " annotated members, more than fit in the file)";
                }
            }
            long data = u32(at + 24);
            if (data != 0) {
                p = classData(data);
                if (p != null) return p;
            }
            long staticValues = u32(at + 28);
            if (staticValues != 0) {
                long[] n = uleb(staticValues);
                if (n[0] > size - n[1]) return "corrupt DEX class definition (" + n[0] + " static values, more than fit in the file)";
            }
            return null;
        } catch (Bad e) {
            return "corrupt DEX class definition (" + e.getMessage() + ")";
        }
    }

    private String classData(long off) {
        long[] sf = uleb(off);
        long[] inf = uleb(sf[1]);
        long[] dm = uleb(inf[1]);
        long[] vm = uleb(dm[1]);
        long pos = vm[1];
        long left = size - pos;
        // a field takes at least 2 bytes (two ULEB128s), a method 3
        if (sf[0] + inf[0] > left / 2 || dm[0] + vm[0] > left / 3 || 2 * (sf[0] + inf[0]) + 3 * (dm[0] + vm[0]) > left) {
            return "corrupt DEX class data (" + (sf[0] + inf[0]) + " fields and " + (dm[0] + vm[0])
                    + " methods, more than fit in the file)";
        }
        for (long k = 0; k < sf[0] + inf[0]; k++) {
            pos = uleb(uleb(pos)[1])[1];
        }
        for (long k = 0; k < dm[0] + vm[0]; k++) {
            long[] idx = uleb(pos);
            long[] access = uleb(idx[1]);
            long[] code = uleb(access[1]);
            pos = code[1];
            if (code[0] != 0) {
                String p = codeItem(code[0]);
                if (p != null) return p;
            }
        }
        return null;
    }

    private String codeItem(long off) {
        if (off + 16 > size) return "corrupt DEX code item (outside the file)";
        int registers = u16(off);
        int ins = u16(off + 2);
        int tries = u16(off + 6);
        long debug = u32(off + 8);
        long units = u32(off + 12);
        if (ins > registers) return "corrupt DEX code item (" + ins + " parameter registers of " + registers + ")";
        if (units > (size - off - 16) / 2) {
            return "corrupt DEX code item (" + units + " code units, more than fit in the file)";
        }
        long end = off + 16 + 2 * units;
        if (tries > 0) {
            if ((units & 1) == 1) end += 2;
            if ((long) tries * 8 > size - end) return "corrupt DEX code item (" + tries + " try blocks, more than fit in the file)";
            long handlers = end + 8L * tries;
            long[] n = uleb(handlers);
            if (n[0] > size - n[1]) return "corrupt DEX code item (" + n[0] + " exception handler lists, more than fit in the file)";
        }
        if (debug != 0) {
            if (debug >= size) return "corrupt DEX debug info (outside the file)";
            long[] line = uleb(debug);
            long[] params = uleb(line[1]);
            if (params[0] > size - params[1]) {
                return "corrupt DEX debug info (" + params[0] + " parameter names, more than fit in the file)";
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------- reading

    /** An unsigned LEB128 at {@code off}: {value, offset after it}. */
    private long[] uleb(long off) {
        long v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (off >= size || off < 0) throw new Bad("a length at offset " + off + " lies outside the file");
            int x = b[(int) off++] & 0xff;
            v |= (long) (x & 0x7f) << shift;
            if ((x & 0x80) == 0) return new long[]{v, off};
        }
        throw new Bad("a length longer than five bytes");
    }

    private int u16(long i) {
        if (i < 0 || i + 2 > size) throw new Bad("offset " + i + " lies outside the file");
        return (b[(int) i] & 0xff) | ((b[(int) i + 1] & 0xff) << 8);
    }

    private long u32(long i) {
        if (i < 0 || i + 4 > size) throw new Bad("offset " + i + " lies outside the file");
        int k = (int) i;
        return (b[k] & 0xffL) | ((b[k + 1] & 0xffL) << 8) | ((b[k + 2] & 0xffL) << 16) | ((b[k + 3] & 0xffL) << 24);
    }
}
