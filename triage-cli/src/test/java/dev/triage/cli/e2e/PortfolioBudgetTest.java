package dev.triage.cli.e2e;

import dev.triage.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A runaway app must not take a portfolio run down: each app runs in a child JVM with a wall-time and a heap budget.
 * A big real jar (Hibernate's, about 5,000 classes, scanned as if it were an app) beside a small app: over the time
 * budget its worker is killed and the app stored as failed ({@code timeout}); over the heap budget (64 MB: the portal
 * needs about 40 MB in a worker on the test class path, Hibernate's jar hundreds) the worker dies
 * of OutOfMemoryError and the app is stored as failed ({@code out-of-memory}); either way the small app is scanned.
 */
class PortfolioBudgetTest {
    @TempDir
    Path tmp;

    private Path portfolio() throws Exception {
        String big = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> p.contains("hibernate-core")).findFirst()
                .orElseThrow(() -> new AssertionError("hibernate-core is a test dependency of triage-cli"));
        Path dir = Files.createDirectories(tmp.resolve("apps"));
        Files.copy(Path.of(big), dir.resolve("runaway.jar"));
        Path war = Path.of("../examples/healthcare-portal/target/healthcare-portal.war");
        Files.copy(war, dir.resolve("portal.war"));
        return dir;
    }

    private Map<String, String> outcomes(String store) {
        Map<String, String> out = new TreeMap<>();
        try (Store s = Store.open(store)) {
            for (var row : s.query("SELECT a.app_key, s.status, s.failure_kind, s.failure_reason FROM scan s JOIN app a ON a.id = s.app_id")) {
                out.put((String) row.get("app_key"), row.get("status") + (row.get("failure_kind") == null ? "" : ":" + row.get("failure_kind")));
                if (row.get("failure_reason") != null) {
                    assertTrue(!row.get("failure_reason").toString().isBlank());
                }
            }
        }
        return out;
    }

    @Test
    void appOverItsTimeBudgetIsStoppedAndStoredAsFailed() throws Exception {
        Path dir = portfolio();
        // The budget is set from this machine's speed, not a fixed number: a loaded machine (shared CI) scans the
        // portal ten times slower than an idle one. The portal alone is timed first; the budget is four times that
        // (at least 5 s), and the runaway (a 12 MB jar, some 25 times the portal's work) still runs out of it.
        Path alone = Files.createDirectories(tmp.resolve("alone"));
        Files.copy(dir.resolve("portal.war"), alone.resolve("portal.war"));
        long t0 = System.nanoTime();
        CliTest.Run calibrate = CliTest.triage("portfolio", "scan", alone.toString(), "--store",
                tmp.resolve("store-c").resolve("s").toString(), "-j", "1", "--no-progress");
        assertEquals(0, calibrate.exit(), calibrate.err());
        long budget = Math.max(5, 4 * ((System.nanoTime() - t0) / 1_000_000_000L + 1));
        String store = tmp.resolve("store-t").resolve("s").toString();
        CliTest.Run run = CliTest.triage("portfolio", "scan", dir.toString(), "--store", store, "-j", "1",
                "--app-timeout", budget + "s", "--no-progress");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("failed: runaway") && run.err().contains("timeout"), run.err());
        assertEquals(Map.of("portal", "ok", "runaway", "failed:timeout"), outcomes(store));
    }

    @Test
    void appOverItsHeapBudgetIsStoredAsFailed() throws Exception {
        Path dir = portfolio();
        String store = tmp.resolve("store-m").resolve("s").toString();
        CliTest.Run run = CliTest.triage("portfolio", "scan", dir.toString(), "--store", store, "-j", "1",
                "--worker-heap", "64m", "--no-progress");
        assertEquals(0, run.exit(), run.err());
        assertEquals("failed:out-of-memory", outcomes(store).get("runaway"), run.err());
        assertEquals("ok", outcomes(store).get("portal"), run.err());
    }
}
