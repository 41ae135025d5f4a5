package dev.triage.cli;

import java.io.PrintWriter;

/** A one-line progress display on a terminal (stderr), redrawn at most ten times a second. */
final class ProgressDisplay implements ScanPipeline.Progress {
    private final PrintWriter err;
    private final boolean enabled;
    private long lastDraw;
    private String phase = "";

    ProgressDisplay(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    @Override
    public synchronized void phase(String name) {
        phase = name;
        draw(name, true);
    }

    @Override
    public synchronized void classes(int done, int total) {
        int pct = total == 0 ? 100 : (int) (100L * done / total);
        draw(phase + ": " + done + "/" + total + " (" + pct + "%)", done == total);
    }

    private void draw(String text, boolean force) {
        if (!enabled) return;
        long now = System.nanoTime();
        if (!force && now - lastDraw < 100_000_000L) return;
        lastDraw = now;
        String line = text.length() > 78 ? text.substring(0, 78) : text;
        err.print("\r\033[2K" + line);
        err.flush();
    }

    synchronized void done() {
        if (!enabled) return;
        err.print("\r\033[2K");
        err.flush();
    }
}
