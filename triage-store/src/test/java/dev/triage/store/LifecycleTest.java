package dev.triage.store;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The lifecycle rule on its own: what a successful scan does to an app's known flaws. */
class LifecycleTest {
    @Test
    void newOpenReopenedFixedAndRepeatedFingerprints() {
        Map<String, String> known = Map.of("a", "open", "b", "fixed", "c", "new", "d", "fixed", "e", "reopened");
        Lifecycle.Step step = Lifecycle.step(known, List.of("z", "a", "b", "z", "a"));
        assertEquals(List.of("new", "open", "reopened", "open", "open"), step.states());
        assertEquals(List.of(true, true, true, false, false), step.first(), "a repeated fingerprint is the same flaw");
        assertEquals(List.of("c", "e"), step.fixed(), "known flaws gone from the scan, not already fixed, in fingerprint order");
    }

    @Test
    void firstScanMakesEverythingNewAndEmptyScanFixesAll() {
        assertEquals(List.of("new", "new"), Lifecycle.step(Map.of(), List.of("x", "y")).states());
        Lifecycle.Step empty = Lifecycle.step(Map.of("x", "new", "y", "open"), List.of());
        assertEquals(List.of(), empty.states());
        assertEquals(List.of("x", "y"), empty.fixed());
    }
}
