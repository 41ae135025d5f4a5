package dev.triage.analysis.value;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A forward dataflow analysis like ASM's {@link Analyzer}, that does not follow branches which cannot
 * be taken: a condition over known constants ({@code if ((7 * 42) - num > 200)} with {@code num = 106}),
 * a {@code switch} on a known value, a null test of a known value. Code reachable only through such
 * branches keeps a null frame, so detectors never see the values it would have produced. Methods
 * with old-style subroutines (JSR/RET) go to ASM's analyzer unchanged.
 */
public final class PruningAnalyzer {
    private PruningAnalyzer() {
    }

    @SuppressWarnings("unchecked")
    public static Frame<Value>[] analyze(String owner, MethodNode method, ValueInterpreter interpreter) throws AnalyzerException {
        InsnList insns = method.instructions;
        int n = insns.size();
        for (int i = 0; i < n; i++) {
            int op = insns.get(i).getOpcode();
            if (op == Opcodes.JSR || op == Opcodes.RET) return fallback(owner, method, interpreter);
        }
        Frame<Value>[] frames = (Frame<Value>[]) new Frame<?>[n];
        if ((method.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0 || n == 0) return frames;

        List<TryCatchBlockNode>[] handlers = (List<TryCatchBlockNode>[]) new List<?>[n];
        for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
            int begin = insns.indexOf(tcb.start);
            int end = insns.indexOf(tcb.end);
            for (int i = begin; i < end; i++) {
                if (handlers[i] == null) handlers[i] = new ArrayList<>();
                handlers[i].add(tcb);
            }
        }

        TrackingFrame first = new TrackingFrame(method.maxLocals, method.maxStack);
        Type[] args = Type.getArgumentTypes(method.desc);
        first.setReturn(interpreter.newReturnTypeValue(Type.getReturnType(method.desc)));
        int local = 0;
        boolean instance = (method.access & Opcodes.ACC_STATIC) == 0;
        if (instance) {
            first.setLocal(local, interpreter.newParameterValue(true, local, Type.getObjectType(owner)));
            local++;
        }
        for (Type t : args) {
            first.setLocal(local, interpreter.newParameterValue(instance, local, t));
            local++;
            if (t.getSize() == 2) {
                first.setLocal(local, interpreter.newEmptyValue(local));
                local++;
            }
        }
        while (local < method.maxLocals) {
            first.setLocal(local, interpreter.newEmptyValue(local));
            local++;
        }

        Deque<Integer> work = new ArrayDeque<>();
        boolean[] queued = new boolean[n];
        frames[0] = first;
        work.push(0);
        queued[0] = true;
        TrackingFrame current = new TrackingFrame(method.maxLocals, method.maxStack);
        TrackingFrame handlerFrame = new TrackingFrame(method.maxLocals, method.maxStack);
        while (!work.isEmpty()) {
            int i = work.pop();
            queued[i] = false;
            AbstractInsnNode insn = insns.get(i);
            Frame<Value> before = frames[i];
            int type = insn.getType();
            try {
                if (type == AbstractInsnNode.LABEL || type == AbstractInsnNode.LINE || type == AbstractInsnNode.FRAME) {
                    merge(frames, i + 1, before, interpreter, work, queued);
                } else {
                    current.init(before).execute(insn, interpreter);
                    int op = insn.getOpcode();
                    if (insn instanceof JumpInsnNode jump) {
                        int target = insns.indexOf(jump.label);
                        Boolean taken = decide(op, before);
                        // A guard (allow-list, pattern match) makes its value clean where it held.
                        Frame<Value> guarded = guardedFrame(op, before, current);
                        Frame<Value> onJump = guarded != null && op == Opcodes.IFNE ? guarded : current;
                        Frame<Value> onFall = guarded != null && op == Opcodes.IFEQ ? guarded : current;
                        // A number compared with a constant upper bound is bounded where the comparison says so.
                        // (a long comparison is LCMP then IFxx: the operands are in the frame before the LCMP)
                        boolean afterLcmp = op >= Opcodes.IFLT && op <= Opcodes.IFLE && i > 0
                                && insn.getPrevious() == insns.get(i - 1) && insns.get(i - 1).getOpcode() == Opcodes.LCMP
                                && frames[i - 1] != null;
                        Frame<Value> compared = afterLcmp ? frames[i - 1] : before;
                        int comparison = afterLcmp ? op - Opcodes.IFLT + Opcodes.IF_ICMPLT : op;
                        Boolean boundedOnJump = boundedOnJump(comparison, compared);
                        if (boundedOnJump != null) {
                            Frame<Value> bounded = boundedFrame(compared, current, interpreter.boundClears());
                            if (boundedOnJump) onJump = bounded;
                            else onFall = bounded;
                        }
                        // A character compared unequal to a constant is not that character where the comparison says so.
                        Frame<Value> unequal = unequalFrame(op, before, current, interpreter);
                        if (unequal != null) {
                            if (op == Opcodes.IF_ICMPNE) onJump = unequal;
                            else onFall = unequal;
                        }
                        if (op != Opcodes.GOTO && (taken == null || !taken)) merge(frames, i + 1, onFall, interpreter, work, queued);
                        if (taken == null || taken) merge(frames, target, onJump, interpreter, work, queued);
                    } else if (insn instanceof LookupSwitchInsnNode sw) {
                        Integer key = top(before).singleInt();
                        int idx = key == null ? -1 : sw.keys.indexOf(key);
                        if (key == null) {
                            List<Integer> cases = new ArrayList<>();
                            for (int k = 0; k < sw.keys.size(); k++) if (sw.labels.get(k) != sw.dflt) cases.add(sw.keys.get(k));
                            merge(frames, insns.indexOf(sw.dflt), noneOfFrame(cases, before, current, interpreter), interpreter, work, queued);
                            for (LabelNode l : sw.labels) merge(frames, insns.indexOf(l), current, interpreter, work, queued);
                        } else {
                            LabelNode l = idx >= 0 ? sw.labels.get(idx) : sw.dflt;
                            merge(frames, insns.indexOf(l), current, interpreter, work, queued);
                        }
                    } else if (insn instanceof TableSwitchInsnNode sw) {
                        Integer key = top(before).singleInt();
                        if (key == null) {
                            List<Integer> cases = new ArrayList<>();
                            for (int k = sw.min; k <= sw.max; k++) if (sw.labels.get(k - sw.min) != sw.dflt) cases.add(k);
                            merge(frames, insns.indexOf(sw.dflt), noneOfFrame(cases, before, current, interpreter), interpreter, work, queued);
                            for (LabelNode l : sw.labels) merge(frames, insns.indexOf(l), current, interpreter, work, queued);
                        } else {
                            LabelNode l = key >= sw.min && key <= sw.max ? sw.labels.get(key - sw.min) : sw.dflt;
                            merge(frames, insns.indexOf(l), current, interpreter, work, queued);
                        }
                    } else if (op == Opcodes.ATHROW || (op >= Opcodes.IRETURN && op <= Opcodes.RETURN)) {
                        // no successor
                    } else {
                        if (i + 1 >= n) throw new AnalyzerException(insn, "execution can fall off the end of the code");
                        merge(frames, i + 1, current, interpreter, work, queued);
                    }
                }
                if (handlers[i] != null) {
                    for (TryCatchBlockNode tcb : handlers[i]) {
                        Type catchType = Type.getObjectType(tcb.type == null ? "java/lang/Throwable" : tcb.type);
                        int h = insns.indexOf(tcb.handler);
                        // Both the state before and after the instruction may reach the handler.
                        for (Frame<Value> f : type == AbstractInsnNode.LABEL || type == AbstractInsnNode.LINE
                                || type == AbstractInsnNode.FRAME ? List.of(before) : List.of(before, current)) {
                            handlerFrame.init(f);
                            handlerFrame.clearStack();
                            handlerFrame.push(interpreter.newExceptionValue(tcb, handlerFrame, catchType));
                            merge(frames, h, handlerFrame, interpreter, work, queued);
                        }
                    }
                }
            } catch (AnalyzerException e) {
                throw e;
            } catch (IndexOutOfBoundsException | IllegalArgumentException | IllegalStateException e) {
                throw new AnalyzerException(insn, "error at instruction " + i + ": " + e.getMessage(), e);
            }
        }
        return frames;
    }

