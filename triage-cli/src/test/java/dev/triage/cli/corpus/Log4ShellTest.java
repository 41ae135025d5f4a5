package dev.triage.cli.corpus;

import dev.triage.cli.ScanPipeline;
import dev.triage.cli.ScanRequest;
import dev.triage.findings.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The corpus case logforging/log4shell scanned with library jars beside its classes: which rule each logging call
 * reports is decided by the bundled log4j-core's version (2.0-beta9 to 2.14.1) and, for SLF4J, by its Log4j 2 bridge.
 */
class Log4ShellTest {
    @TempDir
    Path tmp;

    @Test
    void vulnerableCoreMakesTheLog4jCallLog4Shell() throws IOException {
        assertEquals(Map.of("viaLog4j", "java/log4shell", "viaSlf4j", "java/log-injection"), rules("a", "log4j-core-2.14.1.jar"));
    }

    @Test
    void theSlf4jBridgeRoutesSlf4jToTheVulnerableCore() throws IOException {
        assertEquals(Map.of("viaLog4j", "java/log4shell", "viaSlf4j", "java/log4shell"),
                rules("b", "log4j-core-2.0-beta9.jar", "log4j-slf4j-impl-2.0-beta9.jar"));
    }

    @Test
    void fixedOrOlderCoresAreLogInjectionOnly() throws IOException {
        Map<String, String> plain = Map.of("viaLog4j", "java/log-injection", "viaSlf4j", "java/log-injection");
        assertEquals(plain, rules("c", "log4j-core-2.17.1.jar", "log4j-slf4j-impl-2.17.1.jar"));
        assertEquals(plain, rules("d", "log4j-core-2.15.0.jar"));
        assertEquals(plain, rules("e", "log4j-core-2.0-beta8.jar"));
        assertEquals(plain, rules("f"));
    }

    private Map<String, String> rules(String name, String... jars) throws IOException {
        CorpusCase c = CorpusCase.discover().stream().filter(x -> x.id().equals("logforging/log4shell")).findFirst().orElseThrow();
        Path classes = CaseCompiler.compile(c, tmp.resolve(name));
        Path lib = Files.createDirectories(classes.resolve("WEB-INF-lib"));
        for (String jar : jars) emptyJar(lib.resolve(jar));
        List<Finding> findings = ScanPipeline.run(ScanRequest.of(List.of(classes))).findings();
        Map<String, String> out = new TreeMap<>();
        for (Finding f : findings) {
            String rule = f.rule().id();
            if (!rule.equals("java/log-injection") && !rule.equals("java/log4shell")) continue;
            out.put(f.location().methodName(), rule);
            if (rule.equals("java/log4shell")) {
                assertEquals(5, f.severity().level());
                assertTrue(f.message().contains("Log4Shell"), f.message());
            }
        }
        return out;
    }

    /** A jar with one text entry: only its file name matters here. */
    private static void emptyJar(Path p) throws IOException {
        try (OutputStream o = Files.newOutputStream(p); ZipOutputStream z = new ZipOutputStream(o)) {
            z.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            z.write("Manifest-Version: 1.0\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            z.closeEntry();
        }
    }
}
