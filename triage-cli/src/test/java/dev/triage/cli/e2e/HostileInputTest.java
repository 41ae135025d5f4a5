package dev.triage.cli.e2e;

import dev.triage.cli.ScanPipeline;
import dev.triage.cli.ScanRequest;
import dev.triage.findings.ScanProblem;
import dev.triage.findings.ScanResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One scan over a good app next to hostile inputs: each hostile one gives a clear problem line,
 * in bounded time, and the good app is still scanned and reported.
 */
class HostileInputTest {
    @Test
    void hostileInputsAreReportedAndTheRestIsScanned(@TempDir Path tmp) throws Exception {
        Path good = tmp.resolve("good");
        Path src = tmp.resolve("src/Good.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "public class Good { public byte[] h(byte[] d) throws Exception {"
                + " return java.security.MessageDigest.getInstance(\"MD5\").digest(d); } }");
        Files.createDirectories(good);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", good.toString(), src.toString()));
        byte[] goodClass = Files.readAllBytes(good.resolve("Good.class"));

        // A zip bomb: 1 GiB of zeros in one entry (about 1 MB compressed).
        Path bomb = tmp.resolve("bomb.jar");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(bomb))) {
            z.putNextEntry(new ZipEntry("huge.properties"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 1024; i++) z.write(zeros);
            z.closeEntry();
        }
        Path slip = zip(tmp.resolve("slip.jar"), "../../evil/Evil.class", goodClass);
        Path truncated = tmp.resolve("truncated.jar");
        byte[] whole = Files.readAllBytes(zip(tmp.resolve("whole.jar"), "a/Good.class", goodClass));
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
        Path garbage = tmp.resolve("Garbage.class");
        Files.write(garbage, "this is not a class file at all".getBytes());
        Path future = tmp.resolve("Future.class");
        byte[] f = goodClass.clone();
        f[6] = 0;
        f[7] = 99;
        Files.write(future, f);
        byte[] nested = zipBytes("deep/Good.class", goodClass);
        for (int i = 0; i < 10; i++) nested = zipBytes("level" + i + ".jar", nested);
        Path deep = Files.write(tmp.resolve("deep.jar"), nested);

        ScanResult result = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> ScanPipeline.run(
                ScanRequest.of(List.of(good, bomb, slip, truncated, garbage, future, deep))));

        assertTrue(result.findings().stream().anyMatch(x -> x.rule().id().equals("java/weak-hash")
                && x.location().className().equals("Good")), "the good app is still scanned");
        List<String> problems = result.problems().stream().map(ScanProblem::describe).toList();
        assertMentions(problems, "bomb.jar");
        assertMentions(problems, "slip.jar");
        assertMentions(problems, "truncated.jar");
        assertMentions(problems, "Garbage.class");
        assertMentions(problems, "Future.class");
        assertMentions(problems, "deep.jar");
    }

    static void assertMentions(List<String> problems, String input) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(input)), input + " must be reported; problems: " + problems);
    }

    static Path zip(Path file, String entry, byte[] content) throws IOException {
        Files.write(file, zipBytes(entry, content));
        return file;
    }

    static byte[] zipBytes(String entry, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry(entry));
            z.write(content);
            z.closeEntry();
        }
        return bytes.toByteArray();
    }

}
