package dev.triage.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.cli.ScanPipeline;
import dev.triage.cli.ScanRequest;
import dev.triage.findings.ScanProblem;
import dev.triage.findings.ScanResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import javax.tools.ToolProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 21, one guarded parse: a class whose header reads but whose code does not (an opcode that does not exist) is
 * parsed once, when the program model is built, becomes one problem line there, and no later stage (call graph, entry
 * points, detectors, the components' reference scan, reports) ever meets it; the good class beside it is still
 * analysed and reported. Before, the components stage parsed it again, unguarded, and the scan died with no report.
 */
class MalformedClassTest {
    @Test
    void aClassWithUnreadableCodeCostsOneProblemLineAndEveryStageSurvives(@TempDir Path tmp) throws Exception {
        Path app = tmp.resolve("app");
        Path src = tmp.resolve("src/Good.java");
        Files.createDirectories(src.getParent());
        Files.createDirectories(app);
        Files.writeString(src, "public class Good { public byte[] h(byte[] d) throws Exception {"
                + " Bad.touch(); return java.security.MessageDigest.getInstance(\"MD5\").digest(d); } }");
        Files.write(app.resolve("Bad.class"), badClass(false));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", app.toString(), "-cp",
                app.toString(), src.toString()));
        // the sound twin parses, so the class file is broken only where it was meant to be
        new org.objectweb.asm.ClassReader(badClass(false)).accept(new org.objectweb.asm.tree.ClassNode(), 0);
        Files.write(app.resolve("Bad.class"), badClass(true));

        ScanResult result = ScanPipeline.run(ScanRequest.of(List.of(app)));
        assertTrue(result.findings().stream().anyMatch(f -> f.rule().id().equals("java/weak-hash")
                && f.location().className().equals("Good")), "the good class is analysed: " + result.findings());
        List<ScanProblem> bad = result.problems().stream().filter(p -> p.describe().contains("Bad.class")).toList();
        assertEquals(1, bad.size(), "one problem line for the malformed class: " + result.problems());
        assertTrue(bad.get(0).reason().startsWith("malformed class, not analysed"), bad.get(0).reason());
        assertEquals(ScanProblem.Kind.INPUT, bad.get(0).kind());
        assertFalse(result.problems().stream().anyMatch(p -> p.reason().contains("analysis failed")
                || p.kind() != ScanProblem.Kind.INPUT), "no later stage met the class: " + result.problems());

        // the command line: a report, exit 0, and the problem on stderr although only JSON is written
        Path out = tmp.resolve("out");
        CliTest.Run run = CliTest.triage("scan", app.toString(), "-f", "json", "-o", out.toString(), "--no-progress",
                "--db", tmp.resolve("no-db").toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().lines().anyMatch(l -> l.startsWith("triage: problem: ") && l.contains("Bad.class")
                && l.contains("malformed class")), run.err());
        assertTrue(run.err().lines().anyMatch(l -> l.startsWith("Triage: ") && l.contains("problem")), run.err());
        JsonNode report = CliTest.JSON.readTree(out.resolve("triage.json").toFile());
        assertTrue(report.toString().contains("Bad.class"), "the report names what was not scanned");
    }

    /** Class {@code Bad} with {@code static void touch()}; when {@code broken}, its code holds opcode 0xFE (no such instruction). */
    static byte[] badClass(boolean broken) {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V11, Opcodes.ACC_PUBLIC, "Bad", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "touch", "()V", null, null);
        mv.visitCode();
        mv.visitIntInsn(Opcodes.SIPUSH, 0x1234);
        mv.visitInsn(Opcodes.POP);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(1, 0);
        mv.visitEnd();
        cw.visitEnd();
        byte[] b = cw.toByteArray();
        if (broken) {
            for (int i = 0; i + 4 < b.length; i++) {
                if (b[i] == 0x11 && b[i + 1] == 0x12 && b[i + 2] == 0x34 && b[i + 3] == 0x57 && b[i + 4] == (byte) 0xB1) {
                    b[i + 3] = (byte) 0xFE;
                    return b;
                }
            }
            throw new AssertionError("the code of touch() was not found");
        }
        return b;
    }
}
