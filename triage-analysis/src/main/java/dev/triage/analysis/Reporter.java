package dev.triage.analysis;

import dev.triage.contract.Detection;

/** Where detectors put what they find. Thread-safe. */
public interface Reporter {
    void report(Detection detection);
}
