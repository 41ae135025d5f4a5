package dev.triage.portfolio;

import dev.triage.store.ScanRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One child JVM that scans apps one after another (so JVM start-up and the loaded models are paid once per worker,
 * not once per app). The parent bounds each app: a heap limit given on the child's command line
 * ({@code -Xmx}, with {@code -XX:+ExitOnOutOfMemoryError} so a runaway app ends the child rather than leaving it
 * thrashing) and a wall-time limit enforced here (the child is killed when an answer is late). Either way the app
 * gets a failed scan with the reason, and the next app gets a fresh child. The portfolio runner and the Spark job's
 * tasks both scan through it.
 */
public final class WorkerProcess implements AutoCloseable {
    private static final String EOF = "\u0000eof";
    private static final int STDERR_LINES = 20;

    private final Process process;
    private final Writer toChild;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final ArrayDeque<String> stderrTail = new ArrayDeque<>();
    private final Thread stderrPump;
    private final Thread stdoutPump;
    private int served;

    /**
     * Starts a worker and waits until it says it is ready (its models loaded), so that start-up is not counted in
     * the first app's time budget.
     */
    public WorkerProcess(List<String> command, Duration startup) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        process = pb.start();
        toChild = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        stdoutPump = new Thread(() -> pump(), "triage-worker-out-" + process.pid());
        stdoutPump.setDaemon(true);
        stdoutPump.start();
        stderrPump = new Thread(() -> drainStderr(), "triage-worker-err-" + process.pid());
        stderrPump.setDaemon(true);
        stderrPump.start();
        String first = answers.poll(startup.toMillis(), TimeUnit.MILLISECONDS);
        if (!WorkerProtocol.READY.equals(first)) {
            kill();
            throw new IOException("the worker did not start within " + human(startup) + ": " + stderrTail());
        }
    }

    private String stderrTail() {
        try {
            stderrPump.join(2000); // the child is gone: let the pumps read what it printed last
            stdoutPump.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (stderrTail) {
            return String.join(" | ", stderrTail);
        }
    }

    private void pump() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith(WorkerProtocol.RESULT_PREFIX) || line.equals(WorkerProtocol.READY)) {
                    answers.add(line);
                } else {
                    remember(line); // the JVM's own messages (an OutOfMemoryError exit) go to stdout
                }
            }
        } catch (IOException ignored) {
            // the child died: the EOF below says so
        } finally {
            answers.add(EOF);
        }
    }

    private void remember(String line) {
        synchronized (stderrTail) {
            if (stderrTail.size() == STDERR_LINES) stderrTail.removeFirst();
            stderrTail.addLast(line.length() > 400 ? line.substring(0, 400) : line);
        }
    }

    private void drainStderr() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) remember(line);
        } catch (IOException ignored) {
            // the child is gone
        }
    }

    public int served() {
        return served;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /**
     * Scans one artifact within {@code timeout}. Returns the child's record, or a failed record when the child was
     * late (killed: {@code timeout}), ran out of heap ({@code out-of-memory}) or died ({@code crashed}); after a
     * failure of the child itself, {@link #alive()} is false and the caller starts a new one.
     */
    public ScanRecord scan(Path artifact, Duration timeout, String toolVersion) throws InterruptedException {
        return scan(artifact, null, timeout, toolVersion);
    }

    /** As {@link #scan(Path, Duration, String)}; the child also writes the scan's reports into {@code reportDir}. */
    public ScanRecord scan(Path artifact, Path reportDir, Duration timeout, String toolVersion) throws InterruptedException {
        long started = System.currentTimeMillis();
        served++;
        try {
            toChild.write(WorkerProtocol.request(artifact, reportDir));
            toChild.write('\n');
            toChild.flush();
        } catch (IOException e) {
            return died(started, toolVersion);
        }
        String answer = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (answer == null) {
            kill();
            return ScanRecord.failed(toolVersion, started, System.currentTimeMillis(), "timeout",
                    "not finished within " + human(timeout) + ": the worker was stopped");
        }
        if (EOF.equals(answer)) return died(started, toolVersion);
        try {
            return WorkerProtocol.parse(answer);
        } catch (IOException e) {
            kill();
            return ScanRecord.failed(toolVersion, started, System.currentTimeMillis(), "crashed",
                    "unreadable answer from the worker: " + e.getMessage());
        }
    }

    private ScanRecord died(long started, String toolVersion) throws InterruptedException {
        process.waitFor(10, TimeUnit.SECONDS);
        kill();
        String tail = stderrTail();
        int code = process.isAlive() ? -1 : process.exitValue();
        // -XX:+ExitOnOutOfMemoryError exits with code 3 after printing "Terminating due to java.lang.OutOfMemoryError"
        boolean oom = tail.contains("OutOfMemoryError");
        String reason = oom ? "ran out of its heap budget (the worker exited with OutOfMemoryError)"
                : "the worker exited with code " + code + (tail.isEmpty() ? "" : ": " + last(tail, 600));
        return ScanRecord.failed(toolVersion, started, System.currentTimeMillis(), oom ? "out-of-memory" : "crashed", reason);
    }

    private static String last(String s, int n) {
        return s.length() <= n ? s : "…" + s.substring(s.length() - n);
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 && s >= 60 ? (s / 60) + " min" : s + " s";
    }

    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            toChild.close(); // end of input: the child finishes and exits
            if (!process.waitFor(5, TimeUnit.SECONDS)) kill();
        } catch (IOException | InterruptedException e) {
            kill();
        }
    }
}
