package dev.triage.bench;

import java.io.IOException;
import java.nio.file.Path;

/** One analyser run as a child process on a generated app. */
public interface ToolRunner {

    /** Short name used in --tools and in the table. */
    String name();

    /** Null when the tool can run, else why not (e.g. a jar is missing). */
    String unavailableReason();

    /** A one-line description of the version and options, printed once. */
    String describe();

    Result run(AppGenerator.App app, Path runDir, long timeoutSeconds) throws IOException, InterruptedException;

    /**
     * @param findings total findings reported, or -1 when the output could not be read
     * @param note     extra detail (e.g. SECURITY-category count, exit code problems)
     */
    record Result(String tool, ProcessMeter.Measurement measurement, int findings, String note) {
    }
}
