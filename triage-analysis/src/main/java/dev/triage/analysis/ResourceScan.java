package dev.triage.analysis;

/** The app's resources handed to detectors. */
public record ResourceScan(AnalysisContext context, Reporter reporter) {
}
