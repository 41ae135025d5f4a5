package dev.triage.server;

import dev.triage.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server stopped in the middle of a scan (killed with the job marked running) scans it again when it starts, once;
 * a job interrupted twice is failed, not retried forever.
 */
class RestartTest {
    @TempDir
    Path dir;

    @Test
    void aJobRunningWhenTheServerStoppedIsScannedAgainOnceThenFailed() throws Exception {
        Path data = dir.resolve("data");
        try (Store store = Store.open(dir.resolve("store").resolve("s").toString())) {
            long now = System.currentTimeMillis();
            long[] jobs = new long[2];
            for (int i = 0; i < 2; i++) {
                int attempts = i + 1;
                jobs[i] = store.transaction(tx -> tx.insert("""
                        INSERT INTO scan_job (app_key, artifact_name, artifact_sha256, artifact_bytes, status, attempts,
                          submitted_by, submitted_at, started_at) VALUES (?, 'app.war', ?, 10, 'running', ?, 'dev', ?, ?)""",
                        "app-" + attempts, "a".repeat(64), attempts, now, now));
            }
            Files.createDirectories(data.resolve("uploads"));
            for (long job : jobs) {
                Files.writeString(data.resolve("uploads").resolve("job-" + job + ".bin"), "finding java/xss 79 4 com.example.A 3\n");
            }
            List<String> worker = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                    "-cp", System.getProperty("java.class.path"), TestWorker.class.getName());
            try (TriageServer server = new TriageServer(store, new ServerOptions("127.0.0.1", 0, data, 1 << 20, 1, 10,
                    Duration.ofMinutes(1), worker, "test", 1000, 100, "restart-test-password", true))) {
                server.start(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
                long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
                String status = "";
                while (System.nanoTime() < deadline) {
                    status = (String) store.query("SELECT status FROM scan_job WHERE id = ?", jobs[0]).get(0).get("status");
                    if (status.equals("done") || status.equals("failed")) break;
                    Thread.sleep(100);
                }
                assertEquals("done", status, "interrupted once: scanned again");
                var second = store.query("SELECT status, error FROM scan_job WHERE id = ?", jobs[1]).get(0);
                assertEquals("failed", second.get("status"), "interrupted twice: not retried");
                assertTrue(String.valueOf(second.get("error")).contains("twice"));
                assertEquals(1L, store.query("SELECT COUNT(*) AS n FROM scan WHERE status = 'ok'").get(0).get("n"));
            }
        }
    }
}
