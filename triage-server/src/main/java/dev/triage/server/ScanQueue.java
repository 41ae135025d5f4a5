package dev.triage.server;

import dev.triage.portfolio.WorkerProcess;
import dev.triage.store.AppInfo;
import dev.triage.store.ScanRecord;
import dev.triage.store.Store;
import dev.triage.store.VersionInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Uploaded artifacts waiting for their scan, and the workers that scan them. Jobs live in the store
 * ({@code scan_job}), so a restart picks up what was queued, and a job that was running when the server stopped is
 * queued again (once; a second interruption marks it failed). Each worker thread scans in a child JVM
 * ({@link WorkerProcess}, the portfolio's isolation: a heap limit, a wall-time limit, a fresh JVM after a crash),
 * so a runaway scan costs a job, never the server. A scan is stored whole, in one transaction, or not at all; a
 * worker killed midway gives a failed scan with the reason (stored like any failure), and the job is failed.
 */
public final class ScanQueue implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ScanQueue.class.getName());
    static final int MAX_ATTEMPTS = 2;

    /**
     * @param workers       scans at once (child JVMs)
     * @param capacity      jobs that may wait; an upload beyond is refused (503) rather than queued without bound
     * @param scanTimeout   wall time of one scan before its worker is killed
     * @param workerCommand the command starting one worker JVM ({@code triage portfolio worker})
     */
    public record Options(int workers, int capacity, Duration scanTimeout, List<String> workerCommand, String toolVersion) {
        public Options {
            if (workers < 1) throw new IllegalArgumentException("workers must be at least 1");
            if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1");
            workerCommand = List.copyOf(workerCommand);
        }
    }

    private final Store store;
    private final Options options;
    private final Path uploads;
    private final Path reports;
    private final Semaphore work = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean closed;

    public ScanQueue(Store store, Options options, Path dataDir) throws IOException {
        this.store = store;
        this.options = options;
        this.uploads = Files.createDirectories(dataDir.resolve("uploads"));
        this.reports = Files.createDirectories(dataDir.resolve("reports"));
    }

    /** Requeues jobs interrupted by a stop and starts the workers. */
    public void start() {
        long now = System.currentTimeMillis();
        store.transaction(tx -> {
            tx.update("UPDATE scan_job SET status = 'failed', finished_at = ?, error = ? WHERE status = 'running' AND attempts >= ?",
                    now, "the server stopped during the scan, twice: not retried", MAX_ATTEMPTS);
            tx.update("UPDATE scan_job SET status = 'queued', started_at = NULL WHERE status = 'running'");
            return null;
        });
        long queued = (Long) store.query("SELECT COUNT(*) AS n FROM scan_job WHERE status = 'queued'").get(0).get("n");
        work.release((int) queued);
        for (int i = 0; i < options.workers(); i++) {
            Thread t = new Thread(this::loop, "triage-scan-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /** Where an upload is written before it becomes a job: a name of the server's choosing. */
    Path newUploadFile() throws IOException {
        return Files.createTempFile(uploads, "upload-", ".part");
    }

    /**
     * Queues a scan of an uploaded file (moved under the job's id). Refused with 503 when {@code capacity} jobs are
     * already waiting.
     */
    public long submit(String appKey, String artifactName, String sha256, long bytes, String version, Path upload,
                       String by) throws IOException {
        long now = System.currentTimeMillis();
        long id = store.transaction(tx -> {
            long waiting = (Long) tx.query("SELECT COUNT(*) AS n FROM scan_job WHERE status = 'queued'").get(0).get("n");
            if (waiting >= options.capacity()) {
                throw new ApiError(503, "the scan queue is full (" + waiting + " waiting): try again later");
            }
            long job = tx.insert("""
                    INSERT INTO scan_job (app_key, artifact_name, artifact_sha256, artifact_bytes, version, status, attempts,
                      submitted_by, submitted_at) VALUES (?, ?, ?, ?, ?, 'queued', 0, ?, ?)""",
                    appKey, artifactName, sha256, bytes, version, by, now);
            tx.audit(now, by, "scan-queued", "scan_job", job, appKey + " " + artifactName + " " + sha256);
            return job;
        });
        Files.move(upload, artifact(id), StandardCopyOption.ATOMIC_MOVE);
        work.release();
        return id;
    }

    Path artifact(long jobId) {
        return uploads.resolve("job-" + jobId + ".bin");
    }

    /** The folder of a finished job's reports (SARIF, JSON, HTML, SBOM). */
    Path reportDir(long jobId) {
        return reports.resolve("job-" + jobId);
    }

    private void loop() {
        WorkerProcess worker = null;
        try {
            while (!closed) {
                work.acquire();
                if (closed) break;
                Map<String, Object> job = claim();
                if (job == null) continue;
                if (worker == null || !worker.alive()) {
                    if (worker != null) worker.close();
                    try {
                        worker = new WorkerProcess(options.workerCommand(), Duration.ofMinutes(2));
                    } catch (IOException e) {
                        worker = null;
                        fail((Long) job.get("id"), "cannot start a scan worker: " + e.getMessage());
                        continue;
                    }
                }
                run(job, worker);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (worker != null) worker.close();
        }
    }

    /** Takes the oldest queued job (atomically: two workers never take the same one). */
    private Map<String, Object> claim() {
        long now = System.currentTimeMillis();
        return store.transaction(tx -> {
            var rows = tx.query("SELECT * FROM scan_job WHERE status = 'queued' ORDER BY id FETCH FIRST 1 ROWS ONLY");
            if (rows.isEmpty()) return null;
            long id = (Long) rows.get(0).get("id");
            int changed = tx.update("UPDATE scan_job SET status = 'running', started_at = ?, attempts = attempts + 1 "
                    + "WHERE id = ? AND status = 'queued'", now, id);
            return changed == 1 ? rows.get(0) : null;
        });
    }

    private void run(Map<String, Object> job, WorkerProcess worker) throws InterruptedException {
        long id = (Long) job.get("id");
        Path reportDir = reportDir(id);
        try {
            deleteTree(reportDir);
            Files.createDirectories(reportDir);
            String appKey = (String) job.get("app_key");
            String name = (String) job.get("artifact_name");
            ScanRecord record = worker.scan(artifact(id), reportDir, options.scanTimeout(), options.toolVersion());
            AppInfo app = new AppInfo(appKey, appKey, platform(name), null, null, null);
            VersionInfo version = new VersionInfo((String) job.get("artifact_sha256"), name, (Long) job.get("artifact_bytes"),
                    (String) job.get("version"));
            Store.Stored stored = store.recordScan(app, version, record, null, (String) job.get("submitted_by"));
            long now = System.currentTimeMillis();
            store.transaction(tx -> tx.update("""
                    UPDATE scan_job SET status = ?, finished_at = ?, scan_id = ?, error = ? WHERE id = ?""",
                    record.ok() ? "done" : "failed", now, stored.scanId(),
                    record.ok() ? null : record.failureKind() + ": " + record.failureReason(), id));
            if (!record.ok()) deleteTree(reportDir);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "scan job " + id + " failed", e);
            fail(id, "the scan could not be stored: " + e.getMessage());
        }
    }

    private void fail(long id, String reason) {
        long now = System.currentTimeMillis();
        store.transaction(tx -> tx.update("UPDATE scan_job SET status = 'failed', finished_at = ?, error = ? WHERE id = ?",
                now, reason.length() > 3900 ? reason.substring(0, 3900) : reason, id));
    }

    static String platform(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return n.endsWith(".apk") || n.endsWith(".aab") || n.endsWith(".aar") || n.endsWith(".dex") ? "android" : "jvm";
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    @Override
    public void close() {
        closed = true;
        work.release(threads.size());
        for (Thread t : threads) {
            t.interrupt();
        }
        for (Thread t : threads) {
            try {
                t.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
