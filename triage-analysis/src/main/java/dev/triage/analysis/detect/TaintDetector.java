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
    /** Source kind → class (untrusted, sensitive, writable-location); unlisted kinds are untrusted. */
    private final Map<String, String> classOfSource;
    /** Sink kind → the source classes it reports; unlisted kinds take untrusted input. */
    private final Map<String, Set<String>> acceptedBySink;
    /** Source kind → how a message names it ("location data"). */
    private final Map<String, String> sourceNames;
    private final Set<String> highConfidenceSources;

    public TaintDetector(Models models) {
        Map<String, String> m = new TreeMap<>();
        JsonNode t = models.tables.get("sink-rules");
        if (t != null) t.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        this.ruleOfKind = m;
        Map<String, String> classes = new TreeMap<>();
        JsonNode c = models.tables.get("source-classes");
        if (c != null) c.fields().forEachRemaining(e -> classes.put(e.getKey(), e.getValue().asText()));
        this.classOfSource = classes;
        Map<String, Set<String>> accepted = new TreeMap<>();
        JsonNode a = models.tables.get("sink-sources");
        if (a != null) a.fields().forEachRemaining(e -> {
            Set<String> set = new TreeSet<>();
            e.getValue().forEach(x -> set.add(x.asText()));
            accepted.put(e.getKey(), set);
        });
        this.acceptedBySink = accepted;
        Map<String, String> names = new TreeMap<>();
        JsonNode n = models.tables.get("source-names");
        if (n != null) n.fields().forEachRemaining(e -> names.put(e.getKey(), e.getValue().asText()));
        this.sourceNames = names;
        this.highConfidenceSources = models.stringSet("high-confidence-sources");
    }

    /** The class of a source kind: untrusted (the default), sensitive, writable-location... */
    String sourceClass(String sourceKind) {
        return classOfSource.getOrDefault(sourceKind, "untrusted");
    }

    /** Whether a sink of this kind reports data from a source of this kind. */
    boolean accepts(String sinkKind, String sourceKind) {
        Set<String> accepted = acceptedBySink.getOrDefault(sinkKind, UNTRUSTED);
        if (accepted.contains("!" + sourceKind)) return false;
        return accepted.contains(sourceKind) || accepted.contains(sourceClass(sourceKind));
    }

    private static final Set<String> UNTRUSTED = Set.of("untrusted");

    @Override
    public Set<String> rules() {
        return new TreeSet<>(ruleOfKind.values());
    }

    @Override
    public Set<String> modelKinds() {
        Set<String> k = new TreeSet<>(ruleOfKind.keySet());
        k.add("source");
        k.add("broadcast-receiver"); // registrations that expose a receiver: AnalysisContext reads them for sources
        return k;
    }

    /** A parameter of a method that reaches a sink. */
    /**
     * A parameter of a method that reaches a sink. When the sink applies only to a kind of receiver
     * object (the response's writer) and the receiver is itself a parameter, {@code receiverParam}
     * names it and {@code receiverKind} the kind the caller must pass; otherwise -1 and null.
     */
    record Reach(int param, String kind, CodeLocation sink, String sinkKey, Set<String> cleared, List<Detection.Step> via,
                 int receiverParam, String receiverKind, String receiverLabel) {
        /** Whether the receiver constraint holds for what the caller passes (a further parameter: still open). */
        boolean receiverOk(java.util.function.IntFunction<Value> argument) {
            if (receiverParam < 0) return true;
            Value r = argument.apply(receiverParam);
            if (r == null) return false;
            if (receiverKind != null) return r.obj() != null && receiverKind.equals(r.obj().kind());
            return receiverLabel == null || hasTaintOf(r, receiverLabel);
        }

        /** The parameter of the caller the still-open receiver condition now depends on, or -1. */
        int openReceiver(java.util.function.IntFunction<Value> argument) {
            Value r = receiverParam >= 0 ? argument.apply(receiverParam) : null;
            return r == null ? -1 : receiverKind != null ? r.param() : paramOf(r);
        }
    }

    /** The value carries taint from a source of this kind. */
    static boolean hasTaintOf(Value v, String sourceKind) {
        for (String l : v.labels()) if (Taint.isTaint(l) && sourceKind.equals(Taint.sourceKind(l))) return true;
        return false;
    }

    /** The parameter a value is, or is derived from; -1 when none. */
    static int paramOf(Value v) {
        if (v.param() >= 0) return v.param();
        for (String l : v.labels()) if (Taint.param(l) >= 0) return Taint.param(l);
        return -1;
    }

    /**
     * How a sink row applies at one call.
     *
     * @param values        the values at the sink position (every argument for {@code argument: any})
     * @param receiverParam when a receiver condition depends on what the caller passes: that parameter; else -1
     */
    record SinkHit(List<Value> values, int receiverParam, String receiverKind, String receiverLabel) {
    }

    /**
     * Whether a sink row applies at a call: the method matches (or, for rows about annotated methods, the app method
     * called carries the annotation), and the conditions hold — the receiver's kind of object and facts, the
     * receiver's taint, the sink argument's own facts, other arguments' constants, an unhardened XML parser. In a
     * summary ({@code open}), a receiver condition that depends on what the caller passes is left to the caller.
     */
    SinkHit sinkAt(AnalysisContext ctx, Rows.Argument row, MethodInsnNode mi, java.util.function.IntFunction<Value> argument,
                   boolean open) {
        if (!ruleOfKind.containsKey(row.kind())) return null;
        if (!row.methodAnnotations().isEmpty()) {
            // annotated methods are the app's own (a Retrofit interface): library calls never are
            if (!ctx.program().isApp(mi.owner)) return null;
            dev.triage.program.MethodInfo target = ctx.program().resolveMethod(mi.owner, mi.name, mi.desc);
            if (target == null || row.methodAnnotations().stream().noneMatch(target::hasAnnotation)) return null;
        } else if (!ValueInterpreter.matches(row.method(), mi, ctx.program())) {
            return null;
        }
        Value recv = mi.getOpcode() == Opcodes.INVOKESTATIC ? null : argument.apply(Rows.THIS);
        int receiverParam = -1;
        String receiverKind = null;
        String receiverLabel = null;
        if (!receiverIs(recv, row)) {
            // The receiver is a parameter: the caller must pass the right kind of object.
            if (!open || row.receiverObject() == null || recv == null || recv.param() < 0) return null;
            receiverParam = recv.param();
            receiverKind = row.receiverObject();
        }
        if (row.receiverLabelled() != null && (recv == null || !hasTaintOf(recv, row.receiverLabelled()))) {
            int p = recv == null || !open ? -1 : paramOf(recv);
            if (p < 0 || receiverParam >= 0) return null;
            receiverParam = p;
            receiverLabel = row.receiverLabelled();
        }
        if (!ArgumentDetector.whenHolds(row.when(), argument)) return null;
        if (row.kind().equals("xxe") && !unhardenedParser(ctx, recv)) return null;
        List<Value> values = new ArrayList<>();
        if (row.argument() == Rows.ANY) {
            for (int i = 0; i < Type.getArgumentTypes(mi.desc).length; i++) {
                Value v = argument.apply(i);
                if (v != null) values.add(v);
            }
        } else {
            Value v = argument.apply(row.argument());
            if (v != null) values.add(v);
        }
        if (!row.argumentUnlessAny().isEmpty()) {
            // Judged only on an object whose facts are known (an intent built here), never on one passed in.
            values.removeIf(v -> v.obj() == null || v.obj().escaped() || v.obj().kind() == null
                    || v.obj().get("entered") != null
                    || ObjectStateDetector.satisfiedAny(v.obj(), row.argumentUnlessAny()));
        }
        return values.isEmpty() ? null : new SinkHit(values, receiverParam, receiverKind, receiverLabel);
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
                SinkHit hit = sinkAt(ctx, row, mi, i -> scan.argument(mi, i), false);
                if (hit == null) continue;
                String label = null;
                for (Value v : hit.values()) {
                    label = firstTaint(v, row.kind(), Set.of());
                    if (label != null) break;
                }
                if (label == null) continue;
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
            // Sinks inside app methods this one calls (also through a library interface the app implements).
            if (!ctx.program().isApp(mi.owner) && !ValueInterpreter.appReceiver(ctx.program(), mi, scan.argument(mi, Rows.THIS))) continue;
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

    private Detection detection(String rule, String kind, CodeLocation at, String sinkKey, String label,
                                List<Detection.Step> path) {
        String source = Taint.sourceKind(label);
        String call = sinkKey.substring(0, sinkKey.indexOf('('));
        String name = call.substring(call.lastIndexOf('/') + 1);
        String what = sourceNames.getOrDefault(source, "untrusted " + source + " input");
        String message = Character.toUpperCase(what.charAt(0)) + what.substring(1) + " reaches " + name + " (" + kind + ")";
        return new Detection(rule, at, message, path, highConfidenceSources.contains(source) ? "HIGH" : "MEDIUM",
                sinkKey + "|" + source);
    }

    /** The first (in order) taint label of a value that a sink of this kind reports, or null. */
    String firstTaint(Value v, String kind, Set<String> alsoCleared) {
        for (String l : v.labels()) {
            if (!Taint.isTaint(l) || !Taint.reaches(l, kind) || alsoCleared.contains(kind)) continue;
            String source = Taint.sourceKind(l);
            if (!accepts(kind, source)) continue;
            // a number computed from untrusted input carries no injection
            boolean number = Taint.cleared(l).contains(Taint.NUMBER) || alsoCleared.contains(Taint.NUMBER);
            if (number && sourceClass(source).equals("untrusted")) continue;
            return l;
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
                boolean hasReceiver = mi.getOpcode() != Opcodes.INVOKESTATIC;
                for (Rows.Argument row : ctx.models().argumentsNamed(mi.name)) {
                    SinkHit hit = sinkAt(ctx, row, mi, i -> mf.get().argument(mi, mi.desc, hasReceiver, i), true);
                    if (hit == null) continue;
                    for (Value v : hit.values()) {
                        for (String l : v.labels()) {
                            int p = Taint.param(l);
                            if (p < 0 || !Taint.reaches(l, row.kind())) continue;
                            Reach r = new Reach(p, row.kind(), here, ArgumentDetector.sinkKey(mi), Taint.cleared(l), List.of(),
                                    hit.receiverParam(), hit.receiverKind(), hit.receiverLabel());
                            unique.putIfAbsent(p + "|" + row.kind() + "|" + here, r);
                        }
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
                Value receiverValue = frames.argument(mi, mi.desc, mi.getOpcode() != Opcodes.INVOKESTATIC, Rows.THIS);
                if (!ctx.program().isApp(mi.owner) && !ValueInterpreter.appReceiver(ctx.program(), mi, receiverValue)) continue;
                List<MethodRef> targets = ValueInterpreter.targets(ctx.program(), mi, receiverValue);
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
                            List<Detection.Step> via = new ArrayList<>();
                            via.add(new Detection.Step(here, "passed to " + t.owner().replace('/', '.') + "." + t.name()));
                            via.addAll(inner.via());
                            unique.putIfAbsent(p + "|" + inner.kind() + "|" + inner.sink(),
                                    new Reach(p, inner.kind(), inner.sink(), inner.sinkKey(), cleared, via, receiverParam,
                                            receiverParam < 0 ? null : inner.receiverKind(),
                                            receiverParam < 0 ? null : inner.receiverLabel()));
                        }
                    }
                }
            }
        }
    }
}
