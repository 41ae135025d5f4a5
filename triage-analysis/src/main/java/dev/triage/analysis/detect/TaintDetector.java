package dev.triage.analysis.detect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.analysis.AnalysisContext;
import dev.triage.analysis.CodeLocation;
import dev.triage.analysis.Detection;
import dev.triage.analysis.Detector;
import dev.triage.analysis.MethodFrames;
import dev.triage.analysis.MethodScan;
import dev.triage.analysis.model.Models;
import dev.triage.analysis.model.Rows;
import dev.triage.analysis.value.Origin;
import dev.triage.analysis.value.Taint;
import dev.triage.analysis.value.Value;
import dev.triage.analysis.value.ValueInterpreter;
import dev.triage.program.CallGraph;
import dev.triage.program.ClassInfo;
import dev.triage.program.MethodRef;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Type;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Injection rules: untrusted data (taint labels from the models' sources) reaching a sink argument of
 * a kind the models name, unless sanitized for that kind. Flows across app methods use summaries:
 * each method's parameters that reach a sink (through its own helpers, to a bounded depth) are
 * computed once; a call passing tainted data into such a parameter is reported at the sink, with the
 * path source → call sites → sink.
 */
public final class TaintDetector implements Detector {
    /** Helper methods a summary follows (CHA targets per call are capped too). */
    static final int MAX_TARGETS = 8;

    private final Map<String, String> ruleOfKind;

    public TaintDetector(Models models) {
        Map<String, String> m = new TreeMap<>();
        JsonNode t = models.tables.get("sink-rules");
        if (t != null) t.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        this.ruleOfKind = m;
    }

    @Override
    public Set<String> rules() {
        return new TreeSet<>(ruleOfKind.values());
    }

    @Override
    public Set<String> modelKinds() {
        Set<String> k = new TreeSet<>(ruleOfKind.keySet());
        k.add("source");
        return k;
    }

    /** A parameter of a method that reaches a sink. */
    /**
     * A parameter of a method that reaches a sink. When the sink applies only to a kind of receiver
     * object (the response's writer) and the receiver is itself a parameter, {@code receiverParam}
     * names it and {@code receiverKind} the kind the caller must pass; otherwise -1 and null.
     */
    record Reach(int param, String kind, CodeLocation sink, String sinkKey, Set<String> cleared, List<Detection.Step> via,
                 int receiverParam, String receiverKind) {
        Reach(int param, String kind, CodeLocation sink, String sinkKey, Set<String> cleared, List<Detection.Step> via) {
            this(param, kind, sink, sinkKey, cleared, via, -1, null);
        }

        /** Whether the receiver constraint holds for what the caller passes (a further parameter: still open). */
        boolean receiverOk(java.util.function.IntFunction<Value> argument) {
            if (receiverParam < 0) return true;
            Value r = argument.apply(receiverParam);
            return r != null && r.obj() != null && receiverKind.equals(r.obj().kind());
        }
    }

    @Override
    public void visitMethod(MethodScan scan) {
        AnalysisContext ctx = scan.context();
        MethodFrames frames = scan.frames();
        for (AbstractInsnNode insn = scan.method().instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (!(insn instanceof MethodInsnNode mi) || frames.before(mi) == null) continue;
            // Sinks in this method.
            for (Rows.Argument row : ctx.models().argumentsNamed(mi.name)) {
                String rule = ruleOfKind.get(row.kind());
                if (rule == null || !ValueInterpreter.matches(row.method(), mi, ctx.program())) continue;
                if (!receiverIs(scan.argument(mi, Rows.THIS), row) || !ArgumentDetector.conditionsHold(scan, mi, row)) continue;
                Value v = scan.argument(mi, row.argument());
                if (v == null) continue;
                String label = firstTaint(v, row.kind(), Set.of());
                if (label == null) continue;
                if (row.kind().equals("xxe") && !unhardenedParser(ctx, scan.argument(mi, Rows.THIS))) continue;
                List<Detection.Step> path = new ArrayList<>();
                addSource(ctx, label, path);
                path.add(new Detection.Step(scan.location(mi), "reaches " + ArgumentDetector.callName(mi)));
                scan.report(detection(rule, row.kind(), scan.location(mi), ArgumentDetector.sinkKey(mi), label, path));
            }
            // Calling a lambda or method reference: its body, with the call's arguments after what it captured.
            Lambda called = Lambda.called(scan.argument(mi, Rows.THIS), mi, ctx);
            if (called != null) {
                Value lambda = scan.argument(mi, Rows.THIS);
                reportThroughCalls(scan, mi, List.of(called.body()), p -> p >= called.receiverCaptured()
                        ? scan.argument(mi, p - called.receiverCaptured()) : captured(lambda, p));
                continue;
            }
            // Sinks inside app methods this one calls.
            if (!ctx.program().isApp(mi.owner)) continue;
            List<MethodRef> targets = ValueInterpreter.targets(ctx.program(), mi, scan.argument(mi, Rows.THIS));
            if (targets.isEmpty() || targets.size() > MAX_TARGETS) continue;
            reportThroughCalls(scan, mi, targets, p -> scan.argument(mi, p));
        }
        // Lambdas and method references: the values they capture are the first parameters of their body.
        for (AbstractInsnNode insn = scan.method().instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (!(insn instanceof InvokeDynamicInsnNode indy) || frames.before(indy) == null) continue;
            Lambda l = Lambda.of(indy, ctx);
            if (l == null) continue;
            Frame<Value> f = frames.before(indy);
            int captured = Type.getArgumentTypes(indy.desc).length;
            int base = f.getStackSize() - captured;
            reportThroughCalls(scan, indy, List.of(l.body()), p -> {
                int slot = p + l.receiverCaptured();
                return slot >= 0 && slot < captured ? f.getStack(base + slot) : null;
            });
        }
    }

    /**
     * A lambda or method reference whose body is app code. {@code receiverCaptured} is, at its creation,
     * 1 when the body is an instance method (the first captured value is its receiver); at a call of the
     * lambda, the number of body parameters taken by captured values (the call's arguments come after).
     */
    record Lambda(MethodRef body, int receiverCaptured) {
        /** The body a call on a lambda object runs, with its parameter offset; null for other calls. */
        static Lambda called(Value receiver, MethodInsnNode mi, AnalysisContext ctx) {
            if (receiver == null || receiver.obj() == null || !"lambda".equals(receiver.obj().kind())) return null;
            var st = receiver.obj().state();
            // (After a merge of two lambdas, facts that differ are UNKNOWN and the call is not followed.)
            if (!mi.name.equals(st.get("method")) || !(st.get("impl") instanceof MethodRef body)) return null;
            if (!ctx.program().isApp(body.owner())) return null;
            return new Lambda(body, st.get("captured-params") instanceof Integer n ? n : 0);
        }

        static Lambda of(InvokeDynamicInsnNode indy, AnalysisContext ctx) {
            if (!"java/lang/invoke/LambdaMetafactory".equals(indy.bsm.getOwner()) || indy.bsmArgs.length < 2
                    || !(indy.bsmArgs[1] instanceof Handle h) || !ctx.program().isApp(h.getOwner())) {
                return null;
            }
            // An instance body captures its receiver first: captured value k is parameter k-1.
            boolean instance = h.getTag() != Opcodes.H_INVOKESTATIC && h.getTag() != Opcodes.H_NEWINVOKESPECIAL;
            return new Lambda(new MethodRef(h.getOwner(), h.getName(), h.getDesc()), instance ? 1 : 0);
        }
    }

    private void reportThroughCalls(MethodScan scan, AbstractInsnNode call, List<MethodRef> targets,
                                    java.util.function.IntFunction<Value> argument) {
        AnalysisContext ctx = scan.context();
        {
            for (MethodRef target : targets) {
                for (Reach r : summary(ctx, target, 1)) {
                    if (!r.receiverOk(argument)) continue;
                    Value arg = argument.apply(r.param());
                    if (arg == null) continue;
                    String label = firstTaint(arg, r.kind(), r.cleared());
                    if (label == null) continue;
                    List<Detection.Step> path = new ArrayList<>();
                    addSource(ctx, label, path);
                    path.add(new Detection.Step(scan.location(call), "passed to " + target.owner().replace('/', '.') + "." + target.name()));
                    path.addAll(r.via());
                    path.add(new Detection.Step(r.sink(), "reaches the sink"));
                    scan.report(detection(ruleOfKind.get(r.kind()), r.kind(), r.sink(), r.sinkKey(), label, path));
                }
            }
        }
    }

    /** A value a lambda captured as its body's parameter p, or null. */
    static Value captured(Value lambda, int p) {
        return lambda != null && lambda.obj() != null && lambda.obj().get("p" + p) instanceof Value v ? v : null;
    }

    /**
     * A row restricted to a kind of receiver object matches only calls on such an object; a row with
     * receiver conditions only when the receiver's facts (if known) allow it.
     */
    static boolean receiverIs(Value receiver, Rows.Argument row) {
        dev.triage.analysis.value.Obj o = receiver == null ? null : receiver.obj();
        if (!row.receiverUnlessAny().isEmpty() && o != null && !o.escaped() && o.kind() != null
                && ObjectStateDetector.satisfiedAny(o, row.receiverUnlessAny())) {
            return false;
        }
        if (!row.receiverIfAny().isEmpty() && (o == null || o.kind() == null || !ObjectStateDetector.satisfiedAny(o, row.receiverIfAny()))) {
            return false;
        }
        if (row.receiverObject() == null) return true;
        return o != null && row.receiverObject().equals(o.kind());
    }

    /**
     * Untrusted XML matters where the parser (or the factory that made it) is known and not hardened,
     * as the {@code checks} rows of its factory's kind define hardening.
     */
    static boolean unhardenedParser(AnalysisContext ctx, Value parser) {
        if (parser == null || parser.obj() == null || parser.obj().escaped()) return false;
        Object factoryKind = parser.obj().get("factory-kind");
        String kind = factoryKind instanceof String k ? k : parser.obj().kind();
        if (kind == null) return false;
        boolean checked = false;
        for (Rows.Check c : ctx.models().checks) {
            if (!kind.equals(c.object())) continue;
            checked = true;
            if (ObjectStateDetector.satisfiedAny(parser.obj(), c.unlessAny())) return false;
        }
        return checked;
    }

    private static Detection detection(String rule, String kind, CodeLocation at, String sinkKey, String label,
                                       List<Detection.Step> path) {
        String source = Taint.sourceKind(label);
        String call = sinkKey.substring(0, sinkKey.indexOf('('));
        String name = call.substring(call.lastIndexOf('/') + 1);
        return new Detection(rule, at, "Untrusted " + source + " input reaches " + name + " (" + kind + ")", path,
                "remote".equals(source) ? "HIGH" : "MEDIUM", sinkKey + "|" + source);
    }

    /** The first (in order) taint label of a value that reaches a sink kind, or null. */
    static String firstTaint(Value v, String kind, Set<String> alsoCleared) {
        for (String l : v.labels()) {
            if (Taint.isTaint(l) && Taint.reaches(l, kind) && !alsoCleared.contains(kind)) return l;
        }
        return null;
    }

    private static void addSource(AnalysisContext ctx, String label, List<Detection.Step> path) {
        Origin o = ctx.source(Taint.sourceId(label));
        Detection.Step s = MethodScan.originStep(o);
        if (s != null) path.add(s);
    }

    /** Parameters of an app method that reach sinks, through its helpers up to the depth bound. */
    List<Reach> summary(AnalysisContext ctx, MethodRef method, int depth) {
        if (depth > AnalysisContext.MAX_DEPTH) return List.of();
        Map<String, List<Reach>> cache = ctx.cache("taint-summary");
        String key = depth + " " + method;
        List<Reach> cached = cache.get(key);
        if (cached != null) return cached;
        List<Reach> out = new ArrayList<>();
        Optional<MethodFrames> mf = ctx.frames(method, depth);
        ClassInfo info = ctx.program().find(method.owner());
        if (mf.isPresent() && info != null) {
            Map<String, Reach> unique = new LinkedHashMap<>();
            for (AbstractInsnNode insn = mf.get().method().instructions.getFirst(); insn != null; insn = insn.getNext()) {
                if (!(insn instanceof MethodInsnNode mi) || mf.get().before(mi) == null) continue;
                CodeLocation here = new CodeLocation(info.name(), method.name(), method.descriptor(), info.sourcePath(),
                        mf.get().line(mi), info.origin());
                for (Rows.Argument row : ctx.models().argumentsNamed(mi.name)) {
                    if (!ruleOfKind.containsKey(row.kind()) || !ValueInterpreter.matches(row.method(), mi, ctx.program())) continue;
                    boolean hasReceiver = mi.getOpcode() != Opcodes.INVOKESTATIC;
                    Value recv = mf.get().argument(mi, mi.desc, hasReceiver, Rows.THIS);
                    int receiverParam = -1;
                    if (!receiverIs(recv, row)) {
                        // The receiver is a parameter: the caller must pass the right kind of object.
                        if (row.receiverObject() == null || recv == null || recv.param() < 0) continue;
                        receiverParam = recv.param();
                    }
                    if (!ArgumentDetector.whenHolds(row.when(), i -> mf.get().argument(mi, mi.desc, hasReceiver, i))) continue;
                    if (row.kind().equals("xxe") && !unhardenedParser(ctx, recv)) continue;
                    Value v = mf.get().argument(mi, mi.desc, mi.getOpcode() != Opcodes.INVOKESTATIC, row.argument());
                    if (v == null) continue;
                    for (String l : v.labels()) {
                        int p = Taint.param(l);
                        if (p < 0 || !Taint.reaches(l, row.kind())) continue;
                        Reach r = new Reach(p, row.kind(), here, ArgumentDetector.sinkKey(mi), Taint.cleared(l), List.of(),
                                receiverParam, receiverParam < 0 ? null : row.receiverObject());
                        unique.putIfAbsent(p + "|" + row.kind() + "|" + here, r);
                    }
                }
                MethodFrames frames = mf.get();
                Lambda called = Lambda.called(frames.argument(mi, mi.desc, mi.getOpcode() != Opcodes.INVOKESTATIC, Rows.THIS), mi, ctx);
                if (called != null) {
                    Value lambda = frames.argument(mi, mi.desc, true, Rows.THIS);
                    throughCalls(ctx, method, depth, here, List.of(called.body()), p -> p >= called.receiverCaptured()
                            ? frames.argument(mi, mi.desc, true, p - called.receiverCaptured()) : captured(lambda, p), unique);
                    continue;
                }
                if (!ctx.program().isApp(mi.owner)) continue;
                List<MethodRef> targets = ValueInterpreter.targets(ctx.program(), mi,
                        frames.argument(mi, mi.desc, mi.getOpcode() != Opcodes.INVOKESTATIC, Rows.THIS));
                if (targets.isEmpty() || targets.size() > MAX_TARGETS) continue;
                throughCalls(ctx, method, depth, here, targets, p -> frames.argument(mi, mi.desc, mi.getOpcode() != Opcodes.INVOKESTATIC, p), unique);
            }
            for (AbstractInsnNode insn = mf.get().method().instructions.getFirst(); insn != null; insn = insn.getNext()) {
                if (!(insn instanceof InvokeDynamicInsnNode indy) || mf.get().before(indy) == null) continue;
                Lambda l = Lambda.of(indy, ctx);
                if (l == null) continue;
                Frame<Value> f = mf.get().before(indy);
                int captured = Type.getArgumentTypes(indy.desc).length;
                int base = f.getStackSize() - captured;
                CodeLocation here = new CodeLocation(info.name(), method.name(), method.descriptor(), info.sourcePath(),
                        mf.get().line(indy), info.origin());
                throughCalls(ctx, method, depth, here, List.of(l.body()), p -> {
                    int slot = p + l.receiverCaptured();
                    return slot >= 0 && slot < captured ? f.getStack(base + slot) : null;
                }, unique);
            }
            out.addAll(unique.values());
        }
        List<Reach> result = List.copyOf(out);
        cache.put(key, result);
        return result;
    }

    private void throughCalls(AnalysisContext ctx, MethodRef method, int depth, CodeLocation here, List<MethodRef> targets,
                              java.util.function.IntFunction<Value> argument, Map<String, Reach> unique) {
        {
            {
                for (MethodRef t : targets) {
                    if (t.equals(method)) continue;
                    for (Reach inner : summary(ctx, t, depth + 1)) {
                        int receiverParam = -1;
                        if (!inner.receiverOk(argument)) {
                            Value r = inner.receiverParam() >= 0 ? argument.apply(inner.receiverParam()) : null;
                            if (r == null || r.param() < 0) continue;
                            receiverParam = r.param();
                        }
                        Value arg = argument.apply(inner.param());
                        if (arg == null) continue;
                        for (String l : arg.labels()) {
                            int p = Taint.param(l);
                            if (p < 0) continue;
                            Set<String> cleared = new TreeSet<>(Taint.cleared(l));
                            cleared.addAll(inner.cleared());
                            if (cleared.contains(inner.kind())) continue;
                            List<Detection.Step> via = new ArrayList<>();
                            via.add(new Detection.Step(here, "passed to " + t.owner().replace('/', '.') + "." + t.name()));
                            via.addAll(inner.via());
                            unique.putIfAbsent(p + "|" + inner.kind() + "|" + inner.sink(),
                                    new Reach(p, inner.kind(), inner.sink(), inner.sinkKey(), cleared, via,
                                            receiverParam, receiverParam < 0 ? null : inner.receiverKind()));
                        }
                    }
                }
            }
        }
    }
}
