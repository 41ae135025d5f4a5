package dev.triage.analysis.value;

import java.util.Set;

/**
 * A transfer stage: a call that returns the intent a component of the app was started with ({@code getIntent()},
 * the {@code delivered-intent} argument rows) carries the taint the app's own code put into the intents it sends that
 * component (IntentLinks). Input from other apps is {@link SourceTransfer}'s.
 */
final class DeliveredIntentTransfer {
    private DeliveredIntentTransfer() {
    }

    static void apply(Call c) {
        if (c.result == null) return;
        Set<String> labels = c.context().deliveredCallLabels(c.insn, c.interpreter.depth());
        if (!labels.isEmpty()) c.result = c.result.withLabels(labels);
    }
}