    /** For IFEQ/IFNE on a guard's result: the frame after the jump with the checked value cleaned, or null. */
    private static Frame<Value> guardedFrame(int op, Frame<Value> before, Frame<Value> after) {
        if (op != Opcodes.IFEQ && op != Opcodes.IFNE) return null;
        Value cond = top(before);
        if (cond.object() == null || !GuardTransfer.GUARD.equals(cond.object().kind())) return null;
        // Facts merged from two different guards are UNKNOWN: then nothing is cleaned.
        if (!(cond.object().get("checked") instanceof Value checked) || !(cond.object().get("clears") instanceof List<?> kinds)) return null;
        List<String> clears = kinds.stream().map(String::valueOf).toList();
        TrackingFrame f = new TrackingFrame(after);
        List<Value> cleanedValues = new ArrayList<>();
        cleanedValues.add(checked);
        // a normalised path proven inside its base: the File or Path it was made from points there too
        if (cond.object().get("origins") instanceof List<?> origins) {
            for (Object o : origins) if (o instanceof Value v) cleanedValues.add(v);
        }
        for (Value v : cleanedValues) {
            for (int i = 0; i < f.getLocals(); i++) {
                if (GuardTransfer.holds(f.getLocal(i), v)) f.setLocal(i, GuardTransfer.cleaned(f.getLocal(i), clears));
            }
            for (int i = 0; i < f.getStackSize(); i++) {
                if (GuardTransfer.holds(f.getStack(i), v)) f.setStack(i, GuardTransfer.cleaned(f.getStack(i), clears));
            }
        }
        return f;
    }

