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
 */
public record IntakeLimits(
        int maxEntries,
        long maxTotalBytes,
        long maxEntryBytes,
        int maxCompressionRatio,
        long ratioGraceBytes,
        int maxNestingDepth) {

    public static final IntakeLimits DEFAULTS =
            new IntakeLimits(500_000, 4L << 30, 256L << 20, 200, 1L << 20, 4);
}
