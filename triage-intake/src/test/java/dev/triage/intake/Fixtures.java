package dev.triage.intake;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds real class bytes (with ASM) and archives (with ZipOutputStream) for the tests. */
final class Fixtures {
    private Fixtures() {
    }

    static byte[] cls(String internalName) {
        return cls(internalName, null);
    }

    /** A minimal class; {@code marker}, when given, becomes a field name so copies can be told apart. */
    static byte[] cls(String internalName, String marker) {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, internalName, null, "java/lang/Object", null);
        if (marker != null) {
            cw.visitField(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, marker, "I", null, null).visitEnd();
        }
        cw.visitEnd();
        return cw.toByteArray();
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** An ordered map of entries; use {@link #zip(Object...)} for brevity. */
    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bout = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bout)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bout.toByteArray();
    }

    /** zip("a/B.class", bytes, "x.properties", bytes, ...) */
    static byte[] zip(Object... nameThenBytes) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenBytes.length; i += 2) {
            m.put((String) nameThenBytes[i], (byte[]) nameThenBytes[i + 1]);
        }
        return zip(m);
    }

    static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip with one deflated entry of {@code zeros} zero bytes, streamed (never held in memory). */
    static Path zerosZip(Path file, String entryName, long zeros, Object... moreNameThenBytes) throws IOException {
        Files.createDirectories(file.getParent());
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            for (int i = 0; i < moreNameThenBytes.length; i += 2) {
                z.putNextEntry(new ZipEntry((String) moreNameThenBytes[i]));
                z.write((byte[]) moreNameThenBytes[i + 1]);
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry(entryName));
            byte[] buf = new byte[1 << 20];
            for (long left = zeros; left > 0; left -= buf.length) {
                z.write(buf, 0, (int) Math.min(buf.length, left));
            }
            z.closeEntry();
        }
        return file;
    }

    /**
     * A copy of a zip in which the CRC-32 that entry {@code name} declares (central directory, local header and data
     * descriptor alike) is off by one bit: the data no longer matches it, everything else is intact.
     */
    static byte[] badCrc(byte[] zip, String name) {
        return patchEntry(zip, name, 16, 14, true);
    }

    /** A copy of a zip in which entry {@code name} declares one byte less of uncompressed data than it has. */
    static byte[] shortSize(byte[] zip, String name) {
        return patchEntry(zip, name, 24, 22, false);
    }

    private static byte[] patchEntry(byte[] zip, String name, int cenField, int locField, boolean crc) {
        byte[] z = zip.clone();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(z).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int eocd = z.length - 22;
        while (b.getInt(eocd) != 0x06054b50) {
            eocd--;
        }
        int p = b.getInt(eocd + 16);
        int count = b.getShort(eocd + 10) & 0xffff;
        for (int i = 0; i < count; i++) {
            int nameLen = b.getShort(p + 28) & 0xffff;
            int extra = b.getShort(p + 30) & 0xffff;
            int comment = b.getShort(p + 32) & 0xffff;
            String n = new String(z, p + 46, nameLen, StandardCharsets.UTF_8);
            if (n.equals(name)) {
                int loc = b.getInt(p + 42);
                int value = crc ? b.getInt(p + cenField) ^ 1 : b.getInt(p + cenField) - 1;
                b.putInt(p + cenField, value);
                int flags = b.getShort(loc + 6) & 0xffff;
                if (b.getInt(loc + locField) != 0 || (flags & 8) == 0) {
                    b.putInt(loc + locField, value);
                }
                if ((flags & 8) != 0) {
                    // data descriptor after the data: [signature] crc, compressed size, size
                    int data = loc + 30 + (b.getShort(loc + 26) & 0xffff) + (b.getShort(loc + 28) & 0xffff);
                    int dd = data + b.getInt(p + 20);
                    if (b.getInt(dd) == 0x08074b50) {
                        dd += 4;
                    }
                    b.putInt(dd + (crc ? 0 : 8), value);
                }
                return z;
            }
            p += 46 + nameLen + extra + comment;
        }
        throw new IllegalArgumentException("no entry " + name);
    }
}
