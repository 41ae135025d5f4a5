package dev.triage.analysis;

import dev.triage.analysis.value.AbstractObject;
import dev.triage.analysis.value.ObjectSites;
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
    private final Map<String, Optional<Value>> returns = new ConcurrentHashMap<>();
    private final Map<String, Optional<Map<Integer, AbstractObject>>> parameterEffects = new ConcurrentHashMap<>();

    private MethodSummaries(AnalysisContext context) {
        this.context = context;
    }

    /** Merged value an app method returns, or null when it cannot be analysed (depth, recursion, budget). */
    public Value returnValue(MethodRef method, int depth) {
        if (depth > AnalysisContext.MAX_DEPTH) return null;
        String key = depth + " " + method;
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
        String key = depth + " " + method;
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
