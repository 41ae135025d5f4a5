package dev.triage.analysis.value;

import dev.triage.analysis.model.Models;
import dev.triage.intake.ClassEntry;
import dev.triage.intake.CodeRole;
import dev.triage.intake.LibraryArchive;
import dev.triage.program.Program;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Summaries computed from library bytecode: the JDK's, and a bundled library's (generated here, never loaded). */
class LibraryCodeSummariesTest {
    private static final Models MODELS = Models.builtIn();

    @Test
    void scannerKeepsItsStreamAndIsFluent() {
        LibraryCodeSummaries lib = new LibraryCodeSummaries(Program.builder().build(), MODELS);
        var init = lib.of("java/util/Scanner", "<init>", "(Ljava/io/InputStream;)V");
        assertTrue(init.known() && init.flowsToThis(0), "new Scanner(in) keeps in: " + init);
        var charset = lib.of("java/util/Scanner", "<init>", "(Ljava/io/InputStream;Ljava/lang/String;)V");
        assertTrue(charset.flowsToThis(0), "new Scanner(in, charset) keeps in: " + charset);
        var delimiter = lib.of("java/util/Scanner", "useDelimiter", "(Ljava/lang/String;)Ljava/util/Scanner;");
        assertTrue(delimiter.returnsThis(), "useDelimiter returns the scanner: " + delimiter);
        var next = lib.of("java/util/Scanner", "next", "()Ljava/lang/String;");
        assertTrue(next.flowsToReturn(-1), "next() reads the scanner: " + next);
    }

    @Test
    void interfacesAndUnknownClassesHaveNoSummary() {
        LibraryCodeSummaries lib = new LibraryCodeSummaries(Program.builder().build(), MODELS);
        assertFalse(lib.of("java/lang/Runnable", "run", "()V").known());
        assertFalse(lib.of("com/example/Missing", "get", "()Ljava/lang/String;").known());
    }

    @Test
    void bundledLibraryCodeIsSummarisedAndSharedByJarDigest() {
        Program p1 = programWith(holderClass(), "a".repeat(64));
        LibraryCodeSummaries lib = new LibraryCodeSummaries(p1, MODELS);
        var init = lib.of("lib/Holder", "<init>", "(Ljava/lang/String;)V");
        assertTrue(init.flowsToThis(0), "constructor stores its argument: " + init);
        var get = lib.of("lib/Holder", "get", "()Ljava/lang/String;");
        assertTrue(get.flowsToReturn(-1) && !get.returnsThis(), "getter returns a field: " + get);
        var with = lib.of("lib/Holder", "with", "(Ljava/lang/String;)Llib/Holder;");
        assertTrue(with.returnsThis() && with.flowsToThis(0), "fluent setter: " + with);
        var ignore = lib.of("lib/Holder", "ignore", "(Ljava/lang/String;)Ljava/lang/String;");
        assertTrue(ignore.known() && !ignore.flowsToReturn(0) && !ignore.flowsToThis(0), "returns a constant: " + ignore);

        // a second scan of the same jar (same digest) reuses the summaries; another version computes its own
        long computedBefore = LibraryCodeSummaries.counters()[0];
        LibraryCodeSummaries again = new LibraryCodeSummaries(programWith(holderClass(), "a".repeat(64)), MODELS);
        assertEquals(get, again.of("lib/Holder", "get", "()Ljava/lang/String;"));
        assertEquals(computedBefore, LibraryCodeSummaries.counters()[0]);
        LibraryCodeSummaries other = new LibraryCodeSummaries(programWith(holderClass(), "b".repeat(64)), MODELS);
        other.of("lib/Holder", "get", "()Ljava/lang/String;");
        assertEquals(computedBefore + 1, LibraryCodeSummaries.counters()[0]);
    }

    private static Program programWith(byte[] holder, String sha256) {
        Program.Builder b = Program.builder();
        b.onLibrary(new LibraryArchive("holder-1.0.jar", "app.war!/WEB-INF/lib/holder-1.0.jar", 100, "0".repeat(40), sha256, 1));
        b.onClass(new ClassEntry("lib/Holder", holder, CodeRole.LIBRARY, "app.war!/WEB-INF/lib/holder-1.0.jar!/lib/Holder.class",
                "app.war!/WEB-INF/lib/holder-1.0.jar"));
        return b.build();
    }

    /** {@code class Holder { String v; Holder(String v) {this.v = v;} String get() {return v;} Holder with(String s) {v = s; return this;} String ignore(String s) {return "x";} }} */
    private static byte[] holderClass() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "lib/Holder", null, "java/lang/Object", null);
        cw.visitField(Opcodes.ACC_PRIVATE, "v", "Ljava/lang/String;", null, null).visitEnd();
        MethodVisitor m = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "(Ljava/lang/String;)V", null, null);
        m.visitCode();
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitVarInsn(Opcodes.ALOAD, 1);
        m.visitFieldInsn(Opcodes.PUTFIELD, "lib/Holder", "v", "Ljava/lang/String;");
        m.visitInsn(Opcodes.RETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        m = cw.visitMethod(Opcodes.ACC_PUBLIC, "get", "()Ljava/lang/String;", null, null);
        m.visitCode();
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitFieldInsn(Opcodes.GETFIELD, "lib/Holder", "v", "Ljava/lang/String;");
        m.visitInsn(Opcodes.ARETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        m = cw.visitMethod(Opcodes.ACC_PUBLIC, "with", "(Ljava/lang/String;)Llib/Holder;", null, null);
        m.visitCode();
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitVarInsn(Opcodes.ALOAD, 1);
        m.visitFieldInsn(Opcodes.PUTFIELD, "lib/Holder", "v", "Ljava/lang/String;");
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitInsn(Opcodes.ARETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        m = cw.visitMethod(Opcodes.ACC_PUBLIC, "ignore", "(Ljava/lang/String;)Ljava/lang/String;", null, null);
        m.visitCode();
        m.visitLdcInsn("x");
        m.visitInsn(Opcodes.ARETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
