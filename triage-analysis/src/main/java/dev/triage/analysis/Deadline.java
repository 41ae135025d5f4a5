package dev.triage.analysis;

import dev.triage.analysis.value.ValueContext;

/**
 * A wall-clock deadline for the analyses of one scan (the {@code --timeout} budget from the scan's start): analyses
 * check it and stop with {@link ValueContext.DeadlineExceeded}; what is unfinished is reported as a problem.
 */
public final class Deadline {
    private final long deadlineNanos;

    public Deadline(java.time.Duration budget) {
        long now = System.nanoTime();
        long d = budget.toNanos();
        this.deadlineNanos = d <= 0 || d > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : now + d;
    }

    public boolean exhausted() {
        return deadlineNanos != Long.MAX_VALUE && System.nanoTime() > deadlineNanos;
    }

    public void check() {
        if (exhausted()) throw new ValueContext.DeadlineExceeded("time budget exhausted");
    }
}
