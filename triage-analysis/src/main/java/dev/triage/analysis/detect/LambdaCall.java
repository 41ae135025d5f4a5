package dev.triage.analysis.detect;

import dev.triage.analysis.value.Value;
import dev.triage.program.MethodRef;
import dev.triage.program.Program;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.Type;

import java.util.function.IntFunction;

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

    /**
     * The body's parameters at a call of the lambda object {@code lambda}: the values it captured, then the call's
     * arguments ({@code callArgument} by the call's declared index).
     */
    IntFunction<Value> bodyArguments(Value lambda, IntFunction<Value> callArgument) {
        return p -> p >= receiverCaptured ? callArgument.apply(p - receiverCaptured) : captured(lambda, p);
    }

    /**
     * The body's parameters as the lambda is made at {@code indy} (with {@code before}, the frame there): the captured
     * values on the stack; null for the parameters only a call will pass.
     */
    IntFunction<Value> capturedArguments(InvokeDynamicInsnNode indy, Frame<Value> before) {
        int captured = Type.getArgumentTypes(indy.desc).length;
        int base = before.getStackSize() - captured;
        return p -> {
            int slot = p + receiverCaptured;
            return slot >= 0 && slot < captured ? before.getStack(base + slot) : null;
        };
    }

    /** A value a lambda captured as its body's parameter p, or null. */
    private static Value captured(Value lambda, int p) {
        return lambda != null && lambda.object() != null && lambda.object().get("p" + p) instanceof Value v ? v : null;
    }
}
