package dev.triage.findings;

/**
 * Figures about one scan.
 *
 * @param startedAtEpochMillis when the scan started (excluded from determinism comparisons)
 * @param durationMillis       wall time
 * @param appClasses           app classes analysed
 * @param libraryClasses       library classes read for the hierarchy
 * @param methodsAnalysed      app methods whose code was analysed
 * @param libraries            library archives found
 * @param appCodeBytes         bytes of the app's own class files (DEX code counted as converted); 0 when not counted
 */
public record ScanStats(long startedAtEpochMillis, long durationMillis, int appClasses, int libraryClasses,
                        int methodsAnalysed, int libraries, long appCodeBytes) {
    /** Figures without the app's code size. */
    public ScanStats(long startedAtEpochMillis, long durationMillis, int appClasses, int libraryClasses,
                     int methodsAnalysed, int libraries) {
        this(startedAtEpochMillis, durationMillis, appClasses, libraryClasses, methodsAnalysed, libraries, 0);
    }
}
