package dev.triage.analysis.value;

import dev.triage.program.MethodRef;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The transfer of {@code invokedynamic}: string concatenation ({@code makeConcatWithConstants}) is evaluated like
 * {@code StringBuilder} appends; a lambda or method reference becomes a {@code lambda} object that remembers its body
 * and captured values, so that calling it can be followed; other call sites give an unknown value with their
 * arguments' labels.
 */
final class InvokeDynamicTransfer {
    private static final Type STRING = Type.getObjectType("java/lang/String");

    private InvokeDynamicTransfer() {
    }

    static Value apply(ValueInterpreter vi, InvokeDynamicInsnNode indy, List<? extends Value> args) {
        Type ret = Type.getReturnType(indy.desc);
        if ("makeConcatWithConstants".equals(indy.name) && indy.bsmArgs.length > 0 && indy.bsmArgs[0] instanceof String recipe) {
            return JdkValueTransfer.concat(recipe, indy.bsmArgs, Type.getArgumentTypes(indy.desc), args, STRING, vi.mixingClears());
        }
        Set<String> labels = CallLabels.union(args.toArray(new Value[0]));
        labels.removeIf(l -> l.startsWith("@"));
        AbstractObject lambda = null;
        if ("java/lang/invoke/LambdaMetafactory".equals(indy.bsm.getOwner()) && indy.bsmArgs.length > 1
                && indy.bsmArgs[1] instanceof Handle h) {
            // A lambda or method reference remembers its body, so that calling it can be followed.
            Map<String, Object> state = new HashMap<>();
            state.put("impl", new MethodRef(h.getOwner(), h.getName(), h.getDesc()));
            state.put("method", indy.name);
            boolean instance = h.getTag() != Opcodes.H_INVOKESTATIC && h.getTag() != Opcodes.H_NEWINVOKESPECIAL;
            state.put("captured-params", Math.max(0, args.size() - (instance ? 1 : 0)));
            // The captured values, as the body's first parameters ("p0", "p1"...).
            for (int i = instance ? 1 : 0, k = 0; i < args.size(); i++, k++) state.put("p" + k, args.get(i));
            lambda = new AbstractObject(vi.site(indy), "lambda", state, false);
        }
        return new Value(ret, ret.getSize(), null, null, lambda, -1, labels, null);
    }
}
