package dev.triage.analysis.value;

import java.util.Set;

/**
 * What an app method's checks prove about one of its parameters for its callers: the sink kinds the parameter is
 * clean for wherever the method returns true ({@code onTrue}: {@code boolean isSafeName(String n)}), and wherever
 * it returns at all ({@code onExit}: a helper that throws when the check fails). {@code all} stands for every kind.
 */
public record ParameterGuard(Set<String> onTrue, Set<String> onExit) {
    public ParameterGuard {
        onTrue = Set.copyOf(onTrue);
        onExit = Set.copyOf(onExit);
    }
}
