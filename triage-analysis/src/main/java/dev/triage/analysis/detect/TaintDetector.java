package dev.triage.analysis.detect;

import dev.triage.contract.PathStep;
import dev.triage.analysis.AnalysisContext;
import dev.triage.contract.Detection;
import dev.triage.analysis.Detector;
import dev.triage.analysis.MethodFrames;
import dev.triage.analysis.MethodScan;
import dev.triage.analysis.model.Models;
import dev.triage.analysis.model.ArgumentRow;
import dev.triage.analysis.model.Position;
import dev.triage.analysis.model.ReturnRow;
import dev.triage.analysis.value.CallTargets;
import dev.triage.analysis.value.Origin;
import dev.triage.analysis.value.Taint;
import dev.triage.analysis.value.Value;
import dev.triage.program.MethodRef;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * Injection and privacy rules: untrusted or sensitive data (taint labels from the models' sources) reaching a sink
 * argument of a kind the models name, unless sanitized for that kind. Flows across app methods use
 * {@link TaintSummaries}: a call passing tainted data into a parameter that reaches a sink is reported at the sink,
 * with the path source → call sites → sink.
 */
public final class TaintDetector implements Detector {
    private final TaintRules rules;
    private final SinkCalls sinks;

    public TaintDetector(Models models) {
        this.rules = new TaintRules(models);
        this.sinks = new SinkCalls(rules);
    }

    @Override
    public Set<String> rules() {
        return rules.rules();
    }

    @Override
    public Set<String> modelKinds() {
        Set<String> k = new TreeSet<>(rules.sinkKinds());
        k.add("source");
        k.addAll(rules.companionKinds()); // calls that change a sink's severity beside it
        k.add("broadcast-receiver"); // registrations that expose a receiver: AndroidExposure reads them for sources
        k.addAll(dev.triage.analysis.IntentLinks.KINDS); // intents between the app's own components, read by IntentLinks
        return k;
    }

    @Override
    public void visitMethod(MethodScan scan) {
        AnalysisContext ctx = scan.context();
        // dead code of an Android app (no entry point reaches it) leaks nothing, nor do the calls it makes
        if (!ctx.results().get(dev.triage.analysis.ReachableMethods.ID).reachable(scan.ref())) return;
        MethodFrames frames = scan.frames();
        for (AbstractInsnNode insn = scan.method().instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (!(insn instanceof MethodInsnNode mi) || frames.before(mi) == null) continue;
            // Sinks in this method.
            for (ArgumentRow row : ctx.models().argumentsNamed(mi.name)) {
                SinkCalls.SinkHit hit = sinks.sinkAt(ctx, row, mi, i -> scan.argument(mi, i), false);
                if (hit == null) continue;
                if (!row.resultOnly().isEmpty() && CallResults.onlyUsedAs(frames, mi, row.resultOnly())) continue;
                // credentials or patient data: a finding of their own beside the kind's
                String sinkProvenance = Models.cite(row.file(), row.provenance());
                for (Value v : hit.values()) {
                    Detection sd = rules.sensitive(row.kind(), scan.location(mi), ArgumentDetector.sinkKey(mi), v,
                            List.of(new PathStep(scan.location(mi), "reaches " + ArgumentDetector.callName(mi))), l -> sourceSteps(ctx, l),
                            l -> sourceProvenance(ctx, l), sinkProvenance);
                    if (sd != null) {
                        scan.report(rules.byLoggingLevel(ctx, sd, row.kind(), mi.name));
                        break;
                    }
                }
                String label = null;
                for (Value v : hit.values()) {
                    label = rules.firstTaint(v, row.kind(), Set.of());
                    if (label != null) break;
                }
                if (label == null) continue;
                List<PathStep> path = new ArrayList<>();
                addSource(ctx, label, path);
                path.add(new PathStep(scan.location(mi), "reaches " + ArgumentDetector.callName(mi)));
                Detection d = rules.byPlatform(ctx, rules.byArithmetic(rules.detection(row.kind(), scan.location(mi), ArgumentDetector.sinkKey(mi), label, path),
                        row.kind(), label, Set.of()), row.kind());
                scan.report(TaintRules.withProvenance(rules.byLoggingLevel(ctx, rules.byComponent(ctx, rules.byCompanion(ctx, d, row.kind()),
                        row.kind(), mi.owner), row.kind(), mi.name), sourceProvenance(ctx, label), sinkProvenance));
            }
            // Calling a lambda or method reference: its body, with the call's arguments after what it captured.
            LambdaCall called = LambdaCall.called(scan.argument(mi, Position.THIS), mi, ctx.program());
            if (called != null) {
                reportThroughCalls(scan, mi, List.of(called.body()), called.bodyArguments(scan.argument(mi, Position.THIS),
                        p -> scan.argument(mi, p)));
                continue;
            }
            // Reflection with constant names: the app methods it names, with the invocation's object and arguments.
            dev.triage.analysis.value.ReflectiveCalls.Invocation reflected = dev.triage.analysis.value.ReflectiveCalls.of(ctx.models())
                    .invocation(ctx.program(), mi, scan.argument(mi, Position.THIS), p -> scan.argument(mi, p));
            if (reflected != null) {
                reportThroughCalls(scan, mi, reflected.targets(), reflected.argument());
                continue;
            }
            // Sinks inside app methods this one calls (also through a library interface the app implements).
            if (!ctx.program().isApp(mi.owner) && !CallTargets.appReceiver(ctx.program(), mi, scan.argument(mi, Position.THIS))) continue;
            List<MethodRef> targets = CallTargets.targets(ctx.program(), mi, scan.argument(mi, Position.THIS));
            if (targets.isEmpty() || targets.size() > TaintSummaries.MAX_TARGETS) continue;
            reportThroughCalls(scan, mi, targets, p -> scan.argument(mi, p));
        }
        // Lambdas and method references: the values they capture are the first parameters of their body.
        for (AbstractInsnNode insn = scan.method().instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (!(insn instanceof InvokeDynamicInsnNode indy) || frames.before(indy) == null) continue;
            LambdaCall l = LambdaCall.of(indy, ctx.program());
            if (l == null) continue;
            reportThroughCalls(scan, indy, List.of(l.body()), l.capturedArguments(indy, frames.before(indy)));
        }
        // Instructions that are sinks: array lengths, loop conditions.
        InstructionSinks instructions = null;
        for (AbstractInsnNode insn = scan.method().instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (!InstructionSinks.candidate(insn) || frames.before(insn) == null) continue;
            if (instructions == null) instructions = new InstructionSinks(scan.method());
            InstructionSinks.Hit hit = instructions.at(insn, frames.before(insn));
            String kind = hit == null ? null : rules.instructionSink(hit.what());
            if (kind == null) continue;
            String label = null;
            for (Value v : hit.values()) {
                label = rules.firstTaint(v, kind, Set.of());
                if (label != null) break;
            }
            if (label == null) continue;
            String call = hit.sinkKey().substring(0, hit.sinkKey().indexOf('('));
            List<PathStep> path = new ArrayList<>();
            addSource(ctx, label, path);
            path.add(new PathStep(scan.location(insn), "reaches " + call.substring(call.lastIndexOf('/') + 1)));
            scan.report(TaintRules.withProvenance(rules.byPlatform(ctx, rules.byArithmetic(rules.detection(kind, scan.location(insn),
                    hit.sinkKey(), label, path), kind, label, Set.of()), kind), sourceProvenance(ctx, label), TaintRules.INSTRUCTION_SINKS));
        }
        reportReturns(scan);
    }

    /** A handler's return value that the framework writes or acts on ({@code returns} rows): judged at each return. */
    private void reportReturns(MethodScan scan) {
        AnalysisContext ctx = scan.context();
        MethodFrames frames = scan.frames();
        List<ReturnRow> rows = HandlerReturns.rowsFor(ctx.models(), frames.owner(), scan.method());
        if (rows.isEmpty()) return;
        for (AbstractInsnNode insn = scan.method().instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn.getOpcode() != Opcodes.ARETURN) continue;
            Frame<Value> f = frames.before(insn);
            if (f == null || f.getStackSize() == 0) continue;
            Value v = f.getStack(f.getStackSize() - 1);
            for (ReturnRow row : rows) {
                if (!HandlerReturns.prefixAllows(row, v.prefix())) continue;
                String label = rules.firstTaint(v, row.kind(), Set.of());
                if (label == null) continue;
                List<PathStep> path = new ArrayList<>();
                addSource(ctx, label, path);
                path.add(new PathStep(scan.location(insn), "returned as " + row.what()));
                scan.report(TaintRules.withProvenance(rules.returned(row.kind(), row.what(), scan.location(insn),
                        scan.ref().owner() + "." + scan.ref().name() + scan.ref().descriptor() + "|return", label, path),
                        sourceProvenance(ctx, label), Models.cite(row.file(), row.provenance())));
            }
        }
    }

    /** Taint this call passes into callee parameters that reach sinks: reported at each sink. */
    private void reportThroughCalls(MethodScan scan, AbstractInsnNode call, List<MethodRef> targets, IntFunction<Value> argument) {
        AnalysisContext ctx = scan.context();
        TaintSummaries summaries = ctx.results().get(TaintSummaries.ID);
        for (MethodRef target : targets) {
            for (TaintSummaries.ParameterSink r : summaries.of(target, 1)) {
                if (!r.receiverOk(argument)) continue;
                Value arg = argument.apply(r.param());
                if (arg == null) continue;
                String sinkCall0 = r.sinkKey().substring(0, r.sinkKey().indexOf('('));
                String sinkMethod0 = sinkCall0.substring(Math.max(sinkCall0.lastIndexOf('.'), sinkCall0.lastIndexOf('/')) + 1);
                List<PathStep> tail = new ArrayList<>();
                tail.add(new PathStep(scan.location(call), "passed to " + target.owner().replace('/', '.') + "." + target.name()));
                tail.addAll(r.via());
                tail.add(new PathStep(r.sink(), "reaches the sink"));
                Detection sd = rules.sensitive(r.kind(), r.sink(), r.sinkKey(), arg, tail, l -> sourceSteps(ctx, l),
                        l -> sourceProvenance(ctx, l), r.provenance());
                if (sd != null) scan.report(rules.byLoggingLevel(ctx, sd, r.kind(), sinkMethod0));
                String label = rules.firstTaint(arg, r.kind(), r.cleared());
                if (label == null) continue;
                List<PathStep> path = new ArrayList<>();
                addSource(ctx, label, path);
                path.add(new PathStep(scan.location(call), "passed to " + target.owner().replace('/', '.') + "." + target.name()));
                path.addAll(r.via());
                path.add(new PathStep(r.sink(), "reaches the sink"));
                String sinkCall = r.sinkKey().substring(0, r.sinkKey().indexOf('('));
                String sinkMethod = sinkCall.substring(Math.max(sinkCall.lastIndexOf('.'), sinkCall.lastIndexOf('/')) + 1);
                Detection d = rules.byPlatform(ctx, rules.byArithmetic(rules.detection(r.kind(), r.sink(), r.sinkKey(), label, path),
                        r.kind(), label, r.cleared()), r.kind());
                String sinkOwner = sinkCall.substring(0, Math.max(sinkCall.lastIndexOf('.'), 0));
                scan.report(TaintRules.withProvenance(rules.byLoggingLevel(ctx, rules.byComponent(ctx, rules.byCompanion(ctx, d, r.kind()),
                        r.kind(), sinkOwner), r.kind(), sinkMethod), sourceProvenance(ctx, label), r.provenance()));
            }
        }
    }

    private static List<PathStep> sourceSteps(AnalysisContext ctx, String label) {
        List<PathStep> out = new ArrayList<>();
        addSource(ctx, label, out);
        return out;
    }

    /** The model row that made a taint label's source one, or null when unknown. */
    private static String sourceProvenance(AnalysisContext ctx, String label) {
        Origin o = ctx.source(Taint.sourceId(label));
        return o == null ? null : o.provenance();
    }

    private static void addSource(AnalysisContext ctx, String label, List<PathStep> path) {
        Origin o = ctx.source(Taint.sourceId(label));
        PathStep s = MethodScan.originStep(o);
        if (s != null) path.add(s);
    }
}
