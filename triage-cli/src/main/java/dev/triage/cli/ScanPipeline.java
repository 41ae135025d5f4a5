package dev.triage.cli;

import dev.triage.findings.ScanResult;

/** Runs one scan through the pipeline: intake → program model → analyses → findings. */
public final class ScanPipeline {
    private ScanPipeline() {
    }

    public static ScanResult run(ScanRequest request) {
        throw new UnsupportedOperationException("TODO");
    }
}
