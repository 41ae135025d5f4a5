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
 * @param modelCoverage        of the library calls tainted data reached, how many a model described ({@code sites-model},
 *                             {@code methods-model}), a summary computed from library code ({@code ...-computed}), or
 *                             nothing ({@code ...-none}), by call site and by distinct method; for --stats, not reports
 */
public record ScanStats(long startedAtEpochMillis, long durationMillis, int appClasses, int libraryClasses,
                        int methodsAnalysed, int libraries, long appCodeBytes, java.util.Map<String, Integer> modelCoverage) {
    public ScanStats {
        modelCoverage = modelCoverage == null ? java.util.Map.of() : java.util.Map.copyOf(modelCoverage);
    }

    /** Figures without model coverage. */
    public ScanStats(long startedAtEpochMillis, long durationMillis, int appClasses, int libraryClasses,
                     int methodsAnalysed, int libraries, long appCodeBytes) {
        this(startedAtEpochMillis, durationMillis, appClasses, libraryClasses, methodsAnalysed, libraries, appCodeBytes, null);
    }

    /** Figures without the app's code size. */
    public ScanStats(long startedAtEpochMillis, long durationMillis, int appClasses, int libraryClasses,
                     int methodsAnalysed, int libraries) {
        this(startedAtEpochMillis, durationMillis, appClasses, libraryClasses, methodsAnalysed, libraries, 0);
    }
}
