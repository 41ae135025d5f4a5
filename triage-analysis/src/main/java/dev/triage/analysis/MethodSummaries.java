package dev.triage.analysis;

import dev.triage.analysis.value.AbstractObject;
import dev.triage.analysis.value.ObjectSites;
import dev.triage.analysis.value.ParameterGuard;
import dev.triage.analysis.value.Taint;
import dev.triage.analysis.value.Value;
import dev.triage.program.MethodRef;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A whole-program analysis: what an app method does for its callers, per method and call depth — the value it
 * returns (merged over its returns, parameters still as {@code @p} labels), and the facts it records on the tracked
 * objects it is given. A summary is a function of (method, depth) alone, so results never depend on which thread
 * asked first; recursion ends at {@link AnalysisContext#MAX_DEPTH}.
 */
public final class MethodSummaries {
    public static final AnalysisId<MethodSummaries> ID = AnalysisId.of("method-summaries", MethodSummaries::new);

    private final AnalysisContext context;
    private final Map<MethodAtDepth, Optional<Value>> returns = new ConcurrentHashMap<>();
    private final Map<MethodAtDepth, Optional<Map<Integer, AbstractObject>>> parameterEffects = new ConcurrentHashMap<>();
    private final Map<MethodAtDepth, Optional<Map<Integer, ParameterGuard>>> parameterGuards = new ConcurrentHashMap<>();

    private MethodSummaries(AnalysisContext context) {
        this.context = context;
    }

    /** Merged value an app method returns, or null when it cannot be analysed (depth, recursion, budget). */
    public Value returnValue(MethodRef method, int depth) {
        if (depth > AnalysisContext.MAX_DEPTH) return null;
        MethodAtDepth key = new MethodAtDepth(method, depth);
        Optional<Value> cached = returns.get(key);
        if (cached != null) return cached.orElse(null);
        Value merged = null;
        Optional<MethodFrames> mf = context.frames(method, depth);
        if (mf.isPresent()) {
            MethodNode m = mf.get().method();
            for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                int op = insn.getOpcode();
                if (op >= Opcodes.IRETURN && op <= Opcodes.ARETURN) {
                    Frame<Value> f = mf.get().before(insn);
                    if (f == null) continue;
                    Value v = f.getStack(f.getStackSize() - 1);
                    merged = merged == null ? v : merged.merge(v);
                }
            }
        }
        returns.put(key, Optional.ofNullable(merged));
        return merged;
    }

    /**
     * What an app method does to the tracked objects it is given: for the receiver (-1) and each parameter of a
     * tracked type, the object it holds at the method's normal exits (merged over the exits). Null when the method
     * cannot be analysed; an index is missing when the object is not in view at some exit.
     */
    public Map<Integer, AbstractObject> parameterEffects(MethodRef method, int depth) {
        if (depth > AnalysisContext.MAX_DEPTH) return null;
        MethodAtDepth key = new MethodAtDepth(method, depth);
        Optional<Map<Integer, AbstractObject>> cached = parameterEffects.get(key);
        if (cached != null) return cached.orElse(null);
        Map<Integer, AbstractObject> out = null;
        Optional<MethodFrames> mf = context.frames(method, depth);
        if (mf.isPresent()) {
            MethodNode m = mf.get().method();
            // The sites of the tracked objects the method starts with: its receiver and parameters.
            Map<Integer, String> sites = new TreeMap<>();
            if ((m.access & Opcodes.ACC_STATIC) == 0 && context.trackedKind(Type.getObjectType(method.owner())) != null) {
                sites.put(-1, ObjectSites.thisSite(method.owner()));
            }
            Type[] params = Type.getArgumentTypes(method.descriptor());
            for (int i = 0; i < params.length; i++) {
                if (context.trackedKind(params[i]) != null) {
                    sites.put(i, ObjectSites.parameterSite(method.owner(), method.name(), method.descriptor(), i));
                }
            }
            out = new TreeMap<>();
            Set<Integer> lost = new HashSet<>();
            for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                int op = insn.getOpcode();
                if (op < Opcodes.IRETURN || op > Opcodes.RETURN) continue;
                Frame<Value> f = mf.get().before(insn);
                if (f == null) continue;
                for (Map.Entry<Integer, String> s : sites.entrySet()) {
                    AbstractObject o = objectAt(f, s.getValue());
                    if (o == null) {
                        lost.add(s.getKey());
                    } else {
                        AbstractObject prev = out.get(s.getKey());
                        out.put(s.getKey(), prev == null ? o : prev.merge(o));
                    }
                }
            }
            lost.forEach(out::remove);
        }
        parameterEffects.put(key, Optional.ofNullable(out));
        return out;
    }

    /**
     * What an app method's checks prove about its parameters: for each declared parameter, the sink kinds it is
     * clean for at every {@code return} of a true (or unknown) boolean — a guard's own result returned counts with
     * the kinds it clears — and at every normal exit. A parameter whose local was overwritten proves nothing.
     */
    public Map<Integer, ParameterGuard> parameterGuards(MethodRef method, int depth) {
        if (depth > AnalysisContext.MAX_DEPTH) return null;
        MethodAtDepth key = new MethodAtDepth(method, depth);
        Optional<Map<Integer, ParameterGuard>> cached = parameterGuards.get(key);
        if (cached != null) return cached.orElse(null);
        Map<Integer, ParameterGuard> out = null;
        Optional<MethodFrames> mf = context.frames(method, depth);
        if (mf.isPresent()) {
            MethodNode m = mf.get().method();
            Type[] params = Type.getArgumentTypes(method.descriptor());
            int[] slots = new int[params.length];
            int slot = (m.access & Opcodes.ACC_STATIC) == 0 ? 1 : 0;
            for (int i = 0; i < params.length; i++) {
                slots[i] = slot;
                slot += params[i].getSize();
            }
            boolean bool = Type.getReturnType(method.descriptor()).getSort() == Type.BOOLEAN;
            out = new TreeMap<>();
            for (int i = 0; i < params.length; i++) {
                if (params[i].getSort() != Type.OBJECT && params[i].getSort() != Type.ARRAY) continue;
                Set<String> onTrue = null;
                Set<String> onExit = null;
                boolean anyExit = false;
                for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                    int op = insn.getOpcode();
                    if (op < Opcodes.IRETURN || op > Opcodes.RETURN) continue;
                    Frame<Value> f = mf.get().before(insn);
                    if (f == null) continue;
                    anyExit = true;
                    Set<String> here = clearedParameter(f, slots[i], i);
                    onExit = onExit == null ? here : intersect(onExit, here);
                    if (!bool || op != Opcodes.IRETURN) continue;
                    Value ret = f.getStack(f.getStackSize() - 1);
                    // "return a && b" joins its true and false paths here: each path's constant is judged where it is pushed
                    if (ret.constants() != null && ret.constants().size() > 1) continue;
                    Integer constant = ret.singleInt();
                    if (constant != null && constant == 0) continue; // false: proves nothing
                    Set<String> proven = new TreeSet<>(here);
                    if (ret.object() != null && "guard".equals(ret.object().kind()) && guardsParameter(ret.object(), i)
                            && ret.object().get("clears") instanceof java.util.List<?> kinds) {
                        kinds.forEach(k -> proven.add(String.valueOf(k)));
                    }
                    onTrue = onTrue == null ? proven : intersect(onTrue, proven);
                }
                if (bool) {
                    // the constants pushed just before a shared return: their own path's state
                    for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                        int op = insn.getOpcode();
                        if (op < Opcodes.ICONST_M1 || op > Opcodes.ICONST_5 || op == Opcodes.ICONST_0 || !returnsNext(insn)) continue;
                        Frame<Value> f = mf.get().before(insn);
                        if (f == null) continue;
                        Frame<Value> atReturn = mf.get().before(nextReal(insn.getNext()).getOpcode() == Opcodes.GOTO
                                ? nextReal(((org.objectweb.asm.tree.JumpInsnNode) nextReal(insn.getNext())).label) : nextReal(insn.getNext()));
                        Value ret = atReturn == null ? null : atReturn.getStack(atReturn.getStackSize() - 1);
                        if (ret == null || ret.constants() == null || ret.constants().size() <= 1) continue; // judged at the return
                        Set<String> here = clearedParameter(f, slots[i], i);
                        onTrue = onTrue == null ? here : intersect(onTrue, here);
                    }
                }
                if (!anyExit) continue;
                if (onTrue == null) onTrue = Set.of();
                if (onExit == null) onExit = Set.of();
                if (!onTrue.isEmpty() || !onExit.isEmpty()) out.put(i, new ParameterGuard(onTrue, onExit));
            }
        }
        parameterGuards.put(key, Optional.ofNullable(out));
        return out;
    }

    /** The instruction is followed by a return, directly or through one jump. */
    private static boolean returnsNext(AbstractInsnNode insn) {
        AbstractInsnNode n = nextReal(insn.getNext());
        if (n != null && n.getOpcode() == Opcodes.GOTO) n = nextReal(((org.objectweb.asm.tree.JumpInsnNode) n).label);
        return n != null && n.getOpcode() == Opcodes.IRETURN;
    }

    /** This instruction or the first after it that is not a label, line number or frame. */
    private static AbstractInsnNode nextReal(AbstractInsnNode n) {
        while (n != null && n.getOpcode() < 0) n = n.getNext();
        return n;
    }

    /** A guard's checked value, or a path it was normalised from, is parameter {@code index}. */
    private static boolean guardsParameter(AbstractObject guard, int index) {
        if (guard.get("checked") instanceof Value checked && checked.param() == index) return true;
        if (guard.get("origins") instanceof java.util.List<?> origins) {
            for (Object o : origins) if (o instanceof Value v && v.param() == index) return true;
        }
        return false;
    }

    /** The sink kinds parameter {@code index}, still in its local, is clean for in this frame ({@code all}: every kind). */
    private static Set<String> clearedParameter(Frame<Value> f, int slot, int index) {
        if (slot >= f.getLocals()) return Set.of();
        Value v = f.getLocal(slot);
        if (v == null || v.param() != index) return Set.of();
        Set<String> cleared = null;
        for (String l : v.labels()) {
            if (Taint.param(l) != index) continue;
            Set<String> c = Taint.cleared(l);
            cleared = cleared == null ? c : intersect(cleared, c);
        }
        // the parameter's own label is gone: a guard that clears every kind held
        return cleared == null ? Set.of(Taint.ALL) : cleared;
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        if (a.contains(Taint.ALL)) return b;
        if (b.contains(Taint.ALL)) return a;
        Set<String> out = new TreeSet<>(a);
        out.retainAll(b);
        return out;
    }

    /** The object of a site as a frame holds it (in a local or on the stack), or null. */
    static AbstractObject objectAt(Frame<Value> f, String site) {
        for (int i = 0; i < f.getLocals(); i++) {
            Value v = f.getLocal(i);
            if (v != null && v.object() != null && v.object().site().equals(site)) return v.object();
        }
        for (int i = 0; i < f.getStackSize(); i++) {
            Value v = f.getStack(i);
            if (v != null && v.object() != null && v.object().site().equals(site)) return v.object();
        }
        return null;
    }
}
