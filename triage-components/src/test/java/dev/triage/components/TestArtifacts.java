package dev.triage.components;

import dev.triage.intake.ArtifactReader;
import dev.triage.intake.ClassEntry;
import dev.triage.intake.IntakeListener;
import dev.triage.intake.IntakeOptions;
import dev.triage.intake.LibraryArchive;
import dev.triage.intake.ResourceEntry;
import dev.triage.intake.SkippedInput;
import dev.triage.program.Program;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds test wars from real jars and generated app classes, and scans them into a program model. */
final class TestArtifacts {
    static final Path JARS = Path.of("target/test-jars");
    static final Path OSV = Path.of("src/test/resources/osv");

    private TestArtifacts() {
    }

    static Path jar(String fileName) {
        Path p = JARS.resolve(fileName);
        if (!Files.isRegularFile(p)) throw new IllegalStateException("test jar missing (maven-dependency-plugin copies it): " + p);
        return p;
    }

    /** Entries of a zip, in order; values are bytes. Entry times are {@code time} (epoch millis). */
    static byte[] zip(Map<String, byte[]> entries, long time) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bos)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry ze = new ZipEntry(e.getKey());
                ze.setTime(time);
                z.putNextEntry(ze);
                z.write(e.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bos.toByteArray();
    }

    /** A war: WEB-INF/classes from {@code classes} (internal name → bytes), WEB-INF/lib from {@code libs} (file name → bytes). */
    static Path war(Path dir, String name, Map<String, byte[]> classes, Map<String, byte[]> libs, long time) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        classes.forEach((n, b) -> entries.put("WEB-INF/classes/" + n + ".class", b));
        libs.forEach((n, b) -> entries.put("WEB-INF/lib/" + n, b));
        Path war = dir.resolve(name);
        Files.write(war, zip(entries, time));
        Files.setLastModifiedTime(war, FileTime.fromMillis(time));
        return war;
    }

    static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A public app class with a public method {@code handle(String)} that logs its argument through the
     * Log4j API ({@code LogManager.getLogger().error(msg)}) when {@code logs}, else only returns it.
     */
    static byte[] appClass(String internalName, boolean logs) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V11, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, internalName, null, "java/lang/Object", null);
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor m = cw.visitMethod(Opcodes.ACC_PUBLIC, "handle", "(Ljava/lang/String;)Ljava/lang/String;", null, null);
        m.visitCode();
        if (logs) {
            m.visitMethodInsn(Opcodes.INVOKESTATIC, "org/apache/logging/log4j/LogManager", "getLogger",
                    "()Lorg/apache/logging/log4j/Logger;", false);
            m.visitVarInsn(Opcodes.ALOAD, 1);
            m.visitMethodInsn(Opcodes.INVOKEINTERFACE, "org/apache/logging/log4j/Logger", "error", "(Ljava/lang/String;)V", true);
        }
        m.visitVarInsn(Opcodes.ALOAD, 1);
        m.visitInsn(Opcodes.ARETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** A jar that looks like log4j-core by name but has other coordinates (a fork). */
    static byte[] forkJar(String group, String artifact, String version) {
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        e.put("META-INF/maven/" + group + "/" + artifact + "/pom.properties",
                ("groupId=" + group + "\nartifactId=" + artifact + "\nversion=" + version + "\n").getBytes(StandardCharsets.ISO_8859_1));
        e.put("com/example/fork/Placeholder.class", appClass("com/example/fork/Placeholder", false));
        return zip(e, 1_600_000_000_000L);
    }

    record Scanned(Program program, LibraryClassIndex index) {
    }

    static Scanned scan(List<Path> inputs) {
        Program.Builder b = Program.builder();
        LibraryClassIndex index = new LibraryClassIndex();
        new ArtifactReader(IntakeOptions.defaults()).read(inputs, new IntakeListener() {
            @Override public void onClass(ClassEntry e) { b.onClass(e); index.onClass(e); }
            @Override public void onResource(ResourceEntry e) { b.onResource(e); }
            @Override public void onLibrary(LibraryArchive l) { b.onLibrary(l); }
            @Override public void onSkipped(SkippedInput s) { b.onSkipped(s); }
            @Override public void onNewestEntryTime(long t) { b.onNewestEntryTime(t); }
        });
        return new Scanned(b.build(), index);
    }
}
