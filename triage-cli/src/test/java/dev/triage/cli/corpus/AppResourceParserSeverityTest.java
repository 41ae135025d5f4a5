package dev.triage.cli.corpus;

import dev.triage.cli.ScanPipeline;
import dev.triage.cli.ScanRequest;
import dev.triage.findings.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The corpus case xml/AppResourceParserCases: an unhardened parser that parses only the app's own resources (named by
 * constants) is reported at Very Low (1) and says why; one that parses a request body, an upload, a resource named by
 * the request (or may, on another path), or that leaves the method, keeps the rule's High (4).
 */
class AppResourceParserSeverityTest {
    @TempDir
    Path tmp;

    @Test
    void ownResourcesLowerTheSeverity() {
        CorpusCase c = CorpusCase.discover().stream().filter(x -> x.id().equals("xml/AppResourceParserCases")).findFirst().orElseThrow();
        Path classes = CaseCompiler.compile(c, tmp);
        List<Finding> findings = ScanPipeline.run(ScanRequest.of(List.of(classes))).findings().stream()
                .filter(f -> f.rule().id().equals("java/xxe-parser")).toList();
        Map<String, Integer> byMethod = new TreeMap<>();
        for (Finding f : findings) {
            byMethod.put(f.location().methodName(), f.severity().level());
            if (f.severity().level() == 1) assertTrue(f.message().contains("only the app's own resources"), f.message());
        }
        assertEquals(Map.of("lowClassPathResource", 1, "lowClassLoaderResource", 1, "lowResourceUrl", 1, "lowWarResourceSax", 1,
                "badRequestBody", 4, "badResourceNamedByRequest", 4, "badUploadSax", 4, "badResourceThenUpload", 4,
                "badBuilderReturned", 4, "badResourceOrRequest", 4), byMethod);
    }
}
