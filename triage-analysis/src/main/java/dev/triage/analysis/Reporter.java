package dev.triage.analysis;

/** Where detectors put what they find. Thread-safe. */
public interface Reporter {
    void report(Detection detection);
}
