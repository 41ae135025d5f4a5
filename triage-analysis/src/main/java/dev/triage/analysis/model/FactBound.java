package dev.triage.analysis.model;

/**
 * A fact value in a model's fact alternatives that is a range, not one value: {@code {maxAge: {above: 0}}} holds for a
 * cookie kept on disk, {@code {maxAge: {at-most: 0}}} for a session cookie or one being deleted. Only integral numbers
 * recorded with a known value are in range (booleans are no numbers here).
 *
 * @param above  the value must be greater than this, or null
 * @param atMost the value must be at most this, or null
 */
public record FactBound(Long above, Long atMost) {
    public FactBound {
        if (above == null && atMost == null) throw new IllegalArgumentException("a fact range needs above or at-most");
    }

    /** True when the recorded value is an integral number within the range. */
    public boolean test(Object actual) {
        if (!(actual instanceof Integer || actual instanceof Long || actual instanceof Short || actual instanceof Byte)) return false;
        long v = ((Number) actual).longValue();
        return (above == null || v > above) && (atMost == null || v <= atMost);
    }
}
