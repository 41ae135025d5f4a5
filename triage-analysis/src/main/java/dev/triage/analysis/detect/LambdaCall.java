package dev.triage.analysis.detect;

import dev.triage.analysis.value.Value;
import dev.triage.program.MethodRef;
import dev.triage.program.Program;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * A lambda or method reference whose body is app code. {@code receiverCaptured} is, at its creation, 1 when the body
 * is an instance method (the first captured value is its receiver); at a call of the lambda, the number of body
 * parameters taken by captured values (the call's arguments come after).
 */
record LambdaCall(MethodRef body, int receiverCaptured) {
    /** The body a call on a lambda object runs, with its parameter offset; null for other calls. */
    static LambdaCall called(Value receiver, MethodInsnNode mi, Program program) {
        if (receiver == null || receiver.object() == null || !"lambda".equals(receiver.object().kind())) return null;
        var st = receiver.object().state();
        // (After a merge of two lambdas, facts that differ are UNKNOWN and the call is not followed.)
        if (!mi.name.equals(st.get("method")) || !(st.get("impl") instanceof MethodRef body)) return null;
        if (!program.isApp(body.owner())) return null;
        return new LambdaCall(body, st.get("captured-params") instanceof Integer n ? n : 0);
    }

    /** The app body a lambda or method reference is made from at this instruction; null for other invokedynamic. */
    static LambdaCall of(InvokeDynamicInsnNode indy, Program program) {
        if (!"java/lang/invoke/LambdaMetafactory".equals(indy.bsm.getOwner()) || indy.bsmArgs.length < 2
                || !(indy.bsmArgs[1] instanceof Handle h) || !program.isApp(h.getOwner())) {
            return null;
        }
        // An instance body captures its receiver first: captured value k is parameter k-1.
        boolean instance = h.getTag() != Opcodes.H_INVOKESTATIC && h.getTag() != Opcodes.H_NEWINVOKESPECIAL;
        return new LambdaCall(new MethodRef(h.getOwner(), h.getName(), h.getDesc()), instance ? 1 : 0);
    }

    /** A value a lambda captured as its body's parameter p, or null. */
    static Value captured(Value lambda, int p) {
        return lambda != null && lambda.object() != null && lambda.object().get("p" + p) instanceof Value v ? v : null;
    }
}
