package dev.triage.intake;

/**
 * Bounds that keep intake safe on hostile archives. Every number is enforced on the bytes actually
 * read, never on sizes an archive declares about itself.
 *
 * @param maxEntries          entries read over all archives of one input (a zip with a million tiny
 *                            entries is refused past this)
 * @param maxTotalBytes       uncompressed bytes read over one input
 * @param maxEntryBytes       uncompressed bytes of a single entry (class, resource or nested archive)
 * @param maxCompressionRatio uncompressed/compressed ratio of one entry above which it is a zip bomb
 *                            (checked once the entry has inflated past {@code ratioGraceBytes})
 * @param ratioGraceBytes     small entries compress well legitimately; the ratio check starts above this
 * @param maxNestingDepth     archives inside archives: a top-level jar is depth 0, a jar inside it 1...
 * @param maxManifestBytes    Android: largest binary or protobuf AndroidManifest.xml (and other binary XML
 *                            resource file) decoded
 * @param maxResourceTableBytes Android: largest resources.arsc / resources.pb decoded
 * @param maxResourceStrings  Android: largest string pool (strings declared) in binary XML or a resource table
 * @param maxDexMethodInstructions Android: DEX methods with more instructions keep their signature, but their
 *                            body is replaced by a stub (dex2jar's translation is superlinear on huge methods)
 */
public record IntakeLimits(
        int maxEntries,
        long maxTotalBytes,
        long maxEntryBytes,
        int maxCompressionRatio,
        long ratioGraceBytes,
        int maxNestingDepth,
        long maxManifestBytes,
        long maxResourceTableBytes,
        int maxResourceStrings,
        int maxDexMethodInstructions) {

    public static final IntakeLimits DEFAULTS =
            new IntakeLimits(500_000, 4L << 30, 256L << 20, 200, 1L << 20, 4);

    /** The archive limits with the default Android limits. */
    public IntakeLimits(int maxEntries, long maxTotalBytes, long maxEntryBytes, int maxCompressionRatio,
            long ratioGraceBytes, int maxNestingDepth) {
        this(maxEntries, maxTotalBytes, maxEntryBytes, maxCompressionRatio, ratioGraceBytes, maxNestingDepth,
                4L << 20, 64L << 20, 2_000_000, 30_000);
    }
}
