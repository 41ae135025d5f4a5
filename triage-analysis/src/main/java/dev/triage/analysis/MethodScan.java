package dev.triage.analysis;

import dev.triage.contract.Detection;
import dev.triage.contract.Location;
import dev.triage.contract.PathStep;
import dev.triage.analysis.value.Origin;
import dev.triage.analysis.value.Value;
import dev.triage.program.CallGraph;
import dev.triage.program.ClassInfo;
import dev.triage.program.MethodRef;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** One app method with its frames, handed to detectors. */
public final class MethodScan {
    private final AnalysisContext context;
    private final ClassInfo info;
    private final MethodFrames frames;
    private final Reporter reporter;

    public MethodScan(AnalysisContext context, ClassInfo info, MethodFrames frames, Reporter reporter) {
        this.context = context;
        this.info = info;
        this.frames = frames;
        this.reporter = reporter;
    }

    public AnalysisContext context() { return context; }
    public ClassInfo classInfo() { return info; }
    public MethodFrames frames() { return frames; }
    public MethodNode method() { return frames.method(); }
    public MethodRef ref() { return new MethodRef(info.name(), method().name, method().desc); }

    public void report(Detection d) {
        reporter.report(d);
    }

    public Location location(AbstractInsnNode insn) {
        return Location.inCode(info.name(), method().name, method().desc, info.sourcePath(), frames.line(insn), info.origin());
    }

    /** Argument of a call instruction by declared index, or -1 for the receiver. */
    public Value argument(MethodInsnNode call, int index) {
        return frames.argument(call, call.desc, call.getOpcode() != Opcodes.INVOKESTATIC, index);
    }

    /** A value's possible constants, with where each came from (this method, a caller, a property...). */
    public record Resolved(Set<Object> constants, Origin origin, List<PathStep> via) {
    }

    /**
     * What a value may be: its own constants; or, for an unchanged parameter of this method, the
     * constants callers pass (through up to {@link AnalysisContext#MAX_DEPTH} levels of helpers).
     * Empty when nothing is known.
     */
    public List<Resolved> resolve(Value v) {
        List<Resolved> out = new ArrayList<>();
        resolve(v, ref(), 0, new ArrayList<>(), out);
        return out;
    }

    private void resolve(Value v, MethodRef in, int depth, List<PathStep> via, List<Resolved> out) {
        if (v == null) return;
        if (v.isKnown()) {
            out.add(new Resolved(v.constants(), v.origin(), List.copyOf(via)));
            return;
        }
        if (v.param() < 0 || depth >= AnalysisContext.MAX_DEPTH || out.size() > 32) return;
        forEachPassedArgument(in, v.param(), via, (arg, caller, next) -> resolve(arg, caller, depth + 1, next, out));
    }

    /** Receives an argument a caller passes, the caller, and the path steps so far (the caller's call site first). */
    private interface PassedArgument {
        void accept(Value arg, MethodRef caller, List<PathStep> next);
    }

    /**
     * Calls {@code sink} with the value every call site of {@code in} in the app passes for its declared parameter
     * {@code param}, each with a path step for that call site before {@code via}. True when there was at least one.
     */
    private boolean forEachPassedArgument(MethodRef in, int param, List<PathStep> via, PassedArgument sink) {
        boolean any = false;
        for (MethodRef caller : context.program().callGraph().callers(in)) {
            var mf = context.frames(caller, 0);
            if (mf.isEmpty()) continue;
            MethodNode m = mf.get().method();
            ClassInfo callerInfo = context.program().find(caller.owner());
            for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                if (!(insn instanceof MethodInsnNode mi) || !mi.name.equals(in.name()) || !mi.desc.equals(in.descriptor())) continue;
                if (!CallGraph.resolve(context.program(), mi.getOpcode(), mi.owner, mi.name, mi.desc).contains(in)) continue;
                Value arg = mf.get().argument(mi, mi.desc, mi.getOpcode() != Opcodes.INVOKESTATIC, param);
                if (arg == null) continue;
                any = true;
                Location at = Location.inCode(caller.owner(), caller.name(), caller.descriptor(),
                        callerInfo == null ? "" : callerInfo.sourcePath(), mf.get().line(mi), callerInfo == null ? "" : callerInfo.origin());
                List<PathStep> next = new ArrayList<>();
                next.add(new PathStep(at, "passes it to " + in.owner().replace('/', '.') + "." + in.name()));
                next.addAll(via);
                sink.accept(arg, caller, next);
            }
        }
        return any;
    }

    /** A value a parameter may hold, as a caller passes it, with the call sites it went through. */
    public record PassedValue(Value value, List<PathStep> via) {
    }

    /**
     * What a value may be as objects too (arrays, byte strings): the value itself; or, for an unchanged parameter of
     * this method, the values callers pass (through up to {@link AnalysisContext#MAX_DEPTH} levels of helpers). A
     * parameter no caller passes is itself.
     */
    public List<PassedValue> passedValues(Value v) {
        List<PassedValue> out = new ArrayList<>();
        passedValues(v, ref(), 0, new ArrayList<>(), out);
        return out;
    }

    private void passedValues(Value v, MethodRef in, int depth, List<PathStep> via, List<PassedValue> out) {
        if (v == null) return;
        if (v.param() < 0 || v.isKnown() || depth >= AnalysisContext.MAX_DEPTH || out.size() > 32) {
            out.add(new PassedValue(v, List.copyOf(via)));
            return;
        }
        boolean any = forEachPassedArgument(in, v.param(), via,
                (arg, caller, next) -> passedValues(arg, caller, depth + 1, next, out));
        if (!any) out.add(new PassedValue(v, List.copyOf(via)));
    }

    /** A path step for a constant's origin, or null when it has none. */
    public static PathStep originStep(Origin o) {
        if (o == null) return null;
        return new PathStep(Location.inCode(o.className(), o.methodName(), "", o.sourcePath(), o.line(), ""), o.description());
    }

    /** Path: origin of the constant, the call sites it went through, then the sink. */
    public List<PathStep> path(Resolved r, AbstractInsnNode sink, String sinkDescription) {
        List<PathStep> p = new ArrayList<>();
        PathStep o = originStep(r.origin());
        if (o != null) p.add(o);
        p.addAll(r.via());
        p.add(new PathStep(location(sink), sinkDescription));
        return p;
    }
}
