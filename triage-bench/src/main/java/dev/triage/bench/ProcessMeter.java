package dev.triage.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command as a child process and measures it from outside.
 *
 * <ul>
 *   <li>wall time: the parent's monotonic clock from just before start to the end of waitFor;</li>
 *   <li>CPU time: utime+stime (fields 14 and 15 of /proc/PID/stat, plus cutime/cstime of waited-for children) in
 *       clock ticks (getconf CLK_TCK);</li>
 *   <li>peak RSS: VmHWM of /proc/PID/status.</li>
 * </ul>
 * /proc is polled every {@link #POLL_MS} ms until the process exits; the last values seen are kept, so the CPU time
 * can be short by at most one poll interval times the cores in use.
 */
public final class ProcessMeter {

    public static final long POLL_MS = 50;
    private static final long CLK_TCK = clockTicks();

    public record Measurement(List<String> command, int exitCode, double wallSeconds, double cpuSeconds,
                              long peakRssKb, int samples, boolean timedOut) {
        public double peakRssMb() {
            return peakRssKb / 1024.0;
        }
    }

    private ProcessMeter() {
    }

    public static Measurement run(List<String> command, Path log, long timeoutSeconds) throws IOException, InterruptedException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        long t0 = System.nanoTime();
        Process p = pb.start();
        long pid = p.pid();
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        Path status = Path.of("/proc", Long.toString(pid), "status");
        long ticks = 0;
        long hwmKb = 0;
        int samples = 0;
        long deadline = t0 + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        boolean timedOut = false;
        while (true) {
            long t = readTicks(stat);
            if (t >= 0) {
                ticks = Math.max(ticks, t);
            }
            long h = readHwm(status);
            if (h > 0) {
                hwmKb = Math.max(hwmKb, h);
            }
            samples++;
            if (p.waitFor(POLL_MS, TimeUnit.MILLISECONDS)) {
                break;
            }
            if (System.nanoTime() > deadline) {
                timedOut = true;
                p.destroyForcibly();
                p.waitFor();
                break;
            }
        }
        long t1 = System.nanoTime();
        return new Measurement(List.copyOf(command), p.exitValue(), (t1 - t0) / 1e9, ticks / (double) CLK_TCK,
            hwmKb, samples, timedOut);
    }

    /** utime+stime+cutime+cstime in clock ticks, or -1 when the process is gone. */
    static long readTicks(Path stat) {
        try {
            String s = Files.readString(stat);
            // The command name (field 2) is in parentheses and may hold spaces: split after the last ')'.
            String[] f = s.substring(s.lastIndexOf(')') + 2).trim().split("\\s+");
            // f[0] is field 3 (state); utime is field 14 -> f[11]; stime f[12]; cutime f[13]; cstime f[14].
            return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** VmHWM in kB, or -1. */
    static long readHwm(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return -1;
    }

    static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (p.waitFor() == 0) {
                return Long.parseLong(out);
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }

    static long clkTck() {
        return CLK_TCK;
    }

    private static java.io.File nullDevice() {
        return new java.io.File("/dev/null");
    }
}
