package dev.triage.intake.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.function.LongSupplier;

/** Reads one entry in bounded chunks, enforcing the limits on the bytes actually produced. */
final class BoundedReader {
    private static final int CHUNK = 64 * 1024;
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 64;

    private BoundedReader() {
    }

    /**
     * @param consumed compressed bytes consumed so far for this entry (or -1 when unknown)
     * @param keep     false to read and discard (still enforcing the limits)
     * @return the bytes, or null when {@code keep} is false
     */
    static byte[] read(InputStream in, LongSupplier consumed, Budget budget, boolean keep)
            throws IOException, LimitException {
        long maxEntry = Math.min(budget.limits.maxEntryBytes(), MAX_ARRAY);
        long grace = budget.limits.ratioGraceBytes();
        long maxRatio = budget.limits.maxCompressionRatio();
        byte[] chunk = new byte[CHUNK];
        byte[] buf = keep ? new byte[(int) Math.min(CHUNK, Math.max(0, maxEntry))] : null;
        long total = 0;
        int n;
        while ((n = in.read(chunk, 0, CHUNK)) != -1) {
            if (n == 0) {
                continue;
            }
            total += n;
            if (total > maxEntry) {
                throw new LimitException("entry is larger than the limit of " + budget.limits.maxEntryBytes()
                        + " bytes (zip bomb?)", false);
            }
            if (maxRatio > 0 && total > grace) {
                long c = consumed.getAsLong();
                if (c >= 0 && total / Math.max(1, c) > maxRatio) {
                    throw new LimitException("compression ratio " + (total / Math.max(1, c)) + ":1 exceeds the limit "
                            + maxRatio + ":1 (zip bomb?)", false);
                }
            }
            budget.countBytes(n);
            if (keep) {
                if (total > buf.length) {
                    long newLen = Math.min(maxEntry, Math.max(total, (long) buf.length * 2));
                    buf = Arrays.copyOf(buf, (int) newLen);
                }
                System.arraycopy(chunk, 0, buf, (int) (total - n), n);
            }
        }
        return keep ? (buf.length == total ? buf : Arrays.copyOf(buf, (int) total)) : null;
    }
}
