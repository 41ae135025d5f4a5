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
            // a builder parsing twice is judged at each parse: its highest severity per method
            byMethod.merge(f.location().methodName(), f.severity().level(), Math::max);
            if (f.severity().level() == 1) assertTrue(f.message().contains("only the app's own resources"), f.message());
        }
        assertEquals(Map.of("lowClassPathResource", 1, "lowClassLoaderResource", 1, "lowResourceUrl", 1, "lowWarResourceSax", 1,
                "badRequestBody", 4, "badResourceNamedByRequest", 4, "badUploadSax", 4, "badResourceThenUpload", 4,
                "badBuilderReturned", 4, "badResourceOrRequest", 4), withoutParseCallCases(byMethod));
        // parsers judged at their parse call (jdom2, dom4j): lowered by the document given to that call
        assertEquals(Map.of("lowJdomDeploymentDescriptor", 1, "lowDom4jClassPathResource", 1, "badJdomRequestBody", 4,
                "badJdomResourceThenUpload", 4, "badDom4jResourceOrRequest", 4, "lowJdomEveryClassPathCopy", 1,
                "badJdomCopiesOfGivenName", 4), parseCallCases(byMethod));
        // the resource's parse itself is lowered even when the same builder later parses an upload
        assertEquals(List.of(1, 4), findings.stream().filter(f -> f.location().methodName().equals("badJdomResourceThenUpload"))
                .map(f -> f.severity().level()).sorted().toList());
    }

    /**
     * The corpus case xml/ResourceHelperCases: a helper parses the resource its parameter names; lowered when every
     * caller passes a constant name (also through another helper), High when one passes a name from the request or one
     * computed from its own input.
     */
    @Test
    void resourceNamedByEveryCallerLowersTheHelper() {
        CorpusCase c = CorpusCase.discover().stream().filter(x -> x.id().equals("xml/ResourceHelperCases")).findFirst().orElseThrow();
        Path classes = CaseCompiler.compile(c, tmp);
        Map<String, Integer> byHelper = new TreeMap<>();
        for (Finding f : ScanPipeline.run(ScanRequest.of(List.of(classes))).findings()) {
            if (!f.rule().id().equals("java/xxe-parser")) continue;
            String cls = f.location().className();
            byHelper.merge(cls.substring(cls.lastIndexOf('$') + 1), f.severity().level(), Math::max);
            if (f.severity().level() == 1) assertTrue(f.message().contains("only the app's own resources"), f.message());
        }
        assertEquals(Map.of("ModuleFiles", 1, "DescriptorFiles", 1, "FormFiles", 4, "StyleFiles", 4), byHelper);
    }

    private static boolean parseCallCase(String method) {
        return method.contains("Jdom") || method.contains("Dom4j");
    }

    private static Map<String, Integer> parseCallCases(Map<String, Integer> byMethod) {
        Map<String, Integer> out = new TreeMap<>(byMethod);
        out.keySet().removeIf(m -> !parseCallCase(m));
        return out;
    }

    private static Map<String, Integer> withoutParseCallCases(Map<String, Integer> byMethod) {
        Map<String, Integer> out = new TreeMap<>(byMethod);
        out.keySet().removeIf(AppResourceParserSeverityTest::parseCallCase);
        return out;
    }
}
