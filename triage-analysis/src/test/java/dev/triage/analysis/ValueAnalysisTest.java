package dev.triage.analysis;

import dev.triage.analysis.model.Models;
import dev.triage.analysis.value.Value;
import dev.triage.intake.ClassEntry;
import dev.triage.intake.CodeRole;
import dev.triage.intake.ResourceEntry;
import dev.triage.program.Program;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import javax.tools.ToolProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The value analysis on small compiled programs: what constant reaches a call's argument. */
class ValueAnalysisTest {
    @TempDir
    Path tmp;

    static final String SRC = """
            package t;
            import java.util.Properties;
            public class Sample {
                static final String ALG = "DES";
                static final String MODE;
                static { MODE = "ECB"; }
                static String pick() { return "MD5"; }
                void sink(String s) { }
                void concat(String user) { sink(ALG + "/" + MODE + "/PKCS5Padding"); }
                void builder() { StringBuilder b = new StringBuilder("AES"); b.append('/'); b.append("GCM"); sink(b.toString()); }
                void helper() { sink(pick()); }
                void branches(boolean legacy) { String a = legacy ? "DES" : "AES/GCM/NoPadding"; sink(a); }
                void partly(String host) { sink("http://" + host + "/api"); }
                void props() throws Exception { Properties p = new Properties(); sink(p.getProperty("crypto.alg")); sink(p.getProperty("absent", "SHA-256")); }
                void strings() { sink(" sha1 ".trim().toUpperCase().replace("SHA1", "SHA-1")); }
                void loop() { String s = ""; for (int i = 0; i < 3; i++) { s = s + i; } sink(s); }
                void merged(boolean c, String x, String y) {
                    Runnable r = c ? () -> sink(x) : () -> sink(y);
                    r.run();
                    boolean ok = c ? x.matches("[a-z]+") : y.matches("[0-9]+");
                    if (ok) sink(x);
                    String v = x;
                    Runnable last = null;
                    for (int i = 0; i < 3; i++) {
                        boolean fine = v.matches("[a-z]+");
                        String w = v;
                        last = () -> sink(w);
                        v = v + "a";
                        if (fine) continue;
                    }
                    last.run();
                }
            }
            """;

    Program program() throws Exception {
        Path src = tmp.resolve("src/t/Sample.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, SRC);
        Path out = Files.createDirectories(tmp.resolve("out"));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-g", "-d", out.toString(), src.toString()));
        Program.Builder b = Program.builder();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String name = out.relativize(f).toString().replace(".class", "").replace('\\', '/');
                b.onClass(new ClassEntry(name, Files.readAllBytes(f), CodeRole.APP, f.toString(), null));
            }
        }
        b.onResource(new ResourceEntry("crypto.properties", "crypto.properties",
                "# algorithms\ncrypto.alg = Blowfish\n".getBytes(StandardCharsets.ISO_8859_1), CodeRole.APP));
        return b.build();
    }

    /** Values of the argument of every call to sink(...) in a method, in order. */
    static java.util.List<Value> sinkArgs(AnalysisContext ctx, String method) {
        ClassNode c = ctx.classNode("t/Sample");
        MethodNode m = AnalysisContext.findMethod(c, method, c.methods.stream().filter(x -> x.name.equals(method)).findFirst().orElseThrow().desc);
        MethodFrames f = ctx.analyse(c, m, 0);
        java.util.List<Value> out = new java.util.ArrayList<>();
        for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof MethodInsnNode mi && mi.name.equals("sink")) out.add(f.argument(mi, mi.desc, true, 0));
        }
        return out;
    }

    AnalysisContext ctx() throws Exception {
        return new AnalysisContext(program(), Models.builtIn(), new Deadline(Duration.ofMinutes(1)));
    }

    @Test
    void resolvesConstantsThroughFieldsConcatenationBuildersHelpersAndProperties() throws Exception {
        AnalysisContext ctx = ctx();
        assertEquals(Set.of("DES/ECB/PKCS5Padding"), sinkArgs(ctx, "concat").get(0).constants());
        assertEquals(Set.of("AES/GCM"), sinkArgs(ctx, "builder").get(0).constants());
        assertEquals(Set.of("MD5"), sinkArgs(ctx, "helper").get(0).constants());
        assertEquals(Set.of("DES", "AES/GCM/NoPadding"), Set.copyOf(sinkArgs(ctx, "branches").get(0).constants()));
        Value partly = sinkArgs(ctx, "partly").get(0);
        assertNull(partly.constants());
        assertEquals("http://", partly.prefix());
        var props = sinkArgs(ctx, "props");
        assertEquals(Set.of("Blowfish"), props.get(0).constants());
        assertTrue(props.get(0).origin().description().contains("crypto.properties"));
        assertEquals(Set.of("SHA-256"), props.get(1).constants());
        assertEquals(Set.of("SHA-1"), sinkArgs(ctx, "strings").get(0).constants());
    }

    @Test
    void loopsReachAFixpoint() throws Exception {
        Value v = sinkArgs(ctx(), "loop").get(0);
        assertNotNull(v);
        assertNull(v.constants(), "a value built in a loop is not a constant");
    }

    @Test
    void mergedLambdasAndGuardsAreAnalysed() throws Exception {
        AnalysisContext ctx = ctx();
        assertEquals(1, sinkArgs(ctx, "merged").size(), "the one sink call of the method itself (the lambdas have their own)");
        assertEquals(java.util.List.of(), ctx.problems(), "facts merged from two lambdas or two guards are UNKNOWN, not a crash");
    }

    @Test
    void oldSubroutineBytecodeIsAnalysed() {
        // try/finally as javac 1.4 compiled it: JSR/RET, class version 48.
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V1_4, Opcodes.ACC_PUBLIC, "old/Legacy", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", "()V", null, null);
        mv.visitCode();
        Label sub = new Label();
        Label end = new Label();
        mv.visitJumpInsn(Opcodes.JSR, sub);
        mv.visitJumpInsn(Opcodes.GOTO, end);
        mv.visitLabel(sub);
        mv.visitVarInsn(Opcodes.ASTORE, 0);
        mv.visitLdcInsn("MD5");
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/security/MessageDigest", "getInstance",
                "(Ljava/lang/String;)Ljava/security/MessageDigest;", false);
        mv.visitInsn(Opcodes.POP);
        mv.visitVarInsn(Opcodes.RET, 0);
        mv.visitLabel(end);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        Program.Builder b = Program.builder();
        b.onClass(new ClassEntry("old/Legacy", cw.toByteArray(), CodeRole.APP, "old/Legacy.class", null));
        AnalysisContext ctx = new AnalysisContext(b.build(), Models.builtIn(), new Deadline(Duration.ofMinutes(1)));
        ClassNode c = ctx.classNode("old/Legacy");
        MethodFrames f = ctx.analyse(c, c.methods.get(0), 0);
        assertNotNull(f, "analysis problems: " + ctx.problems());
        Analyses.Result r = Analyses.run(ctx.program(), Models.builtIn(), Analyses.builtInDetectors(Models.builtIn()), 1,
                new Deadline(Duration.ofMinutes(1)), null);
        assertEquals(1, r.detections().size(), r.detections().toString());
    }

    @Test
    void exhaustedBudgetIsReportedNotThrown() throws Exception {
        Program p = program();
        Analyses.Result r = Analyses.run(p, Models.builtIn(), Analyses.builtInDetectors(Models.builtIn()), 1,
                new Deadline(Duration.ofNanos(1)), null);
        assertTrue(!r.complete() && r.problems().stream().anyMatch(s -> s.contains("budget")), r.problems().toString());
    }
}
