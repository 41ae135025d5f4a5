package dev.triage.intake.android;

/**
 * Checks the header of a DEX file before dex2jar reads it: magic and version, header size, byte order,
 * declared file size, and that every id table and every string offset lies inside the file.
 */
public final class DexHeader {
    private static final int HEADER = 0x70;

    private DexHeader() {
    }

    /** True when the bytes start with the DEX magic {@code dex\n}. */
    public static boolean hasMagic(byte[] b) {
        return b.length >= 4 && b[0] == 'd' && b[1] == 'e' && b[2] == 'x' && b[3] == '\n';
    }

    /** Why these bytes are not a DEX file intake can read, or null when the header is sound. */
    public static String check(byte[] b) {
        if (!hasMagic(b)) {
            return "not a DEX file (bad magic)";
        }
        if (b.length < HEADER) {
            return "truncated DEX file (" + b.length + " bytes, the header alone is " + HEADER + ")";
        }
        if (b[4] < '0' || b[4] > '9' || b[5] < '0' || b[5] > '9' || b[6] < '0' || b[6] > '9' || b[7] != 0) {
            return "not a DEX file (bad version in magic)";
        }
        int version = (b[4] - '0') * 100 + (b[5] - '0') * 10 + (b[6] - '0');
        if (version < 35 || version > 41) {
            return "unsupported DEX version " + version;
        }
        long fileSize = u32(b, 32);
        long headerSize = u32(b, 36);
        long endian = u32(b, 40);
        if (endian != 0x12345678L) {
            return endian == 0x78563412L ? "big-endian DEX files are not supported"
                    : String.format("corrupt DEX header (endian tag 0x%08X)", endian);
        }
        if (headerSize < HEADER || headerSize > b.length) {
            return "corrupt DEX header (header size " + headerSize + ")";
        }
        if (fileSize > b.length) {
            return "truncated DEX file (header says " + fileSize + " bytes, " + b.length + " present)";
        }
        if (fileSize < headerSize) {
            return "corrupt DEX header (file size " + fileSize + ")";
        }
        String[] names = {"string_ids", "type_ids", "proto_ids", "field_ids", "method_ids", "class_defs"};
        int[] itemSize = {4, 4, 12, 8, 8, 32};
        for (int i = 0; i < names.length; i++) {
            long size = u32(b, 56 + 8 * i);
            long off = u32(b, 60 + 8 * i);
            if (size == 0) {
                continue;
            }
            if (off < headerSize || off + size * itemSize[i] > fileSize) {
                return "corrupt DEX header (" + names[i] + ": " + size + " items at offset " + off
                        + " lie outside the " + fileSize + "-byte file)";
            }
        }
        long mapOff = u32(b, 52);
        if (mapOff != 0 && mapOff + 4 > fileSize) {
            return "corrupt DEX header (map offset " + mapOff + " outside the file)";
        }
        long dataSize = u32(b, 104);
        long dataOff = u32(b, 108);
        if (dataSize != 0 && dataOff + dataSize > fileSize) {
            return "corrupt DEX header (data section outside the file)";
        }
        long strings = u32(b, 56);
        int stringsOff = (int) u32(b, 60);
        for (int i = 0; i < strings; i++) {
            long so = u32(b, stringsOff + 4 * i);
            if (so >= fileSize) {
                return "corrupt DEX file (string #" + i + " at offset " + so + " outside the file)";
            }
        }
        return null;
    }

    /** The DEX version (35..41) from a checked header. */
    public static int version(byte[] b) {
        return (b[4] - '0') * 100 + (b[5] - '0') * 10 + (b[6] - '0');
    }

    private static long u32(byte[] b, int i) {
        return ((b[i] & 0xffL)) | ((b[i + 1] & 0xffL) << 8) | ((b[i + 2] & 0xffL) << 16) | ((b[i + 3] & 0xffL) << 24);
    }
}
