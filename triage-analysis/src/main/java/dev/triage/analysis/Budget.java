package dev.triage.analysis;

import dev.triage.analysis.value.ValueContext;

/** A wall-clock deadline for the analyses of one scan. */
public final class Budget {
    private final long deadlineNanos;

    public Budget(java.time.Duration budget) {
        long now = System.nanoTime();
        long d = budget.toNanos();
        this.deadlineNanos = d <= 0 || d > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : now + d;
    }

    public boolean exhausted() {
        return deadlineNanos != Long.MAX_VALUE && System.nanoTime() > deadlineNanos;
    }

    public void check() {
        if (exhausted()) throw new ValueContext.BudgetExceeded("time budget exhausted");
    }
}