    /**
     * For IF_ICMPxx comparing a tainted number with a constant: true when the number is at most the constant on the
     * jump's branch, false when on the fall-through branch, null when the comparison bounds nothing from above.
     */
    private static Boolean boundedOnJump(int op, Frame<Value> before) {
        if (op < Opcodes.IF_ICMPLT || op > Opcodes.IF_ICMPLE) return null;
        Value a = before.getStack(before.getStackSize() - 2);
        Value b = before.getStack(before.getStackSize() - 1);
        boolean aBounded = constant(b) && !constant(a) && hasFlow(a);
        boolean bBounded = constant(a) && !constant(b) && hasFlow(b);
        if (aBounded) {
            // a < c, a <= c on the jump; a > c, a >= c jump away from the bound
            return op == Opcodes.IF_ICMPLT || op == Opcodes.IF_ICMPLE;
        }
        if (bBounded) {
            // c > b, c >= b on the jump; c < b, c <= b jump away from the bound
            return op == Opcodes.IF_ICMPGT || op == Opcodes.IF_ICMPGE;
        }
        return null;
    }

    /**
     * For IF_ICMPEQ/IF_ICMPNE comparing a tainted character with a constant one: the frame on the branch where they
     * differ, with the character marked as not that one ({@link EscapedCharacters}); null when nothing is marked.
     */
    private static Frame<Value> unequalFrame(int op, Frame<Value> before, Frame<Value> after, ValueInterpreter interpreter) {
        if (op != Opcodes.IF_ICMPEQ && op != Opcodes.IF_ICMPNE) return null;
        Value a = before.getStack(before.getStackSize() - 2);
        Value b = before.getStack(before.getStackSize() - 1);
        Value compared;
        Integer constant;
        if (b.singleInt() != null && a.constants() == null && hasFlow(a)) {
            compared = a;
            constant = b.singleInt();
        } else if (a.singleInt() != null && b.constants() == null && hasFlow(b)) {
            compared = b;
            constant = a.singleInt();
        } else {
            return null;
        }
        return markedFrame(compared, List.of(constant), after, interpreter);
    }

    /** The frame a switch's default branch starts with: the switched character is none of the cases' characters. */
    private static Frame<Value> noneOfFrame(List<Integer> cases, Frame<Value> before, Frame<Value> after, ValueInterpreter interpreter) {
        Value switched = top(before);
        if (cases.isEmpty() || switched.constants() != null || !hasFlow(switched)) return after;
        Frame<Value> marked = markedFrame(switched, cases, after, interpreter);
        return marked == null ? after : marked;
    }

    /** The frame with every slot holding {@code compared} marked as none of these characters, or null when none matters. */
    private static Frame<Value> markedFrame(Value compared, List<Integer> characters, Frame<Value> after, ValueInterpreter interpreter) {
        var models = interpreter.context().models();
        java.util.Set<Integer> marks = EscapedCharacters.comparedCharacters(characters, models);
        if (marks.isEmpty()) return null;
        TrackingFrame f = new TrackingFrame(after);
        for (int i = 0; i < f.getLocals(); i++) {
            if (GuardTransfer.holds(f.getLocal(i), compared)) f.setLocal(i, EscapedCharacters.without(models, f.getLocal(i), marks));
        }
        for (int i = 0; i < f.getStackSize(); i++) {
            if (GuardTransfer.holds(f.getStack(i), compared)) f.setStack(i, EscapedCharacters.without(models, f.getStack(i), marks));
        }
        return f;
    }

