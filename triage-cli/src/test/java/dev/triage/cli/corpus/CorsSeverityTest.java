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
 * The corpus case headerinjection/CorsCases: an echoed origin is High (4) where the response also allows credentials
 * (set in the sink's method or in a caller the flow went through), and says so; Low (2), the rule's own severity,
 * where it does not (no Allow-Credentials header, or "false").
 */
class CorsSeverityTest {
    @TempDir
    Path tmp;

    @Test
    void credentialsDecideTheSeverity() {
        CorpusCase c = CorpusCase.discover().stream().filter(x -> x.id().equals("headerinjection/CorsCases")).findFirst().orElseThrow();
        Path classes = CaseCompiler.compile(c, tmp);
        List<Finding> findings = ScanPipeline.run(ScanRequest.of(List.of(classes))).findings().stream()
                .filter(f -> f.rule().id().equals("java/cors-origin-reflection")).toList();
        Map<String, Integer> byLine = new TreeMap<>();
        for (Finding f : findings) {
            String where = f.location().methodName() + ":" + f.location().line();
            byLine.merge(where, f.severity().level(), Math::max);
            if (f.severity().level() == 4) assertTrue(f.message().contains("also allows credentials"), f.message());
        }
        Map<String, Integer> byMethod = new TreeMap<>();
        byLine.forEach((k, v) -> byMethod.merge(k.substring(0, k.indexOf(':')), v, Math::max));
        assertEquals(Map.of("badEchoedOrigin", 4, "badEchoedOriginAdded", 2, "allow", 2, "badJakartaEchoed", 4,
                "badCredentialedFilter", 4, "badCredentialsFalse", 2, "allowCredentialed", 4), byMethod);
    }
}
