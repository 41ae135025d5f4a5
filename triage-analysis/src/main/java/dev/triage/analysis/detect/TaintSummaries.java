package dev.triage.analysis.detect;

import dev.triage.contract.PathStep;
import dev.triage.analysis.AnalysisContext;
import dev.triage.analysis.AnalysisId;
import dev.triage.contract.Location;
import dev.triage.contract.Detection;
import dev.triage.analysis.MethodAtDepth;
import dev.triage.analysis.MethodFrames;
import dev.triage.analysis.model.ArgumentRow;
import dev.triage.analysis.model.Position;
import dev.triage.analysis.value.CallTargets;
import dev.triage.analysis.value.Taint;
import dev.triage.analysis.value.Value;
import dev.triage.program.ClassInfo;
import dev.triage.program.MethodRef;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * A whole-program analysis for the injection rules: per app method (and call depth), which of its parameters reach a
 * sink — in the method itself or through its helpers, lambdas and anonymous classes up to
 * {@link AnalysisContext#MAX_DEPTH} — unless sanitized for the sink's kind on the way. Computed once per method and
 * depth; a function of those alone, whatever thread asks first.
 */
final class TaintSummaries {
    static final AnalysisId<TaintSummaries> ID = AnalysisId.of("taint-summaries", TaintSummaries::new);
    /** Helper methods a summary follows (CHA targets per call are capped too). */
    static final int MAX_TARGETS = 8;

    /**
     * A parameter of a method that reaches a sink. When the sink applies only to a kind of receiver object (the
     * response's writer) or a receiver carrying a source's taint, and the receiver is itself a parameter,
     * {@code receiverParam} names it and {@code receiverKind} (or {@code receiverLabel}) what the caller must pass;
     * otherwise -1 and null. {@code provenance} cites the model row that made the call a sink.
     */
    record ParameterSink(int param, String kind, Location sink, String sinkKey, Set<String> cleared, List<PathStep> via,
                         int receiverParam, String receiverKind, String receiverLabel, String provenance) {
        /** Whether the receiver constraint holds for what the caller passes (a further parameter: still open). */
        boolean receiverOk(IntFunction<Value> argument) {
            if (receiverParam < 0) return true;
            Value r = argument.apply(receiverParam);
            if (r == null) return false;
            if (receiverKind != null) return r.object() != null && receiverKind.equals(r.object().kind());
            return receiverLabel == null || SinkCalls.hasTaintOf(r, receiverLabel);
        }

        /** The parameter of the caller the still-open receiver condition now depends on, or -1. */
        int openReceiver(IntFunction<Value> argument) {
            Value r = receiverParam >= 0 ? argument.apply(receiverParam) : null;
            return r == null ? -1 : receiverKind != null ? r.param() : SinkCalls.paramOf(r);
        }
    }

    private final AnalysisContext ctx;
    private final TaintRules rules;
    private final SinkCalls sinks;
    private final Map<MethodAtDepth, List<ParameterSink>> byMethod = new ConcurrentHashMap<>();

    private TaintSummaries(AnalysisContext ctx) {
        this.ctx = ctx;
        this.rules = new TaintRules(ctx.models());
        this.sinks = new SinkCalls(rules);
    }

    /** Parameters of an app method that reach sinks, through its helpers up to the depth bound. */
    List<ParameterSink> of(MethodRef method, int depth) {
        if (depth > AnalysisContext.MAX_DEPTH) return List.of();
        MethodAtDepth key = new MethodAtDepth(method, depth);
        List<ParameterSink> cached = byMethod.get(key);
        if (cached != null) return cached;
        List<ParameterSink> out = new ArrayList<>();
        Optional<MethodFrames> mf = ctx.frames(method, depth);
        ClassInfo info = ctx.program().find(method.owner());
        if (mf.isPresent() && info != null) {
            Map<String, ParameterSink> unique = new LinkedHashMap<>();
            MethodFrames frames = mf.get();
            for (AbstractInsnNode insn = frames.method().instructions.getFirst(); insn != null; insn = insn.getNext()) {
                if (!(insn instanceof MethodInsnNode mi) || frames.before(mi) == null) continue;
                Location here = Location.inCode(info.name(), method.name(), method.descriptor(), info.sourcePath(),
                        frames.line(mi), info.origin());
                boolean hasReceiver = mi.getOpcode() != Opcodes.INVOKESTATIC;
                for (ArgumentRow row : ctx.models().argumentsNamed(mi.name)) {
                    SinkCalls.SinkHit hit = sinks.sinkAt(ctx, row, mi, i -> frames.argument(mi, mi.desc, hasReceiver, i), true);
                    if (hit == null) continue;
                    if (!row.resultOnly().isEmpty() && CallResults.onlyUsedAs(frames, mi, row.resultOnly())) continue;
                    for (Value v : hit.values()) {
                        if (rules.safePrefix(v, row.kind())) continue;
                        for (String l : v.labels()) {
                            int p = Taint.param(l);
                            if (p < 0 || !Taint.reaches(l, row.kind())) continue;
                            ParameterSink r = new ParameterSink(p, row.kind(), here, ArgumentDetector.sinkKey(mi), Taint.cleared(l),
                                    List.of(), hit.receiverParam(), hit.receiverKind(), hit.receiverLabel(),
                                    dev.triage.analysis.model.Models.cite(row.file(), row.provenance()));
                            unique.putIfAbsent(p + "|" + row.kind() + "|" + here, r);
                        }
                    }
                }
                LambdaCall called = LambdaCall.called(frames.argument(mi, mi.desc, hasReceiver, Position.THIS), mi, ctx.program());
                if (called != null) {
                    throughCalls(method, depth, here, List.of(called.body()), called.bodyArguments(
                            frames.argument(mi, mi.desc, true, Position.THIS), p -> frames.argument(mi, mi.desc, true, p)), unique);
                    continue;
                }
                dev.triage.analysis.value.ReflectiveCalls.Invocation reflected = dev.triage.analysis.value.ReflectiveCalls.of(ctx.models())
                        .invocation(ctx.program(), mi, frames.argument(mi, mi.desc, hasReceiver, Position.THIS),
                                p -> frames.argument(mi, mi.desc, hasReceiver, p));
                if (reflected != null) {
                    throughCalls(method, depth, here, reflected.targets(), reflected.argument(), unique);
                    continue;
                }
                Value receiverValue = frames.argument(mi, mi.desc, hasReceiver, Position.THIS);
                if (!ctx.program().isApp(mi.owner) && !CallTargets.appReceiver(ctx.program(), mi, receiverValue)) continue;
                List<MethodRef> targets = CallTargets.targets(ctx.program(), mi, receiverValue);
                if (targets.isEmpty() || targets.size() > MAX_TARGETS) continue;
                throughCalls(method, depth, here, targets, p -> frames.argument(mi, mi.desc, hasReceiver, p), unique);
            }
            InstructionSinks instructions = null;
            for (AbstractInsnNode insn = frames.method().instructions.getFirst(); insn != null; insn = insn.getNext()) {
                if (!InstructionSinks.candidate(insn) || frames.before(insn) == null) continue;
                if (instructions == null) instructions = new InstructionSinks(frames.method());
                InstructionSinks.Hit hit = instructions.at(insn, frames.before(insn));
                String kind = hit == null ? null : rules.instructionSink(hit.what());
                if (kind == null) continue;
                Location here = Location.inCode(info.name(), method.name(), method.descriptor(), info.sourcePath(),
                        frames.line(insn), info.origin());
                for (Value v : hit.values()) {
                    for (String l : v.labels()) {
                        int p = Taint.param(l);
                        if (p < 0 || !Taint.reaches(l, kind)) continue;
                        unique.putIfAbsent(p + "|" + kind + "|" + here, new ParameterSink(p, kind, here, hit.sinkKey(),
                                Taint.cleared(l), List.of(), -1, null, null, TaintRules.INSTRUCTION_SINKS));
                    }
                }
            }
            for (AbstractInsnNode insn = frames.method().instructions.getFirst(); insn != null; insn = insn.getNext()) {
                if (!(insn instanceof InvokeDynamicInsnNode indy) || frames.before(indy) == null) continue;
                LambdaCall l = LambdaCall.of(indy, ctx.program());
                if (l == null) continue;
                Location here = Location.inCode(info.name(), method.name(), method.descriptor(), info.sourcePath(),
                        frames.line(indy), info.origin());
                throughCalls(method, depth, here, List.of(l.body()), l.capturedArguments(indy, frames.before(indy)), unique);
            }
            out.addAll(unique.values());
        }
        List<ParameterSink> result = List.copyOf(out);
        byMethod.put(key, result);
        return result;
    }

    /** The callees' parameter sinks that this method's own parameters reach through the call at {@code here}. */
    private void throughCalls(MethodRef method, int depth, Location here, List<MethodRef> targets,
                              IntFunction<Value> argument, Map<String, ParameterSink> unique) {
        for (MethodRef t : targets) {
            if (t.equals(method)) continue;
            for (ParameterSink inner : of(t, depth + 1)) {
                int receiverParam = -1;
                if (!inner.receiverOk(argument)) {
                    receiverParam = inner.openReceiver(argument);
                    if (receiverParam < 0) continue;
                }
                Value arg = argument.apply(inner.param());
                if (arg == null) continue;
                for (String l : arg.labels()) {
                    int p = Taint.param(l);
                    if (p < 0) continue;
                    Set<String> cleared = new TreeSet<>(Taint.cleared(l));
                    cleared.addAll(inner.cleared());
                    if (cleared.contains(inner.kind())) continue;
                    List<PathStep> via = new ArrayList<>();
                    via.add(new PathStep(here, "passed to " + t.owner().replace('/', '.') + "." + t.name()));
                    via.addAll(inner.via());
                    unique.putIfAbsent(p + "|" + inner.kind() + "|" + inner.sink(),
                            new ParameterSink(p, inner.kind(), inner.sink(), inner.sinkKey(), cleared, via, receiverParam,
                                    receiverParam < 0 ? null : inner.receiverKind(),
                                    receiverParam < 0 ? null : inner.receiverLabel(), inner.provenance()));
                }
            }
        }
    }
}
