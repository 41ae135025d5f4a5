package dev.triage.intake.internal;

/**
 * A safety limit was hit. {@link #wholeInput} limits (total bytes, entry count) stop the rest of the
 * top-level input; the others stop only the entry (or, for streamed archives, the rest of that archive).
 */
final class LimitException extends Exception {
    final boolean wholeInput;

    LimitException(String message, boolean wholeInput) {
        super(message, null, false, false);
        this.wholeInput = wholeInput;
    }
}
