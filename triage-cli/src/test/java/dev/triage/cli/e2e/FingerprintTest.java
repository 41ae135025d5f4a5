package dev.triage.cli.e2e;

import dev.triage.cli.ScanPipeline;
import dev.triage.cli.ScanRequest;
import dev.triage.findings.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Fingerprints survive line shifts, an added method and recompilation; they tell two equal flaws in one method apart. */
class FingerprintTest {
    static final String BODY = """
            import java.security.MessageDigest;
            import javax.crypto.Cipher;
            public class Records {
                public byte[] checksum(byte[] data) throws Exception {
                    return MessageDigest.getInstance("MD5").digest(data);
                }
                public Cipher twoCiphers(boolean legacy) throws Exception {
                    Cipher a = Cipher.getInstance("DES/ECB/PKCS5Padding");
                    Cipher b = Cipher.getInstance("DES/ECB/PKCS5Padding");
                    return legacy ? a : b;
                }
            }
            """;

    static List<Finding> scan(Path dir, String source) throws Exception {
        Path src = dir.resolve("src/Records.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path out = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-g", "-d", out.toString(), src.toString()));
        return ScanPipeline.run(ScanRequest.of(List.of(out))).findings();
    }

    @Test
    void stableAcrossLineShiftsAndRecompilation(@TempDir Path tmp) throws Exception {
        List<Finding> before = scan(tmp.resolve("a"), BODY);
        String shifted = "// a licence header\n\n\n\n" + BODY.replace("public class Records {",
                "public class Records {\n    public int unrelated() { return 42; }\n\n");
        List<Finding> after = scan(tmp.resolve("b"), shifted);
        assertEquals(3, before.size(), before.toString());
        assertEquals(fingerprints(before), fingerprints(after));
        assertNotEquals(before.get(0).location().line(), after.get(0).location().line());
        assertEquals(fingerprints(before), fingerprints(scan(tmp.resolve("c"), BODY)), "recompiling changes nothing");
    }

    @Test
    void twoEqualFlawsInOneMethodHaveDifferentFingerprints(@TempDir Path tmp) throws Exception {
        List<Finding> f = scan(tmp, BODY);
        assertEquals(3, fingerprints(f).size());
    }

    static Set<String> fingerprints(List<Finding> findings) {
        Set<String> s = new TreeSet<>();
        findings.forEach(f -> s.add(f.fingerprint()));
        return s;
    }
}
