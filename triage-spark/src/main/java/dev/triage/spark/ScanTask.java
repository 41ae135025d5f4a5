package dev.triage.spark;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.portfolio.PortfolioRunner;
import dev.triage.portfolio.WorkerProcess;
import dev.triage.store.ScanRecord;
import dev.triage.store.ScanRecords;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * What one Spark task does with its {@link AppUnit}: for each listed version in order, fetch the artifact through
 * Hadoop's FileSystem (a local file is read in place; HDFS, S3 and the like are copied to a local temporary file),
 * skip it when the app's latest stored scan is of the same artifact (as the single-machine scan resumes), else scan
 * it in a worker JVM of this executor's {@link WorkerPool} with the portfolio scan's time and heap budget, and return
 * one {@code results} row per version. The scan itself never throws: a late, runaway or crashing app is a failed row.
 */
final class ScanTask {
    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /**
     * The task's settings.
     *
     * @param workerHeap     {@code -Xmx} of each worker JVM
     * @param appTimeoutMs   wall time one app may take
     * @param db             the advisory database folder on the executors (or null for the worker's default)
     * @param rules          run only these rules (empty: all)
     * @param excludeRules   do not run these rules
     * @param retryFailed    scan again a version whose stored scan failed
     * @param toolVersion    for failed records made here
     * @param failOnceApp    fault injection for tests: the first attempt of this app's task dies after emitting its
     *                       first row (null: never)
     * @param failOnceMarker where that first attempt leaves its marker (a folder every executor sees)
     */
    record Settings(String workerHeap, long appTimeoutMs, String db, List<String> rules, List<String> excludeRules,
                    boolean retryFailed, String toolVersion, String failOnceApp, String failOnceMarker)
            implements Serializable {
    }

    private ScanTask() {
    }

    static Iterator<Row> run(int round, AppUnit unit, Settings settings, Map<String, String> hadoopConf) {
        Configuration conf = new Configuration(false);
        hadoopConf.forEach(conf::set);
        List<String> command = workerCommand(settings);
        int attempt = TaskContext.get() == null ? 0 : TaskContext.get().attemptNumber();
        List<Row> rows = new ArrayList<>();
        String lastSha = unit.priorSha256(), lastStatus = unit.priorStatus();
        int seq = 0;
        for (AppUnit.Version v : unit.versions()) {
            seq++;
            Path tmpDir = null;
            try {
                org.apache.hadoop.fs.Path hp = new org.apache.hadoop.fs.Path(v.path());
                FileSystem fs = hp.getFileSystem(conf);
                Path local;
                if ("file".equals(fs.getScheme())) {
                    local = Path.of(hp.toUri().getPath());
                } else {
                    tmpDir = Files.createTempDirectory("triage-spark-");
                    local = tmpDir.resolve(hp.getName());
                    try (InputStream in = fs.open(hp)) {
                        Files.copy(in, local);
                    }
                }
                String sha;
                long bytes;
                try {
                    sha = PortfolioRunner.sha256(local);
                    bytes = Files.size(local);
                } catch (IOException e) {
                    rows.add(unreadable(round, unit, v, seq, attempt, "cannot read: " + e.getMessage()));
                    continue;
                }
                if (sha.equals(lastSha) && (!settings.retryFailed() || ScanRecord.OK.equals(lastStatus))) continue;
                ScanRecord record = scan(command, local, settings);
                rows.add(row(round, unit, v, seq, sha, hp.getName(), bytes, record, attempt));
                lastSha = sha;
                lastStatus = record.status();
            } catch (IOException e) {
                rows.add(unreadable(round, unit, v, seq, attempt, "cannot read: " + e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("task interrupted", e);
            } finally {
                deleteQuietly(tmpDir);
            }
        }
        if (attempt == 0 && unit.appKey().equals(settings.failOnceApp()) && firstTime(settings.failOnceMarker(), unit.appKey(), conf)) {
            return failingAfterFirst(rows, unit.appKey());
        }
        return rows.iterator();
    }

    private static ScanRecord scan(List<String> command, Path artifact, Settings settings) throws InterruptedException {
        WorkerProcess w;
        long started = System.currentTimeMillis();
        try {
            w = WorkerPool.borrow(command);
        } catch (IOException e) {
            return ScanRecord.failed(settings.toolVersion(), started, System.currentTimeMillis(), "crashed",
                    "the worker could not start: " + e.getMessage());
        }
        try {
            return w.scan(artifact, Duration.ofMillis(settings.appTimeoutMs()), settings.toolVersion());
        } finally {
            WorkerPool.release(command, w);
        }
    }

    /** The worker command: this executor's Java and Triage's class path, the heap budget, the worker subcommand. */
    static List<String> workerCommand(Settings s) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + s.workerHeap());
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Xshare:auto");
        cmd.add("-cp");
        cmd.add(triageClassPath());
        cmd.add("dev.triage.cli.Main");
        cmd.add("portfolio");
        cmd.add("worker");
        cmd.add("--timeout");
        cmd.add(Math.max(1, s.appTimeoutMs() / 1000) + "s");
        if (s.db() != null) {
            cmd.add("--db");
            cmd.add(Path.of(s.db()).toAbsolutePath().toString());
        }
        if (!s.rules().isEmpty()) {
            cmd.add("--rules");
            cmd.add(String.join(",", s.rules()));
        }
        if (!s.excludeRules().isEmpty()) {
            cmd.add("--exclude-rules");
            cmd.add(String.join(",", s.excludeRules()));
        }
        return cmd;
    }

