package dev.triage.analysis;

import dev.triage.program.Program;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole-program index: the app classes nested in each app class ({@code Outer$Inner}, {@code Outer$1}, and D8's
 * {@code Outer$$ExternalSyntheticLambda0}), in the program's class order.
 */
public final class NestedClasses {
    public static final AnalysisId<NestedClasses> ID = AnalysisId.of("nested-classes", c -> new NestedClasses(c.program()));

    private final Map<String, List<String>> nested;

    private NestedClasses(Program program) {
        Map<String, List<String>> m = new HashMap<>();
        for (Program.AppClass a : program.appClasses()) {
            String name = a.info().name();
            // Outer$Inner$1 is nested in Outer and in Outer$Inner.
            for (int d = name.indexOf('$', name.lastIndexOf('/') + 1); d > 0; d = name.indexOf('$', d + 1)) {
                m.computeIfAbsent(name.substring(0, d), k -> new ArrayList<>()).add(name);
            }
        }
        m.replaceAll((k, v) -> List.copyOf(v));
        this.nested = m;
    }

    /** The app classes nested (at any level) in this one; empty when none. */
    public List<String> of(String owner) {
        return nested.getOrDefault(owner, List.of());
    }
}
