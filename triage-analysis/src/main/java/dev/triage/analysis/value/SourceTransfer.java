package dev.triage.analysis.value;

import dev.triage.analysis.model.CallRow;
import dev.triage.analysis.model.Models;
import org.objectweb.asm.Type;

import java.util.Map;
import java.util.Set;

/**
 * A transfer stage: calls whose result carries a label ({@code calls} rows with a {@code label}). A {@code source}
 * row's label is taint from where the call stands (untrusted input, sensitive data), when that source kind is
 * switched on and, for an Android component's input, when other apps can reach the code; other rows give their label
 * as it is (a predictable random number). A constructor gives the label to the object it makes.
 */
final class SourceTransfer {
    private SourceTransfer() {
    }

    /** Each {@code view-input} argument is a single constant id of a view the app's layouts declare with that input. */
    private static boolean viewInputHolds(CallRow row, Call c) {
        for (var e : row.viewInput().entrySet()) {
            if (e.getKey() >= c.args.size()) return false;
            Value id = c.args.get(e.getKey());
            if (id.constants() == null || id.constants().size() != 1) return false;
            if (!(id.constants().iterator().next() instanceof Integer n) || !c.context().viewIds(e.getValue()).contains(n)) return false;
        }
        return true;
    }

    /**
     * The label a row gives when its only unmet constant conditions are on one unchanged parameter of the method:
     * {@code label?p<i>@owner.name(descriptor)} ({@link PendingLabels}), holding when every caller of that method passes
     * a constant the conditions admit; null when another condition fails.
     */
    private static String pendingLabel(CallRow row, Call c) {
        int param = -1;
        for (Map.Entry<Integer, String> w : row.when().entrySet()) {
            if (w.getKey() < 0) continue;
            if (w.getKey() >= c.args.size()) return null;
            Value v = c.args.get(w.getKey());
            if (CallLabels.holds(w.getValue(), v)) continue;
            if (v.constants() != null || v.param() < 0 || param >= 0 && param != v.param()) return null;
            param = v.param();
        }
        if (param < 0) return null;
        ValueInterpreter vi = c.interpreter;
        return PendingLabels.pending(row.label(), param, vi.ownerName(), vi.methodName(), vi.methodDescriptor());
    }

    static void apply(Call c) {
        ValueContext ctx = c.context();
        ValueInterpreter vi = c.interpreter;
        for (CallRow row : ctx.models().callsNamed(c.insn.name)) {
            if (row.label().isEmpty() || !row.namesMatch(c.insn.owner, c.insn.name) || !ModelMatch.matches(row.method(), c.insn, ctx.program())) {
                continue;
            }
            String label = row.label();
            if (row.kind().equals("source")) {
                c.understood = true;
                if (!CallLabels.conditionsHold(row.when(), c.args) || !viewInputHolds(row, c)) continue;
                // An Android component's input is untrusted only where other apps can send it.
                if (row.component() != null && !vi.exposure().exposedComponent(c.insn.owner)
                        && !vi.exposure().exposedComponent(vi.ownerName())) {
                    continue;
                }
                // A number or boolean read from a request cannot carry an injection; sensitive values (a
                // location's coordinates, a step count) leak as numbers too. A constructor's result is the object
                // it makes (a plain socket is where data goes, a FileInputStream what is read).
                boolean objectResult = c.constructsReceiver() || c.returnType.getSort() == Type.OBJECT || c.returnType.getSort() == Type.ARRAY;
                if (!ctx.sourceEnabled(row.label()) || (!ctx.sensitiveSource(row.label()) && !objectResult)) {
                    continue;
                }
                String id = vi.ownerName() + "#" + vi.methodName() + "#" + vi.line(c.insn) + "#" + c.insn.name;
                ctx.registerSource(id, vi.originAt(c.insn, c.insn.owner.substring(c.insn.owner.lastIndexOf('/') + 1) + "."
                        + c.insn.name + "(...) returns " + row.label() + " input").withProvenance(Models.cite(row.file(), row.provenance())));
                label = "t:" + row.label() + "@" + id;
                if (!row.cleanFor().isEmpty()) label = Taint.sanitize(label, row.cleanFor());
            } else if (!CallLabels.conditionsHold(row.when(), c.args)) {
                // a label row with constant conditions (a resource named by a constant) labels only such calls; a
                // condition on the method's own unchanged parameter leaves the label pending on what its callers pass
                label = pendingLabel(row, c);
                if (label == null) continue;
            }
            if (c.constructsReceiver()) {
                vi.addPending(new AliasUpdate(c.receiver.object().site(), c.receiver.withLabels(Set.of(label))));
            } else if (c.result != null) {
                c.result = c.result.withLabels(Set.of(label));
            }
            c.understood = true;
        }
    }
}
