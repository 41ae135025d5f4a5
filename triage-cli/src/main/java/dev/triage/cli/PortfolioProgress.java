package dev.triage.cli;

import dev.triage.portfolio.PortfolioEntry;
import dev.triage.portfolio.PortfolioRunner;
import dev.triage.store.ScanRecord;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of a portfolio scan on stderr: on a terminal one bar redrawn in place (apps done of total, failed,
 * skipped as already stored, rate, ETA); elsewhere (CI logs, pipes) a line every few seconds. Failures are printed
 * as they happen, one line each with the reason.
 */
final class PortfolioProgress implements PortfolioRunner.Listener {
    private final PrintWriter err;
    private final boolean terminal;
    private final boolean enabled;
    private final long t0 = System.nanoTime();
    private int total, done, failed, skipped;
    private long lastDraw;

    PortfolioProgress(PrintWriter err, boolean terminal, boolean enabled) {
        this.err = err;
        this.terminal = terminal;
        this.enabled = enabled;
    }

    @Override
    public synchronized void started(long runId, boolean resumed, int apps) {
        total = apps;
        if (enabled) {
            err.println((resumed ? "Resuming" : "Starting") + " portfolio run " + runId + ": " + apps + " app version(s) listed");
            err.flush();
        }
    }

    @Override
    public synchronized void skipped(PortfolioEntry entry) {
        skipped++;
        draw(false);
    }

    @Override
    public synchronized void scanned(PortfolioEntry entry, ScanRecord record) {
        done++;
        if (!record.ok()) {
            failed++;
            clear();
            err.println("failed: " + Text.safe(entry.app().key()) + " (" + Text.safe(entry.path().getFileName().toString())
                    + "): " + record.failureKind() + ": " + Text.safe(String.valueOf(record.failureReason())));
        }
        draw(false);
    }

    @Override
    public synchronized void problem(String line) {
        clear();
        err.println("problem: " + Text.safe(line));
        err.flush();
    }

    synchronized void finish() {
        draw(true);
        if (enabled && terminal) err.println();
        err.flush();
    }

    private void clear() {
        if (enabled && terminal) err.print("\r\033[2K");
    }

    private void draw(boolean force) {
        if (!enabled) return;
        long now = System.nanoTime();
        if (!force && now - lastDraw < (terminal ? 200_000_000L : 5_000_000_000L)) return;
        lastDraw = now;
        int finished = done + skipped;
        double hours = (now - t0) / 3.6e12;
        double rate = hours > 0 ? done / hours : 0;
        int left = Math.max(0, total - finished);
        String eta = rate > 0 && done > 0 ? eta(left / rate * 3600) : "?";
        int width = 24;
        int filled = total == 0 ? width : (int) ((long) width * finished / total);
        String bar = "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
        String line = String.format(Locale.ROOT, "%s %d/%d apps · %d failed · %d already stored · %,.0f apps/h · ETA %s",
                bar, finished, total, failed, skipped, rate, eta);
        if (terminal) {
            err.print("\r\033[2K" + line);
        } else {
            err.println(line);
        }
        err.flush();
    }

    private static String eta(double seconds) {
        long s = Math.round(seconds);
        if (s >= 3600) return (s / 3600) + "h" + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + "m";
        if (s >= 60) return (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
        return s + "s";
    }

    /** Terminal-safe text: control and bidirectional-override characters as \\uXXXX. */
    static final class Text {
        static String safe(String s) {
            StringBuilder b = new StringBuilder(s.length());
            for (char c : s.toCharArray()) {
                if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
                    b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                } else {
                    b.append(c);
                }
            }
            return b.toString();
        }
    }
}
