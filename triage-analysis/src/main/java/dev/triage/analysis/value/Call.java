package dev.triage.analysis.value;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodInsnNode;

import java.util.List;

/**
 * One method call as the transfer stages see it: the call instruction, its receiver (null for a static call) and
 * declared arguments, and what the stages decided so far — the result value (null for a void method) and whether a
 * stage understood the call (a model or a built-in described it, so its arguments do not escape).
 */
final class Call {
    final ValueInterpreter interpreter;
    final MethodInsnNode insn;
    final Value receiver;
    final List<? extends Value> args;
    final Type returnType;
    Value result;
    boolean understood;

    Call(ValueInterpreter interpreter, MethodInsnNode insn, List<? extends Value> values) {
        this.interpreter = interpreter;
        this.insn = insn;
        boolean hasReceiver = insn.getOpcode() != Opcodes.INVOKESTATIC;
        this.receiver = hasReceiver ? values.get(0) : null;
        this.args = hasReceiver ? values.subList(1, values.size()) : values;
        this.returnType = Type.getReturnType(insn.desc);
        this.result = returnType.getSort() == Type.VOID ? null : Value.unknown(returnType);
    }

    ValueContext context() {
        return interpreter.context();
    }

    /** The receiver's abstract object, or null. */
    AbstractObject receiverObject() {
        return receiver == null ? null : receiver.object();
    }

    /** The call is a constructor call on an object the receiver holds. */
    boolean constructsReceiver() {
        return insn.name.equals("<init>") && receiver != null && receiver.object() != null;
    }

    /** The value at a model position: a declared argument index, or {@code this} (-1); null when out of range. */
    Value at(int position) {
        if (position < 0) return receiver;
        return position < args.size() ? args.get(position) : null;
    }
}
