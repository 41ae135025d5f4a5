package dev.triage.findings;

import java.util.Comparator;

/** The one order findings are shown and written in: most severe first, then by place, then by id. */
public final class FindingOrder {
    private FindingOrder() {
    }

    public static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> -f.severity().level())
            .thenComparing(f -> f.rule().id())
            .thenComparing(f -> f.location().sourcePath())
            .thenComparing(f -> f.location().className())
            .thenComparingInt(f -> f.location().line())
            .thenComparing(f -> f.location().methodName())
            .thenComparing(Finding::fingerprint);
}