    /** The job jar when running from it (it carries triage-cli), else this JVM's class path (tests, an IDE). */
    static String triageClassPath() {
        try {
            var source = ScanTask.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                Path p = Path.of(source.getLocation().toURI());
                if (Files.isRegularFile(p) && p.toString().endsWith(".jar")) return p.toString();
            }
        } catch (java.net.URISyntaxException | IllegalArgumentException | SecurityException ignored) {
            // fall back to the class path
        }
        return System.getProperty("java.class.path");
    }

    static Row row(int round, AppUnit unit, AppUnit.Version v, int seq, String sha, String fileName, long bytes,
                   ScanRecord r, int attempt) {
        String json;
        try {
            json = JSON.writeValueAsString(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return RowFactory.create(unit.appKey(), seq, v.line(), v.path(), v.name(), v.platform(), v.category(),
                v.vendor(), v.storeUpdatedDay(), v.version(), sha, fileName, bytes, r.startedAt(), r.finishedAt(),
                ScanRecords.epochDay(r.startedAt()), r.toolVersion(), r.rulesVersion(), r.status(), r.failureKind(),
                r.failureReason(), r.appClasses(), r.codeBytes(), r.buildDay(), r.buildSource(), r.findings().size(),
                r.problems().size(), Math.max(0, r.finishedAt() - r.startedAt()), attempt, json, round);
    }

    private static Row unreadable(int round, AppUnit unit, AppUnit.Version v, int seq, int attempt, String reason) {
        return RowFactory.create(unit.appKey(), seq, v.line(), v.path(), v.name(), v.platform(), v.category(),
                v.vendor(), v.storeUpdatedDay(), v.version(), "", "", 0L, null, null, null, null, null,
                ParquetTables.UNREADABLE, null, reason, null, null, null, null, null, null, null, attempt, null, round);
    }

    /** True the first time it is asked for this app (a marker file created atomically), false after. */
    private static boolean firstTime(String markerDir, String appKey, Configuration conf) {
        if (markerDir == null) return false;
        try {
            org.apache.hadoop.fs.Path marker = new org.apache.hadoop.fs.Path(markerDir, "failed-once-" + appKey.replaceAll("[^A-Za-z0-9._-]", "_"));
            return marker.getFileSystem(conf).createNewFile(marker);
        } catch (IOException e) {
            return false;
        }
    }

    /** An iterator that hands out the first row, then dies as an executor would midway through the task. */
    private static Iterator<Row> failingAfterFirst(List<Row> rows, String appKey) {
        return new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                if (i >= 1) throw new IllegalStateException("fault injection: the first attempt of " + appKey + " dies midway");
                return i < rows.size();
            }

            @Override
            public Row next() {
                if (!hasNext()) throw new NoSuchElementException();
                return rows.get(i++);
            }
        };
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary file left behind is the executor's to clean
        }
    }
}
