package dev.triage.cli.corpus;

import dev.triage.findings.Rule;
import dev.triage.findings.RuleCatalogue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Markers name real rules, and every rule of the catalogue is exercised by the corpus. Needs no engine. */
class CorpusRuleIdsTest {
    /** The corpus promise: at least this many vulnerable lines per rule. */
    private static final int MIN_MARKERS_PER_RULE = 4;

    @Test
    void everyMarkerNamesACatalogueRule() {
        RuleCatalogue catalogue = RuleCatalogue.builtIn();
        List<String> unknown = new ArrayList<>();
        for (CorpusCase c : CorpusCase.discover(CorpusCase.casesRoot(), "")) {
            for (Marker m : c.markers()) {
                if (catalogue.find(m.ruleId()).isEmpty()) unknown.add(m.toString());
            }
        }
        assertEquals(List.of(), unknown, "markers naming rules that are not in the catalogue");
    }

    @Test
    void everyCatalogueRuleHasEnoughVulnerableCases() {
        Map<String, Integer> counts = new TreeMap<>();
        java.util.Set<String> escalations = new java.util.TreeSet<>();
        dev.triage.analysis.model.Models.builtIn().tables.get("component-escalations").forEach(e -> escalations.add(e.path("rule").asText()));
        for (Rule r : RuleCatalogue.builtIn().all()) {
            // Component and app rules report on bundled jars and the artifact, not on code lines: their
            // cases are wars built from real jars (ComponentsCliTest, triage-components' ComponentScanTest).
            if (r.id().startsWith("component/") || r.id().startsWith("app/")) continue;
            // Rules a bundled library's version decides (Log4Shell) need its jar beside the code: Log4ShellTest.
            if (escalations.contains(r.id())) continue;
            counts.put(r.id(), 0);
        }
        for (CorpusCase c : CorpusCase.discover(CorpusCase.casesRoot(), "")) {
            for (Marker m : c.markers()) counts.merge(m.ruleId(), 1, Integer::sum);
        }
        List<String> thin = new ArrayList<>();
        counts.forEach((id, n) -> {
            if (n < MIN_MARKERS_PER_RULE) thin.add(id + " has " + n);
        });
        assertEquals(List.of(), thin, "rules with fewer than " + MIN_MARKERS_PER_RULE + " markers");
    }
}
