package dev.triage.cli.golden;

import dev.triage.cli.ScanPipeline;
import dev.triage.cli.ScanRequest;
import dev.triage.findings.ScanResult;
import dev.triage.report.ReportOptions;
import dev.triage.report.SarifReport;
import dev.triage.testkit.GoldenSarif;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample app's SARIF, frozen: every finding, message, path step, property and fingerprint of a scan of the built
 * war with its sources as the source root must stay what {@code golden/healthcare-portal.sarif} holds. Refactoring
 * must not change it; an intended change of behaviour refreshes it with {@code -Dtriage.golden.update=true}.
 */
class SampleAppGoldenSarifTest {
    static final Path APP = Path.of("..", "examples", "healthcare-portal").toAbsolutePath().normalize();
    static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "healthcare-portal.sarif");

    @Test
    void sampleAppSarifIsTheGoldenOne() throws Exception {
        Path war = APP.resolve("target/healthcare-portal.war");
        assertTrue(Files.isRegularFile(war), "build the sample app first: " + war);
        Path sources = APP.resolve("src/main/java");
        ScanResult result = ScanPipeline.run(ScanRequest.of(List.of(war)));
        StringWriter sarif = new StringWriter();
        new SarifReport().write(result, ReportOptions.defaults().withSourceRoot(sources), sarif);
        String normalised = GoldenSarif.normalise(sarif.toString(), Map.of(
                sources.toUri().toASCIIString(), "file:///$SRCROOT/",
                APP.toString(), "$APP"));
        GoldenSarif.assertMatches(GOLDEN, normalised);
    }
}
