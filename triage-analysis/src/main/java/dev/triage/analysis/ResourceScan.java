package dev.triage.analysis;

/** The app's resources handed to detectors. */
public record ResourceScan(AnalysisContext context, Reporter reporter) {
    /**
     * Says what a check could not judge, as one line of the scan's problems (an unsigned APK, a signature that does
     * not verify).
     */
    public void problem(String line) {
        context.problem(line);
    }
}
