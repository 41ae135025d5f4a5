package dev.triage.analysis.value;

import java.util.List;

/**
 * A transfer stage for library calls nothing describes: the objects passed may be changed there, so they escape
 * (their facts are forgotten); text, bytes and numbers computed from labelled arguments or a labelled receiver keep
 * the labels (an encoder applied to a predictable number is still predictable; a value read from an untrusted object
 * is untrusted).
 */
final class UnmodelledCallTransfer {
    private UnmodelledCallTransfer() {
    }

    static void apply(Call c) {
        escapeArguments(c.interpreter, c.args);
        if (c.result != null && CallLabels.carriesData(c.returnType)) {
            boolean number = c.returnType.getSort() != org.objectweb.asm.Type.OBJECT && c.returnType.getSort() != org.objectweb.asm.Type.ARRAY;
            Value result = c.result;
            for (Value a : c.args) result = result.withLabels(number ? CallLabels.numbers(a.labels()) : a.labels());
            if (c.receiver != null) result = result.withLabels(number ? CallLabels.numbers(c.receiver.labels()) : c.receiver.labels());
            c.result = result;
        }
    }

    /** Objects handed to code we do not model may be changed there: forget their facts (the receiver keeps them). */
    private static void escapeArguments(ValueInterpreter vi, List<? extends Value> args) {
        for (Value a : args) {
            if (a != null && a.object() != null && !a.object().escaped()) {
                vi.addPending(new AliasUpdate(a.object().site(), a.withObject(a.object().escape())));
            }
        }
    }
}
