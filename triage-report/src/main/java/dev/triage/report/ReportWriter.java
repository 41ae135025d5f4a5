package dev.triage.report;

import dev.triage.findings.ScanResult;

import java.io.IOException;
import java.io.Writer;

/** Writes one scan result in one format. Implementations do not close {@code out}. */
public interface ReportWriter {
    void write(ScanResult result, ReportOptions options, Writer out) throws IOException;
}
