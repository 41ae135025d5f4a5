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
}
