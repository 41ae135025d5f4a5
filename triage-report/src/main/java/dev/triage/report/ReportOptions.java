package dev.triage.report;

import java.nio.file.Path;

/**
 * How to write a report.
 *
 * <p>There is deliberately no "now" here: outputs only show times taken from
 * {@link dev.triage.findings.ScanStats}, so two writes of the same result are identical.
 *
 * @param sourceRoot where the app's sources live, or {@code null}; SARIF makes file locations
 *                   relative to it, and the console and HTML show paths as found under it
 * @param color      ANSI colour on the console
 * @param verbose    more detail on the console (origin, method descriptor, advice)
 */
public record ReportOptions(Path sourceRoot, boolean color, boolean verbose) {

    /** No source root, no colour, not verbose. */
    public static ReportOptions defaults() {
        return new ReportOptions(null, false, false);
    }

    public ReportOptions withSourceRoot(Path root) {
        return new ReportOptions(root, color, verbose);
    }
}
