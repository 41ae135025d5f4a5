package dev.triage.analysis.value;

import dev.triage.analysis.model.GuardRow;
import dev.triage.analysis.model.Position;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A transfer stage: guard rows. A guard call's boolean result remembers the value it checked and the sink kinds it
 * clears, as a {@code guard} object; {@link PruningAnalyzer} cleans the checked value on the branch where the guard
 * held.
 */
final class GuardTransfer {
    private GuardTransfer() {
    }

    static void apply(Call c) {
        Value result = c.result;
        if (result == null || result.getSize() != 1) return;
        ValueContext ctx = c.context();
        for (GuardRow g : ctx.models().guardsNamed(c.insn.name)) {
            if (!ModelMatch.matches(g.method(), c.insn, ctx.program())) continue;
            if (!CallLabels.conditionsHold(g.when(), c.args)) continue;
            if (g.when().containsKey(Position.THIS) && (c.receiver == null || !CallLabels.holds(g.when().get(Position.THIS), c.receiver))) continue;
            Value checked = g.checks() == Position.THIS ? c.receiver : g.checks() >= 0 && g.checks() < c.args.size() ? c.args.get(g.checks()) : null;
            if (checked == null || checked.labels().stream().noneMatch(Taint::isFlow)) continue;
            Map<String, Object> state = new HashMap<>();
            state.put("checked", checked);
            state.put("clears", List.copyOf(g.clears()));
            c.result = result.withObject(new AbstractObject("guard@" + c.interpreter.site(c.insn), "guard", state, false));
            return;
        }
    }

    /** The checked value made clean for the guard's kinds, as it stands on the branch where the guard held. */
    static Value cleaned(Value v, List<String> clears) {
        Set<String> labels = new TreeSet<>();
        for (String l : v.labels()) {
            if (!Taint.isFlow(l)) labels.add(l);
            else if (!clears.contains(Taint.ALL)) labels.add(Taint.sanitize(l, clears));
        }
        return new Value(v.type(), v.getSize(), v.constants(), v.prefix(), v.object(), v.param(),
                Collections.unmodifiableSet(labels), v.origin());
    }
}
