package dev.triage.analysis.value;

import org.objectweb.asm.Type;

import java.util.Set;

/**
 * A transfer stage: a read from one of the app's private stores (a preference, a database table, a file) carries the
 * taint the app's code wrote there under the same key (StoredValues). Sensitive data keeps its taint as a number too.
 * A stream opened on a private file carries the file's name as a key label, for StoredValues to see what is written.
 */
final class StoredValueTransfer {
    private StoredValueTransfer() {
    }

    static void apply(Call c) {
        if (c.result == null) return;
        Set<String> keys = c.context().storeKeyLabels(c.insn, c.args);
        if (!keys.isEmpty()) c.result = c.result.withLabels(keys);
        Set<String> labels = c.context().storedLabels(c.insn, c.args, c.interpreter.depth());
        if (labels.isEmpty()) return;
        c.result = c.returnType.getSort() == Type.OBJECT || c.returnType.getSort() == Type.ARRAY
                ? c.result.withLabels(labels) : c.result.withLabels(CallLabels.numbers(labels));
    }
}
