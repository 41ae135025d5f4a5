package dev.triage.analysis.value;

import org.objectweb.asm.Type;

import java.util.Set;

/**
 * A transfer stage: a read from one of the app's private stores (a preference, a database table) carries the taint
 * the app's code wrote there under the same key (StoredValues). Sensitive data keeps its taint as a number too.
 */
final class StoredValueTransfer {
    private StoredValueTransfer() {
    }

    static void apply(Call c) {
        if (c.result == null) return;
        Set<String> labels = c.context().storedLabels(c.insn, c.args, c.interpreter.depth());
        if (labels.isEmpty()) return;
        c.result = c.returnType.getSort() == Type.OBJECT || c.returnType.getSort() == Type.ARRAY
                ? c.result.withLabels(labels) : c.result.withLabels(CallLabels.numbers(labels));
    }
}
