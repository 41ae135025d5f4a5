package dev.triage.analysis;

import dev.triage.program.CallSite;
import dev.triage.program.MethodRef;
import dev.triage.program.Program;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The walk the whole-program passes over model tables share (callback hand-offs, stored values, intent links):
 * every app method that calls a method of one of the given names, with the values the guarded parse computed in
 * it, and its calls of those names that the parse reached. The call-site index narrows the methods to parse; the
 * caller then matches each call against its own rows.
 */
final class NamedCalls {
    private NamedCalls() {
    }

    /** What a pass does in one calling method: {@code calls} are its reached calls of the names, in code order. */
    interface CallerVisitor {
        void visit(MethodRef caller, MethodFrames frames, List<MethodInsnNode> calls);
    }

    static void forEachCaller(Program program, AnalysisContext context, Set<String> names, CallerVisitor visitor) {
        forEachCaller(program, context, names, a -> true, visitor);
    }

    /** As above, in the app classes {@code classes} accepts only. */
    static void forEachCaller(Program program, AnalysisContext context, Set<String> names,
                              java.util.function.Predicate<Program.AppClass> classes, CallerVisitor visitor) {
        if (names.isEmpty()) return;
        for (Program.AppClass a : program.appClasses()) {
            if (!classes.test(a)) continue;
            Set<MethodRef> callers = new LinkedHashSet<>();
            for (CallSite cs : a.calls()) if (names.contains(cs.name())) callers.add(cs.caller());
            for (MethodRef caller : callers) {
                MethodFrames mf = context.frames(caller, AnalysisContext.MAX_DEPTH + 1).orElse(null);
                if (mf == null) continue;
                List<MethodInsnNode> calls = new ArrayList<>();
                for (AbstractInsnNode insn = mf.method().instructions.getFirst(); insn != null; insn = insn.getNext()) {
                    if (insn instanceof MethodInsnNode mi && names.contains(mi.name) && mf.before(mi) != null) calls.add(mi);
                }
                if (!calls.isEmpty()) visitor.visit(caller, mf, calls);
            }
        }
    }
}
