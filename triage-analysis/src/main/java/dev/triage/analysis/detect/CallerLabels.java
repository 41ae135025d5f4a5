package dev.triage.analysis.detect;

import dev.triage.analysis.AnalysisContext;
import dev.triage.analysis.MethodFrames;
import dev.triage.analysis.model.CallRow;
import dev.triage.analysis.value.PendingLabels;
import dev.triage.analysis.value.Taint;
import dev.triage.analysis.value.Value;
import dev.triage.program.CallGraph;
import dev.triage.program.MethodRef;
import dev.triage.program.Program;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Labels that hold through a helper's parameter: a value labelled by a row with constant conditions (the app's own
 * resource, named by a constant) where the name was the method's own parameter carries the row's label pending on
 * the callers ({@link PendingLabels}). It holds when the method has callers and every call of it, in every caller,
 * passes a constant the row's conditions admit, or the caller's own parameter for which the same holds (up to
 * {@link AnalysisContext#MAX_DEPTH} calls up). A caller that passes anything else (outside input, a value computed at
 * run time), or whose code cannot be analysed, makes it fail.
 */
final class CallerLabels {
    private CallerLabels() {
    }

    /**
     * Whether the value, in method {@code in}, carries {@code label} and nothing that may be input: no taint; the label
     * itself or pending forms of it that hold; parameter flow only from parameters of {@code in} whose pending label holds.
     */
    static boolean carries(AnalysisContext ctx, MethodRef in, Value v, String label) {
        if (v == null) return false;
        boolean has = v.hasLabel(label);
        Set<Integer> resolvedParams = new HashSet<>();
        for (String l : v.labels()) {
            if (Taint.isTaint(l)) return false;
            PendingLabels.Pending p = PendingLabels.parse(l, label);
            if (p == null) continue;
            if (!holds(ctx, label, p.method(), p.param(), 0)) return false;
            has = true;
            if (p.method().equals(in)) resolvedParams.add(p.param());
        }
        if (!has) return false;
        for (String l : v.labels()) {
            int p = Taint.param(l);
            if (p >= 0 && !resolvedParams.contains(p)) return false;
        }
        return true;
    }

    /** Every caller of {@code method} passes, at {@code param}, a constant the conditions of {@code label}'s rows admit. */
    static boolean holds(AnalysisContext ctx, String label, MethodRef method, int param, int depth) {
        if (depth > AnalysisContext.MAX_DEPTH) return false;
        List<Pattern> patterns = new ArrayList<>();
        for (CallRow r : ctx.models().calls) {
            if (r.label().equals(label)) r.when().values().forEach(w -> patterns.add(Pattern.compile(w)));
        }
        Program program = ctx.program();
        boolean called = false;
        for (MethodRef caller : program.callGraph().callers(method)) {
            Optional<MethodFrames> mf = ctx.frames(caller, 0);
            if (mf.isEmpty()) return false;
            MethodFrames frames = mf.get();
            for (AbstractInsnNode insn = frames.method().instructions.getFirst(); insn != null; insn = insn.getNext()) {
                if (!(insn instanceof MethodInsnNode mi) || !mi.name.equals(method.name()) || !mi.desc.equals(method.descriptor())) continue;
                if (frames.before(mi) == null) continue; // dead code
                if (!CallGraph.resolve(program, mi.getOpcode(), mi.owner, mi.name, mi.desc).contains(method)) continue;
                Value a = frames.argument(mi, mi.desc, mi.getOpcode() != Opcodes.INVOKESTATIC, param);
                if (a == null) return false;
                if (a.constants() != null && !a.constants().isEmpty() && a.labels().stream().noneMatch(Taint::isTaint)
                        && a.constants().stream().allMatch(k -> k instanceof String s
                        && patterns.stream().allMatch(p -> p.matcher(s).matches()))) {
                    called = true;
                } else if (a.constants() == null && a.param() >= 0 && holds(ctx, label, caller, a.param(), depth + 1)) {
                    called = true;
                } else {
                    return false;
                }
            }
        }
        return called;
    }
}
