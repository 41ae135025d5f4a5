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
 */
public record ScanStats(long startedAtEpochMillis, long durationMillis, int appClasses, int libraryClasses,
                        int methodsAnalysed, int libraries) {
}
