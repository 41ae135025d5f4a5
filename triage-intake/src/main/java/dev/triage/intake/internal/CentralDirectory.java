package dev.triage.intake.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads only the entry names from the central directory of an in-memory zip, without inflating
 * anything. Used to pick multi-release versions before streaming. Returns null when the directory
 * cannot be read (the caller then streams without it).
 */
final class CentralDirectory {
    private CentralDirectory() {
    }

    static List<String> names(byte[] z, int maxNames) {
        try {
            int end = -1;
            for (int i = z.length - 22; i >= Math.max(0, z.length - 22 - 65535); i--) {
                if (z[i] == 0x50 && z[i + 1] == 0x4b && z[i + 2] == 5 && z[i + 3] == 6) {
                    end = i;
                    break;
                }
            }
            if (end < 0) {
                return null;
            }
            int count = u16(z, end + 10);
            long cenOff = u32(z, end + 16);
            if (count == 0xFFFF || cenOff == 0xFFFFFFFFL || cenOff >= z.length) {
                return null;
            }
            List<String> names = new ArrayList<>();
            int p = (int) cenOff;
            for (int i = 0; i < count && names.size() <= maxNames; i++) {
                if (p + 46 > z.length || u32(z, p) != 0x02014b50L) {
                    return null;
                }
                int nameLen = u16(z, p + 28);
                int extraLen = u16(z, p + 30);
                int commentLen = u16(z, p + 32);
                if (p + 46 + nameLen > z.length) {
                    return null;
                }
                names.add(new String(z, p + 46, nameLen, StandardCharsets.UTF_8));
                p += 46 + nameLen + extraLen + commentLen;
            }
            return names;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xff) | ((b[i + 1] & 0xff) << 8);
    }

    private static long u32(byte[] b, int i) {
        return (u16(b, i) | ((long) u16(b, i + 2) << 16)) & 0xFFFFFFFFL;
    }
}
