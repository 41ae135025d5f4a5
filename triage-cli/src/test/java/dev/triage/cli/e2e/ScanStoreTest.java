package dev.triage.cli.e2e;

import dev.triage.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code triage scan --store}: a single scan is recorded (the flaw lifecycle moves on), and a flaw whose mitigation
 * someone else approved in the store leaves the report and the {@code --fail-on} policy, scan after scan.
 */
class ScanStoreTest {
    private static final Path WAR = Path.of("../examples/healthcare-portal/target/healthcare-portal.war");

    @TempDir
    Path tmp;

    @Test
    void approvedMitigationsStayOutOfThePolicyAcrossRescans() throws Exception {
        String store = tmp.resolve("store").resolve("s").toString();
        List<String> scan = List.of("scan", WAR.toString(), "--store", store, "--app-id", "portal", "--rules", "java/weak-hash",
                "-f", "json", "-o", tmp.resolve("out").toString(), "--fail-on", "medium", "--no-progress");
        CliTest.Run first = CliTest.triage(scan.toArray(String[]::new));
        assertEquals(1, first.exit(), "weak hashes fail a medium policy: " + first.out() + first.err());
        assertTrue(first.out().contains("Stored scan") && first.out().contains(" new,"), first.out());

        List<Store.Flaw> flaws;
        try (Store s = Store.open(store)) {
            flaws = s.flaws("portal", null);
        }
        assertFalse(flaws.isEmpty());
        for (Store.Flaw f : flaws) {
            assertEquals("new", f.state());
            CliTest.Run p = CliTest.triage("findings", "triage", String.valueOf(f.id()), "--store", store, "--as",
                    "false-positive", "--reason", "checksums of public files", "--by", "alice");
            assertEquals(0, p.exit(), p.err());
            // a proposal alone changes nothing
        }
        CliTest.Run pending = CliTest.triage(scan.toArray(String[]::new));
        assertEquals(1, pending.exit(), "proposals are not approvals");
        try (Store s = Store.open(store)) {
            for (Store.Decision d : s.decisions(true)) s.approve(d.id(), "bob", "ok", System.currentTimeMillis());
            assertTrue(s.flaws("portal", null).stream().allMatch(f -> f.state().equals("open")), "seen again: open");
        }
        CliTest.Run approved = CliTest.triage(scan.toArray(String[]::new));
        assertEquals(0, approved.exit(), approved.out() + approved.err());
        assertTrue(approved.out().contains(flaws.size() + " finding(s) under an approved mitigation in the store are not reported"),
                approved.out());
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(tmp.resolve("out").resolve("triage.json").toFile());
        assertEquals(0, json.get("findings").size(), "not in the report either");
    }
}
