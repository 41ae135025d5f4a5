package dev.triage.cli.e2e;

import dev.triage.store.Store;
import dev.triage.testkit.PortfolioFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The fixture's plants mean what the plan says: a small portfolio of every kind of app, scanned with
 * {@code triage portfolio scan}, stores exactly the planned flaws per app (rule by rule), and the corrupt artifacts
 * as failed scans with a reason. The figure tests build on this.
 */
class PortfolioFixtureTest {
    @TempDir
    Path tmp;

    @Test
    void everyAppStoresExactlyItsPlannedFlaws() {
        PortfolioFixture.Plan plan = new PortfolioFixture(tmp.resolve("pf"), 7, LocalDate.now(java.time.ZoneOffset.UTC), 3)
                .generate(12, 16, 2);
        java.util.Set<String> planted = new java.util.TreeSet<>();
        plan.apps().forEach(a -> a.flaws().forEach(f -> planted.add(f.rule())));
        assertEquals(java.util.Set.of("java/weak-hash", "java/hardcoded-key", "component/vulnerable-dependency",
                "android/debuggable", "android/cleartext-traffic", "android/tracker-sdk", "android/debug-certificate"), planted,
                "the fixture plants every kind of flaw");
        Path db = tmp.resolve("db");
        assertEquals(0, CliTest.triage("db", "import", plan.advisories().toString(), "--db", db.toString()).exit());
        String store = tmp.resolve("store").resolve("s").toString();
        CliTest.Run run = CliTest.triage("portfolio", "scan", plan.manifest().toString(), "--store", store, "--db",
                db.toString(), "--exclude-rules", "app/stale-app", "-j", "2", "--no-progress");
        assertEquals(0, run.exit(), run.err());

        Map<String, List<String>> expected = new TreeMap<>();
        Map<String, String> expectedStatus = new TreeMap<>();
        for (PortfolioFixture.App a : plan.apps()) {
            List<String> rules = new ArrayList<>();
            for (PortfolioFixture.Flaw f : a.flaws()) rules.add(f.rule() + "/" + f.severity());
            rules.sort(null);
            expected.put(a.key(), rules);
            expectedStatus.put(a.key(), a.corrupt() ? "failed" : "ok");
        }
        Map<String, List<String>> actual = new TreeMap<>();
        Map<String, String> status = new TreeMap<>();
        try (Store s = Store.open(store)) {
            for (var row : s.query("""
                    SELECT a.app_key, s.status, s.failure_reason FROM scan s JOIN app a ON a.id = s.app_id ORDER BY a.app_key""")) {
                status.put((String) row.get("app_key"), (String) row.get("status"));
                actual.put((String) row.get("app_key"), new ArrayList<>());
            }
            for (var row : s.query("""
                    SELECT a.app_key, g.rule_id, g.severity FROM finding g JOIN scan s ON s.id = g.scan_id
                    JOIN app a ON a.id = s.app_id ORDER BY a.app_key, g.rule_id""")) {
                actual.get((String) row.get("app_key")).add(row.get("rule_id") + "/" + row.get("severity"));
            }
        }
        actual.values().forEach(l -> l.sort(null));
        assertEquals(expectedStatus, status);
        assertEquals(expected, actual);
    }
}
