package dev.triage.analysis;

import dev.triage.analysis.value.Value;
import dev.triage.analysis.value.ValueInterpreter;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * A method's code with the abstract state before each instruction ({@code frames[i]} is null for
 * unreachable code).
 */
public record MethodFrames(ClassNode owner, MethodNode method, Frame<Value>[] frames, ValueInterpreter interpreter) {
    public Frame<Value> before(AbstractInsnNode insn) {
        return frames[method.instructions.indexOf(insn)];
    }

    public int line(AbstractInsnNode insn) {
        return interpreter.line(insn);
    }

    /**
     * Value of a call's argument before the call executes: declared parameter index (0-based), or -1
     * for the receiver. Null when the call is unreachable.
     */
    public Value argument(AbstractInsnNode call, String descriptor, boolean hasReceiver, int index) {
        Frame<Value> f = before(call);
        if (f == null) return null;
        int argCount = org.objectweb.asm.Type.getArgumentTypes(descriptor).length;
        int base = f.getStackSize() - argCount;
        if (index < 0) return hasReceiver ? f.getStack(base - 1) : null;
        if (index >= argCount) return null;
        return f.getStack(base + index);
    }
}
