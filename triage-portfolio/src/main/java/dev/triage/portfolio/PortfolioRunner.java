package dev.triage.portfolio;

import dev.triage.store.ScanRecord;
import dev.triage.store.Store;
import dev.triage.store.StoreException;
import dev.triage.store.VersionInfo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scans the apps of a portfolio into the store, each in a child JVM with a time and heap budget, with parallel
 * workers; resumable: an app version (app key and artifact SHA-256) that already has a stored scan is skipped, and an
 * interrupted run of the same source is continued under the same run id, so a run killed at any moment and started
 * again ends with the same stored scans as one that was never interrupted. Versions of one app are scanned in listing
 * order by one worker, so the flaw lifecycle sees them in that order.
 */
public final class PortfolioRunner {
    /**
     * How to run.
     *
     * @param workers        child JVMs scanning at once
     * @param appTimeout     wall time one app may take before its worker is killed
     * @param workerCommand  the command that starts one worker (java, heap options, class path, main class and args)
     * @param retryFailed    rescan app versions whose stored scan failed
     * @param appsPerWorker  a worker is replaced after this many apps (bounds what a long-lived JVM accumulates)
     * @param toolVersion    for failed records made by the parent
     * @param settingsJson   stored with the run
     * @param actor          who runs it (audit)
     */
    public record Options(int workers, Duration appTimeout, List<String> workerCommand, boolean retryFailed,
                          int appsPerWorker, String toolVersion, String settingsJson, String actor) {
        public Options {
            if (workers < 1) throw new IllegalArgumentException("workers must be at least 1");
            workerCommand = List.copyOf(workerCommand);
        }
    }

    /** Follows a run (called from worker threads; implementations synchronise). */
    public interface Listener {
        void started(long runId, boolean resumed, int apps);

        void skipped(PortfolioEntry entry);

        void scanned(PortfolioEntry entry, ScanRecord record);

        void problem(String line);

        Listener NONE = new Listener() {
            @Override public void started(long runId, boolean resumed, int apps) { }
            @Override public void skipped(PortfolioEntry entry) { }
            @Override public void scanned(PortfolioEntry entry, ScanRecord record) { }
            @Override public void problem(String line) { }
        };
    }

    /** What one invocation did. */
    public record Summary(long runId, boolean resumed, int listed, int skipped, int scanned, int failed, int problems,
                          long wallMillis) {
    }

    /** How long a worker JVM may take to start and load its models before the run gives up on it. */
    public static final Duration STARTUP = Duration.ofMinutes(2);

    private final Store store;
    private final Options options;
    private final Listener listener;

    public PortfolioRunner(Store store, Options options, Listener listener) {
        this.store = store;
        this.options = options;
        this.listener = listener;
    }

    public Summary run(PortfolioSource.Listing listing) throws InterruptedException {
        long t0 = System.nanoTime();
        String source = listing.source().toString();
        var open = store.unfinishedRun(source);
        long runId = open.orElseGet(() -> store.startRun(source, options.toolVersion(), options.settingsJson(),
                listing.entries().size(), System.currentTimeMillis()));
        listener.started(runId, open.isPresent(), listing.entries().size());
        AtomicInteger problems = new AtomicInteger();
        for (String p : listing.problems()) {
            listener.problem(p);
            problems.incrementAndGet();
        }

        // one unit of work per app: its versions in listing order
        Map<String, List<PortfolioEntry>> byApp = new LinkedHashMap<>();
        for (PortfolioEntry e : listing.entries()) byApp.computeIfAbsent(e.app().key(), k -> new ArrayList<>()).add(e);
        ConcurrentLinkedQueue<List<PortfolioEntry>> queue = new ConcurrentLinkedQueue<>(byApp.values());
        AtomicInteger skipped = new AtomicInteger(), scanned = new AtomicInteger(), failed = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> crashes = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < Math.min(options.workers(), Math.max(1, byApp.size())); i++) {
            Thread t = new Thread(() -> {
                WorkerSlot slot = new WorkerSlot();
                try {
                    List<PortfolioEntry> unit;
                    while ((unit = queue.poll()) != null) {
                        for (PortfolioEntry e : unit) {
                            scanOne(e, runId, slot, skipped, scanned, failed, problems);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Throwable e) {
                    crashes.add(e);
                } finally {
                    slot.close();
                }
            }, "triage-portfolio-" + i);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join();
        if (!crashes.isEmpty()) {
            Throwable first = crashes.get(0);
            if (first instanceof StoreException se) throw se;
            throw new IllegalStateException("portfolio scan stopped: " + first, first);
        }
        store.finishRun(runId, System.currentTimeMillis());
        return new Summary(runId, open.isPresent(), listing.entries().size(), skipped.get(), scanned.get(), failed.get(),
                problems.get(), (System.nanoTime() - t0) / 1_000_000);
    }

    private void scanOne(PortfolioEntry e, long runId, WorkerSlot slot, AtomicInteger skipped, AtomicInteger scanned,
                         AtomicInteger failed, AtomicInteger problems) throws InterruptedException, IOException {
        VersionInfo version;
        try {
            version = new VersionInfo(sha256(e.path()), e.path().getFileName().toString(), Files.size(e.path()), e.version());
        } catch (IOException ex) {
            listener.problem(e.path() + ": cannot read: " + ex.getMessage());
            problems.incrementAndGet();
            return;
        }
        if (store.scanned(e.app().key(), version.sha256(), options.retryFailed())) {
            skipped.incrementAndGet();
            listener.skipped(e);
            return;
        }
        ScanRecord record = slot.worker().scan(e.path(), options.appTimeout(), options.toolVersion());
        if (!slot.current.alive() || slot.current.served() >= options.appsPerWorker()) slot.close();
        store.recordScan(e.app(), version, record, runId, options.actor());
        (record.ok() ? scanned : failed).incrementAndGet();
        listener.scanned(e, record);
    }

    /** A worker thread's child JVM, started on first use and replaced after a failure of its own. */
    private final class WorkerSlot {
        WorkerProcess current;

        WorkerProcess worker() throws IOException, InterruptedException {
            if (current == null || !current.alive()) {
                close();
                current = new WorkerProcess(options.workerCommand(), STARTUP);
            }
            return current;
        }

        void close() {
            if (current != null) current.close();
            current = null;
        }
    }

    /** Hex SHA-256 of a file: an app version's identity (resume, and the Spark job's result keys). */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
