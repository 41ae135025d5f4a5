package dev.triage.analysis;

import dev.triage.analysis.model.Models;
import dev.triage.program.Program;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The analysis run survives a detector that fails on hostile resources: a problem line, and the others go on. */
class AnalysesTest {
    @Test
    void aFailingResourceDetectorIsAProblemNotACrash() {
        Detector failing = new Detector() {
            @Override
            public Set<String> rules() {
                return Set.of("android/debuggable");
            }

            @Override
            public void visitResources(ResourceScan scan) {
                throw new IllegalStateException("boom");
            }
        };
        Detector working = new Detector() {
            @Override
            public Set<String> rules() {
                return Set.of("config/hardcoded-secret");
            }

            @Override
            public void visitResources(ResourceScan scan) {
                scan.reporter().report(new Detection("config/hardcoded-secret",
                        new CodeLocation("", "", "", "a.properties", 1, "a.properties"), "m", List.of(), "HIGH", "k"));
            }
        };
        Analyses.Result r = Analyses.run(Program.builder().build(), Models.builtIn(), List.of(failing, working), 1,
                new Deadline(Duration.ofMinutes(1)), null);
        assertEquals(1, r.detections().size());
        assertTrue(r.problems().stream().anyMatch(p -> p.contains("resource checks failed") && p.contains("boom")), r.problems().toString());
    }
}
