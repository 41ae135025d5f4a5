package dev.triage.analysis.value;

import org.objectweb.asm.Type;

import java.util.Set;
import java.util.TreeSet;

/**
 * A transfer stage for library calls no model row describes, after the default for unmodelled calls: the flows the
 * library's own code shows ({@link LibraryCodeSummaries}) are added — an argument stored into the receiver (a
 * constructor keeping its stream, a setter), the receiver or an argument returned inside another object, and a
 * method returning its receiver (a fluent call returns the same object). Only adds labels: what the default gives
 * stays.
 */
final class LibraryCodeTransfer {
    private LibraryCodeTransfer() {
    }

    /** True when a computed summary was found for the call (whether or not it carried anything here). */
    static boolean apply(Call c) {
        LibraryCodeSummaries lib = c.context().libraryCode();
        if (lib == null) return false;
        // only labels move through a computed summary: a call none of whose inputs carries any needs none
        boolean labelled = c.receiver != null && !c.receiver.labels().isEmpty();
        for (Value a : c.args) labelled |= a != null && !a.labels().isEmpty();
        if (!labelled) return false;
        LibraryCodeSummaries.Summary s = lib.of(c.insn.owner, c.insn.name, c.insn.desc);
        if (!s.known()) return false;
        if (c.receiver != null && c.receiver.object() != null) {
            Set<String> into = new TreeSet<>();
            for (int i = 0; i < c.args.size(); i++) if (s.flowsToThis(i)) into.addAll(c.args.get(i).labels());
            if (!into.isEmpty() && !c.receiver.labels().containsAll(into)) {
                c.interpreter.addPending(new AliasUpdate(c.receiver.object().site(), c.receiver.withLabels(into)));
            }
        }
        if (c.result == null) return true;
        Set<String> out = new TreeSet<>();
        if (c.receiver != null && (s.flowsToReturn(-1) || s.returnsThis())) out.addAll(c.receiver.labels());
        for (int i = 0; i < c.args.size(); i++) if (s.flowsToReturn(i)) out.addAll(c.args.get(i).labels());
        // what the constructor or setter just stored into the receiver comes back with it
        if (s.returnsThis()) {
            for (int i = 0; i < c.args.size(); i++) if (s.flowsToThis(i)) out.addAll(c.args.get(i).labels());
        }
        boolean number = c.returnType.getSort() != Type.OBJECT && c.returnType.getSort() != Type.ARRAY;
        Value result = c.result;
        if (s.returnsThis() && c.receiver != null && c.receiver.object() != null && result.object() == null) {
            result = result.withObject(c.receiver.object());
        }
        if (!out.isEmpty()) result = result.withLabels(number ? CallLabels.numbers(out) : out);
        c.result = result;
        return true;
    }
}
