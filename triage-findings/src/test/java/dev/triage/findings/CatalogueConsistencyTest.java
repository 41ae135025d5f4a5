package dev.triage.findings;

import dev.triage.analysis.Analyses;
import dev.triage.analysis.Detector;
import dev.triage.analysis.model.Models;
import dev.triage.components.ComponentAnalysis;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Detectors and the rule catalogue in step: every rule a detector (or the components stage) may report is in the
 * catalogue, and every catalogue rule has something that reports it. Every rule file is listed and loaded.
 */
class CatalogueConsistencyTest {
    static final Path RULES = Path.of("src", "main", "resources", "dev", "triage", "rules");

    /** Rule id → who reports it. */
    static Map<String, Set<String>> reporters() {
        Map<String, Set<String>> out = new TreeMap<>();
        for (Detector d : Analyses.builtInDetectors(Models.builtIn())) {
            for (String r : d.rules()) out.computeIfAbsent(r, k -> new TreeSet<>()).add(d.getClass().getSimpleName());
        }
        for (String r : ComponentAnalysis.RULES) out.computeIfAbsent(r, k -> new TreeSet<>()).add("ComponentAnalysis");
        return out;
    }

    @Test
    void everyReportedRuleIsInTheCatalogue() {
        RuleCatalogue catalogue = RuleCatalogue.builtIn();
        Map<String, Set<String>> unknown = new TreeMap<>();
        reporters().forEach((rule, who) -> {
            if (catalogue.find(rule).isEmpty()) unknown.put(rule, who);
        });
        assertEquals(Map.of(), unknown, "rules reported but not in the catalogue");
    }

    @Test
    void everyCatalogueRuleHasADetector() {
        Set<String> reported = reporters().keySet();
        Set<String> orphans = new TreeSet<>();
        for (Rule r : RuleCatalogue.builtIn().all()) if (!reported.contains(r.id())) orphans.add(r.id());
        assertEquals(Set.of(), orphans, "catalogue rules no detector reports");
    }

    @Test
    void everyRuleFileIsListedAndLoaded() throws IOException {
        Set<String> onDisk = new TreeSet<>();
        try (Stream<Path> files = Files.list(RULES)) {
            files.filter(p -> p.toString().endsWith(".yml")).forEach(p -> onDisk.add(p.getFileName().toString()));
        }
        List<String> listed = Files.readAllLines(RULES.resolve("index.list"), StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertEquals(onDisk, new TreeSet<>(listed), "rule files on disk and in index.list");
        assertTrue(RuleCatalogue.builtIn().all().size() > 0);
    }

    /**
     * The README's rule table is where users look a rule up: each catalogue rule has its row there, with the
     * catalogue's CWE (three rules once shipped without one).
     */
    @Test
    void everyRuleHasARowInTheReadmeRuleTable() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        Map<String, String> missing = new TreeMap<>();
        for (Rule r : RuleCatalogue.builtIn().all()) {
            String start = "| `" + r.id() + "` |";
            String row = readme.stream().filter(l -> l.startsWith(start)).findFirst().orElse(null);
            if (row == null) missing.put(r.id(), "no row");
            else if (!row.startsWith(start + " " + r.cwe() + " |")) missing.put(r.id(), "CWE is not " + r.cwe() + ": " + row);
        }
        assertEquals(Map.of(), missing, "rules without a correct row in README.md's rule table");
    }
}