    private static boolean constant(Value v) {
        return v.constants() != null && v.constants().size() == 1
                && (v.constants().iterator().next() instanceof Integer || v.constants().iterator().next() instanceof Long);
    }

    private static boolean hasFlow(Value v) {
        for (String l : v.labels()) if (Taint.isFlow(l)) return true;
        return false;
    }

    /** The frame after a bounding comparison with the compared tainted number(s) cleaned for the bounded kinds. */
    private static Frame<Value> boundedFrame(Frame<Value> before, Frame<Value> after, List<String> clears) {
        if (clears.isEmpty()) return after;
        Value a = before.getStack(before.getStackSize() - 2);
        Value b = before.getStack(before.getStackSize() - 1);
        Value checked = constant(b) ? a : b;
        TrackingFrame f = new TrackingFrame(after);
        for (int i = 0; i < f.getLocals(); i++) {
            if (GuardTransfer.holds(f.getLocal(i), checked)) f.setLocal(i, GuardTransfer.cleaned(f.getLocal(i), clears));
        }
        for (int i = 0; i < f.getStackSize(); i++) {
            if (GuardTransfer.holds(f.getStack(i), checked)) f.setStack(i, GuardTransfer.cleaned(f.getStack(i), clears));
        }
        return f;
    }

    private static Value top(Frame<Value> f) {
        return f.getStack(f.getStackSize() - 1);
    }

    /** Whether a conditional jump is taken: true, false, or null when it cannot be known. */
    static Boolean decide(int op, Frame<Value> before) {
        switch (op) {
            case Opcodes.IFEQ: case Opcodes.IFNE: case Opcodes.IFLT: case Opcodes.IFGE: case Opcodes.IFGT: case Opcodes.IFLE: {
                Integer v = top(before).singleInt();
                if (v == null) return null;
                return switch (op) {
                    case Opcodes.IFEQ -> v == 0;
                    case Opcodes.IFNE -> v != 0;
                    case Opcodes.IFLT -> v < 0;
                    case Opcodes.IFGE -> v >= 0;
                    case Opcodes.IFGT -> v > 0;
                    default -> v <= 0;
                };
            }
            case Opcodes.IF_ICMPEQ: case Opcodes.IF_ICMPNE: case Opcodes.IF_ICMPLT: case Opcodes.IF_ICMPGE:
            case Opcodes.IF_ICMPGT: case Opcodes.IF_ICMPLE: {
                Integer b = before.getStack(before.getStackSize() - 1).singleInt();
                Integer a = before.getStack(before.getStackSize() - 2).singleInt();
                if (a == null || b == null) return null;
                return switch (op) {
                    case Opcodes.IF_ICMPEQ -> a.intValue() == b.intValue();
                    case Opcodes.IF_ICMPNE -> a.intValue() != b.intValue();
                    case Opcodes.IF_ICMPLT -> a < b;
                    case Opcodes.IF_ICMPGE -> a >= b;
                    case Opcodes.IF_ICMPGT -> a > b;
                    default -> a <= b;
                };
            }
            case Opcodes.IFNULL: case Opcodes.IFNONNULL: {
                Value v = top(before);
                if (v.constants() == null || v.constants().size() != 1) return null;
                boolean isNull = v.constants().contains(Value.NULL);
                return op == Opcodes.IFNULL ? isNull : !isNull;
            }
            default:
                return null;
        }
    }

    private static void merge(Frame<Value>[] frames, int index, Frame<Value> frame, ValueInterpreter interpreter,
                              Deque<Integer> work, boolean[] queued) throws AnalyzerException {
        boolean changed;
        if (frames[index] == null) {
            frames[index] = new TrackingFrame(frame);
            changed = true;
        } else {
            changed = frames[index].merge(frame, interpreter);
        }
        if (changed && !queued[index]) {
            queued[index] = true;
            work.push(index);
        }
    }

    private static Frame<Value>[] fallback(String owner, MethodNode method, ValueInterpreter interpreter) throws AnalyzerException {
        Analyzer<Value> analyzer = new Analyzer<>(interpreter) {
            @Override
            protected Frame<Value> newFrame(int numLocals, int numStack) {
                return new TrackingFrame(numLocals, numStack);
            }

            @Override
            protected Frame<Value> newFrame(Frame<? extends Value> frame) {
                return new TrackingFrame(frame);
            }
        };
        return analyzer.analyze(owner, method);
    }
}
