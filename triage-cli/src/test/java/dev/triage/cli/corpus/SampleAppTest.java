package dev.triage.cli.corpus;

import dev.triage.cli.ScanPipeline;
import dev.triage.cli.ScanRequest;
import dev.triage.findings.ScanResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The sample app is annotated like the corpus: scanning its built war must report exactly the
 * marked lines (the README's first command scans the same war).
 */
class SampleAppTest {
    static final Path APP = Path.of("..", "examples", "healthcare-portal");

    @Test
    void sampleWarReportsExactlyTheMarkedLines() throws IOException {
        Path war = APP.resolve("target/healthcare-portal.war");
        assertTrue(Files.isRegularFile(war), "build the sample app first: " + war.toAbsolutePath());
        List<Marker> markers = new ArrayList<>();
        Path java = APP.resolve("src/main/java");
        try (Stream<Path> files = Files.walk(java)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String rel = java.relativize(f).toString().replace('\\', '/');
                markers.addAll(Markers.parseJava(rel, Files.readAllLines(f, StandardCharsets.UTF_8)));
            }
        }
        Path res = APP.resolve("src/main/resources");
        try (Stream<Path> files = Files.walk(res)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".properties")).sorted().toList()) {
                String rel = res.relativize(f).toString().replace('\\', '/');
                markers.addAll(Markers.parseProperties(rel, Files.readAllLines(f, StandardCharsets.ISO_8859_1)));
            }
        }
        assertTrue(markers.size() >= 15, "the sample app has a flaw of every rule");
        ScanResult result = ScanPipeline.run(ScanRequest.of(List.of(war)));
        CorpusHarnessTest.Comparison cmp = CorpusHarnessTest.compare(markers, result.findings());
        if (!cmp.fp().isEmpty() || !cmp.fn().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            cmp.fp().forEach((m, f) -> sb.append("FP ").append(m).append(" — ").append(f.message()).append('\n'));
            cmp.fn().forEach(m -> sb.append("FN ").append(m).append('\n'));
            fail("sample app:\n" + sb);
        }
    }
}
