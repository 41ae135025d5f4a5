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
 * The corpus case logforging/logconfig ships a log4j2.xml whose lowest level is info: its debug and trace lines are
 * reported at severity 0 and say why, its info and warn lines keep the rule's severity (2). The same code without
 * the configuration keeps severity 2 everywhere (the deployment decides what is written).
 */
class LogLevelSeverityTest {
    @TempDir
    Path tmp;

    @Test
    void linesBelowTheBundledLevelAreLowered() {
        Map<String, Integer> byMethod = severities(true);
        assertEquals(Map.of("debugOnly", 0, "traceOnly", 0, "infoWritten", 2, "warnWritten", 2), byMethod);
    }

    @Test
    void withoutABundledConfigurationNothingIsLowered() {
        Map<String, Integer> byMethod = severities(false);
        assertEquals(Map.of("debugOnly", 2, "traceOnly", 2, "infoWritten", 2, "warnWritten", 2), byMethod);
    }

    private Map<String, Integer> severities(boolean withConfig) {
        CorpusCase c = CorpusCase.discover().stream().filter(x -> x.id().equals("logforging/logconfig")).findFirst().orElseThrow();
        if (!withConfig) c = new CorpusCase(c.family(), c.name(), c.root(), c.sources(), c.kotlin(), List.of());
        Path classes = CaseCompiler.compile(c, tmp.resolve(withConfig ? "with" : "without"));
        List<Finding> findings = ScanPipeline.run(ScanRequest.of(List.of(classes))).findings().stream()
                .filter(f -> f.rule().id().equals("java/log-injection")).toList();
        Map<String, Integer> out = new TreeMap<>();
        for (Finding f : findings) {
            out.put(f.location().methodName(), f.severity().level());
            if (f.severity().level() == 0) assertTrue(f.message().contains("below the lowest level (info)"), f.message());
        }
        return out;
    }
}
