package dev.triage.analysis;

import java.util.Objects;
import java.util.function.Function;

/**
 * Names one whole-program analysis and how to make its result object for a scan: the key under which
 * {@link AnalysisResults} keeps that result (as Tai-e keeps results by analysis id). Ids are constants of the
 * analysis classes; equal only to themselves.
 *
 * <p>The factory must be cheap and must not ask the store for other results: a result object computes what it knows
 * lazily, when first asked, and caches it.
 *
 * @param <T> the result's type
 */
public final class AnalysisId<T> {
    private final String name;
    private final Function<AnalysisContext, T> factory;

    private AnalysisId(String name, Function<AnalysisContext, T> factory) {
        this.name = Objects.requireNonNull(name);
        this.factory = Objects.requireNonNull(factory);
    }

    public static <T> AnalysisId<T> of(String name, Function<AnalysisContext, T> factory) {
        return new AnalysisId<>(name, factory);
    }

    public String name() {
        return name;
    }

    T create(AnalysisContext context) {
        return Objects.requireNonNull(factory.apply(context), name);
    }

    @Override
    public String toString() {
        return name;
    }
}
