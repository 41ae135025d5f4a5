package dev.triage.analysis.value;

import dev.triage.analysis.model.SanitizerRow;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * A transfer stage: sanitizer rows. The result keeps its inputs' flow labels, each marked clean for the row's sink
 * kinds ({@code all}: the flow labels are dropped); other labels stay.
 */
final class SanitizerTransfer {
    private SanitizerTransfer() {
    }

    static void apply(Call c) {
        if (c.result == null) return;
        ValueContext ctx = c.context();
        Value result = c.result;
        for (SanitizerRow s : ctx.models().sanitizersNamed(c.insn.name)) {
            if (!ModelMatch.matches(s.method(), c.insn, ctx.program()) || !CallLabels.conditionsHold(s.when(), c.args)) continue;
            Set<String> labels = new TreeSet<>();
            for (String l : result.labels()) if (!Taint.isFlow(l)) labels.add(l);
            if (!s.clears().contains(Taint.ALL)) {
                for (Value v : CallLabels.valuesAt(s.from(), c.receiver, c.args)) {
                    for (String l : v.labels()) if (Taint.isFlow(l)) labels.add(Taint.sanitize(l, s.clears()));
                }
            }
            result = new Value(result.type(), result.getSize(), result.constants(), result.prefix(), result.object(),
                    -1, Collections.unmodifiableSet(labels), result.origin());
        }
        c.result = result;
    }
}
