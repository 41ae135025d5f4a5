package dev.triage.analysis.detect;

import dev.triage.contract.Severity;
import dev.triage.contract.Confidence;
import dev.triage.contract.PathStep;
import dev.triage.analysis.value.ModelMatch;
import dev.triage.analysis.value.ObjectSites;
import dev.triage.analysis.AnalysisContext;
import dev.triage.contract.Location;
import dev.triage.contract.Detection;
import dev.triage.analysis.Detector;
import dev.triage.analysis.MethodFrames;
import dev.triage.analysis.MethodScan;
import dev.triage.analysis.model.CheckRow;
import dev.triage.analysis.model.ConstantCondition;
import dev.triage.analysis.model.SeverityRaise;
import dev.triage.analysis.value.AbstractObject;
import dev.triage.analysis.value.Value;
import dev.triage.program.CallGraph;
import dev.triage.program.ClassInfo;
import dev.triage.program.MethodRef;
import dev.triage.program.Program;
import dev.triage.program.android.AndroidApp;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks the facts recorded on model objects, and the constant arguments of calls, where the models say (the
 * {@code checks} rows): a cookie added without Secure or HttpOnly, a parser made from a factory that was not
 * hardened, a JavaScript interface added to a WebView with JavaScript enabled, a PendingIntent made mutable from
 * an implicit intent, a file created world-readable.
 *
 * <p>Objects enter a method made there (judged by their facts), or — for types the models track wherever they come
 * from — as a parameter, a field, the receiver, a cast or a call result. Such an object's facts are what this method
 * recorded, plus: for a field or the receiver, the facts recorded on it anywhere in its class (flow-insensitive; facts
 * the class sets differently become unknown); for a parameter, the facts of the object each caller passes (up to
 * {@link AnalysisContext#MAX_DEPTH} callers up). A condition on a constant argument that is an unchanged parameter is
 * judged with the constants callers pass. The finding stands at the checked call, with the callers as path steps.
 * {@code unless-any} checks judge only objects whose creation they saw (here or in a caller) and that were not handed
 * to code Triage cannot see; {@code if-any} checks judge any object by the facts seen recorded on it.
 */
public final class ObjectStateDetector implements Detector {
    private final Set<String> rules;

    public ObjectStateDetector(Set<String> rules) {
        this.rules = rules;
    }

    /** The rules of every check row in the models. */
    public static ObjectStateDetector forModels(dev.triage.analysis.model.Models models) {
        Set<String> r = new TreeSet<>();
        models.checks.forEach(c -> r.add(c.rule()));
        return new ObjectStateDetector(r);
    }

    @Override
    public Set<String> rules() {
        return rules;
    }

    /** {@code app-resource}: calls whose result is the app's own resource, read by {@code unless-result-only} uses. */
    @Override
    public Set<String> modelKinds() {
        // object-argument: library constants labelled for the effects and sink conditions that recognise them
        return Set.of("app-resource", "object-argument");
    }

    @Override
    public void visitMethod(MethodScan scan) {
        Set<String> reported = new HashSet<>();
        for (AbstractInsnNode insn = scan.method().instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (!(insn instanceof MethodInsnNode mi)) continue;
            for (CheckRow check : scan.context().models().checksNamed(mi.name)) {
                if (!ModelMatch.matches(check.at(), mi, scan.context().program())) continue;
                if (scan.frames().before(mi) == null) continue;
                Value object = check.object() == null ? null : scan.argument(mi, check.argument());
                Map<Integer, Value> when = new TreeMap<>();
                for (Integer pos : check.when().keySet()) when.put(pos, scan.argument(mi, pos));
                List<PathStep> via = judge(scan.context(), scan.ref(), scan.frames(), check, object, Map.of(), when, 0);
                if (via == null) continue;
                if (!check.resultOnly().isEmpty() && CallResults.onlyUsedAs(scan.frames(), mi, check.resultOnly())) continue;
                if (!check.resultUnlessAny().isEmpty() && CallResults.given(scan.frames(), mi, check.resultUnlessAny())) continue;
                String key = ArgumentDetector.sinkKey(mi) + "|" + (check.object() != null ? check.object() : check.rule());
                if (!reported.add(check.rule() + "|" + scan.method().instructions.indexOf(mi) + "|" + key)) continue;
                String message = check.message();
                Severity severity = check.severity();
                SeverityRaise raise = check.raise();
                AndroidApp app = raise == null ? null : scan.context().program().android();
                if (app != null && app.minSdk() < raise.minSdkBelow()) {
                    severity = raise.severity();
                    message = raise.message().replace("{minSdk}", String.valueOf(app.minSdk()));
                }
                // a resource named by a helper's parameter is the app's own when every caller names a constant one
                CallResults.LabelTest labels = (a, label) -> CallerLabels.carries(scan.context(), scan.ref(), a, label);
                if (check.lowered() != null && CallResults.onlyUsedAs(scan.frames(), mi, check.lowered().uses(), labels)) {
                    severity = check.lowered().severity();
                    message = message + check.lowered().message();
                }
                if (check.loweredByArguments() != null
                        && CallResults.argumentsLabelled(scan.frames(), mi, check.loweredByArguments().uses().get(0).labelled(), labels)) {
                    severity = check.loweredByArguments().severity();
                    message = message + check.loweredByArguments().message();
                }
                List<PathStep> path = new ArrayList<>(via);
                path.add(new PathStep(scan.location(mi), message));
                scan.report(new Detection(check.rule(), scan.location(mi), message, path, Confidence.HIGH, key, severity,
                        Map.of(dev.triage.analysis.Provenance.PROPERTY, dev.triage.analysis.Provenance.part("check",
                                dev.triage.analysis.model.Models.cite(check.file(), check.provenance())))));
            }
        }
    }

    /**
     * Whether the check holds at a call in {@code in} whose checked object and conditioned arguments are these
     * values: null when it does not (or cannot be judged), else the caller steps that made it hold (empty when the
     * method itself decided). {@code object} is null when there is no object to judge (any more); {@code overlay}
     * holds facts a callee recorded on a parameter object, which win over the facts the caller's object has.
     */
    private static List<PathStep> judge(AnalysisContext ctx, MethodRef in, MethodFrames frames, CheckRow check,
                                              Value object, Map<String, Object> overlay, Map<Integer, Value> when, int depth) {
        // The object: decided (holds or not here), or open (a parameter: the callers' objects decide).
        Value openObject = null;
        Map<String, Object> facts = new HashMap<>();
        if (object != null) {
            AbstractObject o = object.object();
            if (o == null || !check.object().equals(o.kind())) return null;
            facts = facts(ctx, o, overlay);
            if (!check.ifAny().isEmpty()) {
                // A fact recorded later in the method counts too (a JavaScript interface added before JavaScript
                // is switched on is exposed all the same): the object's facts over its life in this method.
                Map<String, Map<String, Object>> life = new TreeMap<>();
                ObjectFacts.accumulate(life, o.site(), o.state());
                for (AbstractInsnNode i = frames.method().instructions.getFirst(); i != null; i = i.getNext()) {
                    Frame<Value> f = frames.before(i);
                    if (f != null) ObjectFacts.forEachValue(f, v -> {
                        if (v.object().site().equals(o.site())) ObjectFacts.accumulate(life, o.site(), v.object().state());
                    });
                    for (AbstractObject c : frames.interpreter().changedAt(i)) if (c.site().equals(o.site())) ObjectFacts.accumulate(life, o.site(), c.state());
                }
                facts.putAll(life.get(o.site()));
                facts.putAll(overlay);
            }
            Boolean verdict = verdict(check, o, facts);
            if (verdict == Boolean.FALSE) return null;
            if (verdict == null) {
                if (!"parameter".equals(o.get("entered")) || o.escaped() && !check.unlessAny().isEmpty()) return null;
                openObject = object;
            }
        }
        // The constant conditions: each decided here, or open (an unchanged parameter: the callers' constants decide).
        Map<Integer, Value> openWhen = new TreeMap<>();
        for (Map.Entry<Integer, Value> w : when.entrySet()) {
            Value v = w.getValue();
            if (v == null) return null;
            if (v.constants() != null) {
                ConstantCondition c = check.when().get(w.getKey());
                if (v.constants().isEmpty() || !v.constants().stream().allMatch(c::test)) return null;
            } else if (v.param() >= 0) {
                openWhen.put(w.getKey(), v);
            } else {
                return null;
            }
        }
        if (openObject == null && openWhen.isEmpty()) return List.of();
        if (depth >= AnalysisContext.MAX_DEPTH) return null;
        for (CallSite site : callSites(ctx, in, 0)) {
            Value callerObject = null;
            if (openObject != null) {
                int p = openObject.object().get("parameter") instanceof Integer i ? i : -1;
                callerObject = site.argument(p);
                if (callerObject == null) continue;
            }
            Map<Integer, Value> callerWhen = new TreeMap<>();
            for (Map.Entry<Integer, Value> w : openWhen.entrySet()) callerWhen.put(w.getKey(), site.argument(w.getValue().param()));
            List<PathStep> above = judge(ctx, site.caller(), site.frames(), check, callerObject,
                    openObject == null ? Map.of() : facts, callerWhen, depth + 1);
            if (above == null) continue;
            List<PathStep> via = new ArrayList<>(above);
            via.add(new PathStep(site.location(), "passes it to " + in.owner().replace('/', '.') + "." + in.name()));
            return via;
        }
        return null;
    }

    /**
     * TRUE when the object part of the check holds, FALSE when it does not, null when this method cannot tell (the
     * object entered unseen, or a fact the check asks for is not known).
     */
    private static Boolean verdict(CheckRow check, AbstractObject o, Map<String, Object> facts) {
        Object entered = o.get("entered");
        boolean open = false;
        if (!check.unlessAny().isEmpty()) {
            if (ObjectFacts.satisfiedAny(facts, check.unlessAny())) return false;
            if (entered != null) open = true;
            else if (o.escaped()) return false;
        }
        if (!check.ifAny().isEmpty()) {
            boolean undecided = false;
            boolean holds = false;
            for (Map<String, Object> alt : check.ifAny()) {
                Boolean h = ObjectFacts.holdsExactly(facts, alt);
                if (h == Boolean.TRUE) holds = true;
                else if (h == null) undecided = true;
            }
            if (!holds && !undecided) return false;
            if (!holds) open = true;
        }
        return open ? null : Boolean.TRUE;
    }

    // ---------------------------------------------------------------- callers

    /** A call of a method in a caller, with the caller's frames there. */
    private record CallSite(MethodRef caller, MethodFrames frames, MethodInsnNode call, Location location) {
        Value argument(int index) {
            return index < 0 && call.getOpcode() == Opcodes.INVOKESTATIC ? null
                    : frames.argument(call, call.desc, call.getOpcode() != Opcodes.INVOKESTATIC, index);
        }
    }

    /** The calls of {@code in} in its callers (call-graph order, then code order), with frames at {@code depth}. */
    private static List<CallSite> callSites(AnalysisContext ctx, MethodRef in, int depth) {
        List<CallSite> out = new ArrayList<>();
        Program program = ctx.program();
        for (MethodRef caller : program.callGraph().callers(in)) {
            var mf = ctx.frames(caller, depth);
            if (mf.isEmpty()) continue;
            MethodNode m = mf.get().method();
            ClassInfo info = program.find(caller.owner());
            for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                if (!(insn instanceof MethodInsnNode mi) || !mi.name.equals(in.name()) || !mi.desc.equals(in.descriptor())) continue;
                if (mf.get().before(mi) == null) continue;
                if (!CallGraph.resolve(program, mi.getOpcode(), mi.owner, mi.name, mi.desc).contains(in)) continue;
                Location at = Location.inCode(caller.owner(), caller.name(), caller.descriptor(),
                        info == null ? "" : info.sourcePath(), mf.get().line(mi), info == null ? "" : info.origin());
                out.add(new CallSite(caller, mf.get(), mi, at));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- class-wide facts of fields and receivers

    /** How many calls up (through callers, captured locals and setters) the facts of a stored parameter are sought. */
    private static final int MAX_HOPS = 6;

    /**
     * The facts of an object as a check judges them: its own, over what its class records on it when it is a field
     * or the receiver (and what the callers pass for a parameter stored there), under the facts a callee recorded
     * ({@code overlay}). Without the engine's own facts.
     */
    private static Map<String, Object> facts(AnalysisContext ctx, AbstractObject o, Map<String, Object> overlay) {
        Map<String, Object> out = resolved(ctx, o, 0);
        out.putAll(overlay);
        return out;
    }

    private static Map<String, Object> resolved(AnalysisContext ctx, AbstractObject o, int hops) {
        Map<String, Object> out = new HashMap<>();
        Object entered = o.get("entered");
        // An instance of an app subclass (a WebView subclass that configures itself): what its classes record on
        // their own receiver, the most general class first.
        String cls = o.get("new") instanceof String n ? n : o.get("declared") instanceof String d ? d
                : "this".equals(entered) ? o.site().substring("this:".length()) : null;
        if (cls != null && ctx.program().isApp(cls)) {
            List<String> chain = new ArrayList<>();
            for (String t : ctx.program().supertypes(cls)) if (ctx.program().isApp(t)) chain.add(t);
            for (int i = chain.size() - 1; i >= 0; i--) {
                String site = ObjectSites.thisSite(chain.get(i));
                if (!site.equals(o.site())) out.putAll(ctx.results().get(ClassWideFacts.ID).of(site).facts());
            }
        }
        if ("field".equals(entered) || "this".equals(entered)) {
            ClassWideFacts.Facts cf = ctx.results().get(ClassWideFacts.ID).of(o.site());
            out.putAll(cf.facts());
            for (Map.Entry<MethodRef, Integer> stored : cf.storedParameters()) {
                Map<String, Object> passed = passed(ctx, stored.getKey(), stored.getValue(), o.kind(), hops + 1);
                if (passed != null) passed.forEach((k, v) -> {
                    Object prev = out.putIfAbsent(k, v);
                    if (prev != null && !Objects.equals(prev, v)) out.put(k, AbstractObject.UNKNOWN);
                });
            }
        }
        o.state().forEach((k, v) -> {
            if (!ObjectSites.META_FACTS.contains(k)) out.put(k, v);
        });
        return out;
    }

    /**
     * The facts of the objects the callers of a method pass as a parameter, merged (a fact the callers disagree
     * on, or that only some set, is unknown); null when no caller passes a known object of the kind.
     */
    private static Map<String, Object> passed(AnalysisContext ctx, MethodRef in, int param, String kind, int hops) {
        if (hops > MAX_HOPS) return null;
        Map<String, Object> merged = null;
        for (CallSite cs : callSites(ctx, in, 0)) {
            Value v = cs.argument(param);
            if (v == null || v.object() == null || !kind.equals(v.object().kind())) return null;
            Map<String, Object> f;
            if ("parameter".equals(v.object().get("entered")) && v.object().get("parameter") instanceof Integer p) {
                f = passed(ctx, cs.caller(), p, kind, hops + 1);
                if (f == null) return null;
                Map<String, Object> own = resolved(ctx, v.object(), hops + 1);
                f = new HashMap<>(f);
                f.putAll(own);
            } else {
                f = resolved(ctx, v.object(), hops + 1);
            }
            if (merged == null) {
                merged = new HashMap<>(f);
            } else {
                Map<String, Object> m = new HashMap<>();
                for (String k : merged.keySet()) m.put(k, Objects.equals(merged.get(k), f.get(k)) ? merged.get(k) : AbstractObject.UNKNOWN);
                for (String k : f.keySet()) m.putIfAbsent(k, AbstractObject.UNKNOWN);
                merged = m;
            }
        }
        return merged;
    }
}
