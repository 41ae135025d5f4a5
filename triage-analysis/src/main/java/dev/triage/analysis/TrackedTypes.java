package dev.triage.analysis;

import dev.triage.analysis.model.Models;
import dev.triage.program.Program;
import org.objectweb.asm.Type;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A whole-program analysis: the object kind values of a type are tracked as wherever they come from (the models'
 * {@code types}: a WebView, an Intent, and their subtypes in the program), computed once per type.
 */
public final class TrackedTypes {
    public static final AnalysisId<TrackedTypes> ID = AnalysisId.of("tracked-types", c -> new TrackedTypes(c.program(), c.models()));

    private final Program program;
    private final Models models;
    private final Map<String, Optional<String>> kinds = new ConcurrentHashMap<>();

    private TrackedTypes(Program program, Models models) {
        this.program = program;
        this.models = models;
    }

    /** The tracked object kind of values of this type, or null. */
    public String kind(Type type) {
        if (type == null || type.getSort() != Type.OBJECT || models.trackedTypes().isEmpty()) return null;
        return kinds.computeIfAbsent(type.getInternalName(), n -> {
            for (Map.Entry<String, String> t : models.trackedTypes().entrySet()) {
                if (n.equals(t.getKey()) || program.isSubtype(n, t.getKey())) return Optional.of(t.getValue());
            }
            return Optional.empty();
        }).orElse(null);
    }
}
