package dev.triage.analysis.value;

import dev.triage.analysis.model.NeutralRow;

/**
 * A transfer stage: neutral rows, library methods reviewed as carrying nothing that matters (a location's provider
 * name or accuracy is not the location). The call is understood: its result carries no labels from its inputs
 * (neither through a wildcard summary nor through the default for unmodelled calls), and the objects passed keep
 * their facts.
 */
final class NeutralTransfer {
    private NeutralTransfer() {
    }

    /** True when a neutral row names the call (then no summary applies to it). */
    static boolean apply(Call c) {
        for (NeutralRow n : c.context().models().neutralsNamed(c.insn.name)) {
            if (ModelMatch.matches(n.method(), c.insn, c.context().program())) {
                c.understood = true;
                return true;
            }
        }
        return false;
    }
}
