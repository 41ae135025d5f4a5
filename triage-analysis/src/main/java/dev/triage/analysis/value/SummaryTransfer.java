package dev.triage.analysis.value;

import dev.triage.analysis.model.SummaryRow;
import dev.triage.analysis.model.Position;
import org.objectweb.asm.Type;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A transfer stage: library summaries ({@code summaries} rows). Labels flow from the row's inputs to its output (the
 * result, the receiver or an argument object), and from a single input its constants too; a number read out of
 * labelled data carries the labels as a number.
 */
final class SummaryTransfer {
    private SummaryTransfer() {
    }

    static void apply(Call c) {
        ValueContext ctx = c.context();
        Type ret = c.returnType;
        for (SummaryRow s : ctx.models().summariesNamed(c.insn.name)) {
            if (!ModelMatch.matches(s.method(), c.insn, ctx.program())) continue;
            c.understood = true;
            List<Value> from = CallLabels.valuesAt(s.from(), c.receiver, c.args);
            Set<String> labels = new TreeSet<>();
            from.forEach(v -> labels.addAll(s.restores().isEmpty() ? v.labels() : Taint.restore(v.labels(), s.restores())));
            Value single = from.size() == 1 ? from.get(0) : null;
            if (s.to() == Position.RETURN && c.result != null && ret.getSort() != Type.OBJECT && ret.getSort() != Type.ARRAY) {
                // a number read out of tainted data
                c.result = c.result.withLabels(CallLabels.numbers(labels));
            } else if (s.to() == Position.RETURN && c.result != null) {
                Value result = c.result;
                if (single != null && single.isKnown() && !result.isKnown()) {
                    result = result.withConstants(single.constants(), single.prefix(), single.origin());
                } else if (single != null && single.prefix() != null && result.prefix() == null && !result.isKnown()) {
                    result = result.withConstants(null, single.prefix(), single.origin());
                }
                result = result.withLabels(labels);
                c.result = result;
            } else {
                Value target = s.to() == Position.THIS ? c.receiver : (s.to() >= 0 && s.to() < c.args.size() ? c.args.get(s.to()) : null);
                if (target != null && target.object() != null) {
                    // the call may also have recorded a fact on the object (an effect, already queued): keep it
                    AbstractObject updated = c.interpreter.pendingObject(target.object().site());
                    if (updated != null && updated.kind() != null) target = target.withObject(updated);
                    Value nv = target.withLabels(labels);
                    if (s.to() >= 0 && "array".equals(target.object().kind())) {
                        // The call writes into the array: its content is no longer what the code wrote.
                        nv = nv.withObject(target.object().with("const", Boolean.FALSE));
                    }
                    if (single != null && single.isKnown() && !target.isKnown()) {
                        nv = nv.withConstants(single.constants(), single.prefix(), single.origin()).withLabels(labels);
                    }
                    if (!nv.equals(target)) c.interpreter.addPending(new AliasUpdate(target.object().site(), nv));
                }
            }
        }
    }
}
