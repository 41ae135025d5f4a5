package dev.triage.analysis;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The results of the whole-program analyses of one scan (static finals, field labels, method summaries, Android
 * exposure, taint summaries, class-wide object facts...), one object per {@link AnalysisId}, made once on first use
 * and shared by every thread. Each result object answers questions about the program and caches its answers in a
 * way that does not depend on the order threads ask in.
 */
public final class AnalysisResults {
    private final AnalysisContext context;
    private final Map<AnalysisId<?>, Object> results = new ConcurrentHashMap<>();
    private final Object lock = new Object();

    AnalysisResults(AnalysisContext context) {
        this.context = context;
    }

    /** The result of an analysis for this scan, made on first use. */
    @SuppressWarnings("unchecked")
    public <T> T get(AnalysisId<T> id) {
        Object r = results.get(id);
        if (r != null) return (T) r;
        synchronized (lock) {
            r = results.get(id);
            if (r == null) {
                r = id.create(context);
                results.put(id, r);
            }
            return (T) r;
        }
    }
}
