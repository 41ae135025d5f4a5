package dev.triage.analysis.value;

import dev.triage.analysis.model.SanitizerRow;

import org.objectweb.asm.Type;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A transfer stage: sanitizer rows. The result keeps its inputs' flow labels, each marked clean for the row's sink
 * kinds ({@code all}: the flow labels are dropped); other labels stay.
 */
final class SanitizerTransfer {
    private SanitizerTransfer() {
    }

    /** Integral numbers (primitive or boxed): what can size an allocation or bound a loop. */
    private static boolean number(Type t) {
        if (t == null) return false;
        return switch (t.getSort()) {
            case Type.INT, Type.LONG, Type.SHORT, Type.BYTE -> true;
            case Type.OBJECT -> switch (t.getInternalName()) {
                case "java/lang/Integer", "java/lang/Long", "java/lang/Short", "java/lang/Byte" -> true;
                default -> false;
            };
            default -> false;
        };
    }

    /**
     * Every row that matches the call counts: two model files may clear different sink kinds for one method (a hex
     * digest is no PHI in a log, and no password in a file), so the kinds they clear add up per input label.
     */
    static void apply(Call c) {
        if (c.result == null) return;
        ValueContext ctx = c.context();
        Value result = c.result;
        Map<String, Set<String>> clearedByInput = new LinkedHashMap<>();
        Set<String> dropped = new TreeSet<>();
        boolean matched = false;
        for (SanitizerRow s : ctx.models().sanitizersNamed(c.insn.name)) {
            if (!ModelMatch.matches(s.method(), c.insn, ctx.program()) || !CallLabels.conditionsHold(s.when(), c.args)) continue;
            matched = true;
            for (Value v : CallLabels.valuesAt(s.from(), c.receiver, c.args)) {
                for (String l : v.labels()) {
                    if (!Taint.isFlow(l)) continue;
                    if (!s.clears().contains(Taint.ALL)) {
                        clearedByInput.computeIfAbsent(l, k -> new TreeSet<>()).addAll(s.clears());
                    } else if (number(result.type())) {
                        // a number parsed from the text: no injection, but still the attacker's choice of size
                        clearedByInput.computeIfAbsent(l, k -> new TreeSet<>()).add(Taint.PARSED);
                    } else {
                        dropped.add(l);
                    }
                }
            }
        }
        if (!matched) return;
        Set<String> labels = new TreeSet<>();
        for (String l : result.labels()) if (!Taint.isFlow(l)) labels.add(l);
        clearedByInput.forEach((l, kinds) -> {
            if (!dropped.contains(l)) labels.add(Taint.sanitize(l, kinds));
        });
        c.result = new Value(result.type(), result.getSize(), result.constants(), result.prefix(), result.object(),
                -1, Collections.unmodifiableSet(labels), result.origin());
    }
}
