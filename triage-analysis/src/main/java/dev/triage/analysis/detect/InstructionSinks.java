package dev.triage.analysis.detect;

import dev.triage.analysis.value.Value;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.ArrayList;
import java.util.List;

/**
 * Sinks that are instructions, not calls (taint.yml {@code instruction-sinks}): the length of an array allocation
 * ({@code array-allocation}: {@code new byte[n]}, {@code new String[n][m]}) and the values compared by the condition
 * of a loop ({@code loop-condition}: a conditional jump that leaves or repeats a loop, as javac compiles
 * {@code for} and {@code while}: the test at the top with a {@code goto} back at the bottom, or the test at the
 * bottom jumping back).
 */
final class InstructionSinks {
    /** A sink instruction: its sink kind's key in {@code instruction-sinks}, the values judged, the sink key. */
    record Hit(String what, List<Value> values, String sinkKey) {
    }

    private final InsnList insns;
    /** (index of a backward goto, index of its target) pairs, in code order. */
    private final List<int[]> backJumps = new ArrayList<>();

    InstructionSinks(MethodNode method) {
        this.insns = method.instructions;
        for (AbstractInsnNode i = insns.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof JumpInsnNode j && j.getOpcode() == Opcodes.GOTO) {
                int at = insns.indexOf(j);
                int target = insns.indexOf(j.label);
                if (target < at) backJumps.add(new int[] {at, target});
            }
        }
    }

    /** Whether the instruction may be a sink (cheap: by its opcode). */
    static boolean candidate(AbstractInsnNode insn) {
        int op = insn.getOpcode();
        return op == Opcodes.NEWARRAY || op == Opcodes.ANEWARRAY || op == Opcodes.MULTIANEWARRAY
                || op >= Opcodes.IFLT && op <= Opcodes.IFLE || op >= Opcodes.IF_ICMPEQ && op <= Opcodes.IF_ICMPLE;
    }

    /** The sink at this instruction, or null. */
    Hit at(AbstractInsnNode insn, Frame<Value> before) {
        if (before == null) return null;
        int op = insn.getOpcode();
        int top = before.getStackSize() - 1;
        switch (op) {
            case Opcodes.NEWARRAY:
                return new Hit("array-allocation", List.of(before.getStack(top)),
                        "array/new " + primitive(((IntInsnNode) insn).operand) + "[](I)");
            case Opcodes.ANEWARRAY:
                return new Hit("array-allocation", List.of(before.getStack(top)),
                        "array/new " + simpleName(((TypeInsnNode) insn).desc) + "[](I)");
            case Opcodes.MULTIANEWARRAY: {
                MultiANewArrayInsnNode m = (MultiANewArrayInsnNode) insn;
                List<Value> dims = new ArrayList<>();
                for (int d = 0; d < m.dims; d++) dims.add(before.getStack(top - d));
                return new Hit("array-allocation", dims, "array/new " + simpleName(Type.getType(m.desc).getElementType().getInternalName()) + "[][](I)");
            }
            case Opcodes.IF_ICMPEQ: case Opcodes.IF_ICMPNE: case Opcodes.IF_ICMPLT: case Opcodes.IF_ICMPGE:
            case Opcodes.IF_ICMPGT: case Opcodes.IF_ICMPLE:
                if (!loopCondition((JumpInsnNode) insn)) return null;
                return new Hit("loop-condition", List.of(before.getStack(top - 1), before.getStack(top)), "loop/the loop condition(I)");
            case Opcodes.IFLT: case Opcodes.IFGE: case Opcodes.IFGT: case Opcodes.IFLE:
                if (!loopCondition((JumpInsnNode) insn)) return null;
                return new Hit("loop-condition", List.of(before.getStack(top)), "loop/the loop condition(I)");
            default:
                return null;
        }
    }

    /** A jump back to an earlier instruction, or a forward jump out of a loop whose goto back lies between. */
    private boolean loopCondition(JumpInsnNode jump) {
        int at = insns.indexOf(jump);
        int target = insns.indexOf(jump.label);
        if (target < at) return true;
        for (int[] b : backJumps) {
            if (b[0] > at && b[0] < target && b[1] <= at) return true;
        }
        return false;
    }

    private static String primitive(int operand) {
        return switch (operand) {
            case Opcodes.T_BOOLEAN -> "boolean";
            case Opcodes.T_CHAR -> "char";
            case Opcodes.T_BYTE -> "byte";
            case Opcodes.T_SHORT -> "short";
            case Opcodes.T_INT -> "int";
            case Opcodes.T_FLOAT -> "float";
            case Opcodes.T_DOUBLE -> "double";
            default -> "long";
        };
    }

    private static String simpleName(String internal) {
        String s = internal.startsWith("[") ? Type.getType(internal).getElementType().getClassName() : internal.replace('/', '.');
        return s.substring(s.lastIndexOf('.') + 1).replace('$', '.');
    }
}
