package dev.triage.intake.internal;

import dev.triage.intake.IntakeLimits;

/** Counts entries and uncompressed bytes actually read for one top-level input. */
final class Budget {
    final IntakeLimits limits;
    private long entries;
    private long bytes;

    Budget(IntakeLimits limits) {
        this.limits = limits;
    }

    void countEntry() throws LimitException {
        entries++;
        if (entries > limits.maxEntries()) {
            throw new LimitException("too many entries (more than " + limits.maxEntries()
                    + "); the rest of the input is skipped", true);
        }
    }

    void countBytes(long n) throws LimitException {
        bytes += n;
        if (bytes > limits.maxTotalBytes()) {
            throw new LimitException("more than " + limits.maxTotalBytes()
                    + " uncompressed bytes in this input; the rest of the input is skipped", true);
        }
    }
}
