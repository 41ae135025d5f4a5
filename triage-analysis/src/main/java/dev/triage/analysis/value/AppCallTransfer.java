package dev.triage.analysis.value;

import dev.triage.program.MethodRef;
import dev.triage.program.Program;
import org.objectweb.asm.Type;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A transfer stage for calls no model or built-in understood that run app code: a lambda or method reference whose
 * body is the app's, and app methods (also an app class called through a library interface). The result is what the
 * callees return for these arguments (their return summaries, merged over class-hierarchy targets); the tracked
 * objects handed to them take the facts the callees record on them, and other objects escape.
 */
final class AppCallTransfer {
    /** Class-hierarchy targets whose return summaries are merged; a call with more returns what is certain only. */
    private static final int MAX_TARGETS = 8;

    private AppCallTransfer() {
    }

    /** Calling a lambda or method reference of the app: what its body returns for its captured values and these arguments. */
    static boolean lambda(Call c) {
        AbstractObject o = c.receiverObject();
        if (o == null || !"lambda".equals(o.kind()) || !c.insn.name.equals(o.get("method"))
                || !(o.get("impl") instanceof MethodRef body) || c.result == null) {
            return false;
        }
        if (!c.context().program().isApp(body.owner())) return false;
        List<Value> bodyArgs = new ArrayList<>();
        int captured = o.get("captured-params") instanceof Integer n ? n : 0;
        for (int k = 0; k < captured; k++) {
            bodyArgs.add(o.get("p" + k) instanceof Value v ? v : Value.unknown(Type.getObjectType("java/lang/Object")));
        }
        bodyArgs.addAll(c.args);
        Value summary = c.context().returnSummary(body, c.interpreter.depth() + 1);
        if (summary != null) c.result = instantiate(summary, bodyArgs, c.returnType);
        else for (Value a : c.args) c.result = c.result.withLabels(a.labels());
        return true;
    }

    /**
     * An invocation of an app method looked up by constant names ({@link ReflectiveCalls}): what the methods it names
     * return for the target object and the argument array's elements.
     */
    static boolean reflective(Call c) {
        if (c.result == null || c.receiver == null) return false;
        ReflectiveCalls.Invocation inv = ReflectiveCalls.of(c.context().models()).invocation(c.context().program(), c.insn,
                c.receiver, c::at);
        if (inv == null) return false;
        Value merged = null;
        for (MethodRef t : inv.targets()) {
            Value summary = c.context().returnSummary(t, c.interpreter.depth() + 1);
            if (summary == null) continue;
            Type[] params = Type.getArgumentTypes(t.descriptor());
            List<Value> args = new ArrayList<>();
            for (int i = 0; i < params.length; i++) {
                Value a = inv.argument().apply(i);
                args.add(a != null ? a : Value.unknown(params[i]));
            }
            Value v = instantiate(summary, args, Type.getReturnType(t.descriptor()));
            merged = merged == null ? v : merged.merge(v);
        }
        // the result is boxed (an Object): what it carries, not what it is
        if (merged != null) c.result = Value.unknown(c.returnType).withLabels(merged.labels());
        // a constructor's: a new object of its class (so that getClass() on it names the class again)
        String made = inv.targets().get(0).owner();
        if (inv.targets().stream().allMatch(t -> t.name().equals("<init>") && t.owner().equals(made))) {
            c.result = Value.ofObject(Type.getObjectType(made), new AbstractObject(c.interpreter.site(c.insn), null,
                    java.util.Map.of("new", made), false));
        }
        return true;
    }

    /** App code: what the callees return; true when the call runs app code (then no later stage applies). */
    static boolean appCallees(Call c) {
        Program program = c.context().program();
        if (!program.isApp(c.insn.owner) && !CallTargets.appReceiver(program, c.insn, c.receiver)) return false;
        List<MethodRef> targets = CallTargets.targets(program, c.insn, c.receiver);
        if (c.result != null && !targets.isEmpty() && targets.size() <= MAX_TARGETS) {
            // What any implementation may return (class-hierarchy targets, merged).
            Value merged = null;
            boolean all = true;
            for (MethodRef t : targets) {
                Value summary = c.context().returnSummary(t, c.interpreter.depth() + 1);
                if (summary == null) {
                    all = false;
                    continue;
                }
                Value v = instantiate(summary, c.args, c.returnType);
                merged = merged == null ? v : merged.merge(v);
            }
            if (merged != null) {
                // An implementation we could not read may return anything: keep only what is certain.
                c.result = all ? merged : Value.unknown(c.returnType).withLabels(merged.labels());
            }
        }
        if (!targets.isEmpty() && targets.size() <= MAX_TARGETS) guards(c, targets);
        if (!targets.isEmpty()) passToApp(c, targets);
        return true;
    }

    /**
     * The checks app callees make on their parameters, in the caller: a boolean helper's result becomes a guard on
     * the argument it checked (clean where it returned true); an argument every callee proves clean wherever it
     * returns (a helper that throws when the check fails) is clean after the call.
     */
    private static void guards(Call c, List<MethodRef> targets) {
        Map<Integer, Set<String>> onTrue = null;
        Map<Integer, Set<String>> onExit = null;
        for (MethodRef t : targets) {
            Map<Integer, ParameterGuard> g = c.context().parameterGuards(t, c.interpreter.depth() + 1);
            if (g == null) return;
            Map<Integer, Set<String>> tTrue = new TreeMap<>();
            Map<Integer, Set<String>> tExit = new TreeMap<>();
            g.forEach((i, pg) -> {
                if (!pg.onTrue().isEmpty()) tTrue.put(i, pg.onTrue());
                if (!pg.onExit().isEmpty()) tExit.put(i, pg.onExit());
            });
            onTrue = onTrue == null ? tTrue : intersect(onTrue, tTrue);
            onExit = onExit == null ? tExit : intersect(onExit, tExit);
        }
        if (onExit != null) {
            for (Map.Entry<Integer, Set<String>> e : onExit.entrySet()) {
                Value a = e.getKey() < c.args.size() ? c.args.get(e.getKey()) : null;
                if (a == null || a.labels().stream().noneMatch(Taint::isFlow)) continue;
                c.interpreter.addClean(a, List.copyOf(e.getValue()));
            }
        }
        if (onTrue != null && c.result != null && c.result.getSize() == 1 && c.returnType.getSort() == Type.BOOLEAN) {
            for (Map.Entry<Integer, Set<String>> e : onTrue.entrySet()) {
                Value a = e.getKey() < c.args.size() ? c.args.get(e.getKey()) : null;
                if (a == null || a.labels().stream().noneMatch(Taint::isFlow)) continue;
                Map<String, Object> state = new HashMap<>();
                state.put("checked", a);
                state.put("clears", List.copyOf(e.getValue()));
                state.put("origins", List.of());
                c.result = Value.unknown(c.returnType).withObject(
                        new AbstractObject("guard@" + c.interpreter.site(c.insn), GuardTransfer.GUARD, state, false));
                break;
            }
        }
    }

    /** Per parameter, the kinds both maps prove ({@code all} proves every kind). */
    private static Map<Integer, Set<String>> intersect(Map<Integer, Set<String>> a, Map<Integer, Set<String>> b) {
        Map<Integer, Set<String>> out = new TreeMap<>();
        for (Map.Entry<Integer, Set<String>> e : a.entrySet()) {
            Set<String> o = b.get(e.getKey());
            if (o == null) continue;
            Set<String> both;
            if (e.getValue().contains(Taint.ALL)) both = o;
            else if (o.contains(Taint.ALL)) both = e.getValue();
            else {
                both = new TreeSet<>(e.getValue());
                both.retainAll(o);
            }
            if (!both.isEmpty()) out.put(e.getKey(), both);
        }
        return out;
    }

    /** A callee's summary at one call site: parameter labels become the arguments' labels. */
    private static Value instantiate(Value summary, List<? extends Value> args, Type ret) {
        if (summary.param() >= 0 && summary.param() < args.size() && !summary.isKnown() && summary.object() == null
                && summary.labels().stream().noneMatch(l -> l.startsWith("@p") && l.indexOf('!') > 0)) {
            return args.get(summary.param()).withType(ret);
        }
        Set<String> labels = new TreeSet<>();
        for (String l : summary.labels()) {
            if (l.startsWith("@p")) {
                int p = Taint.param(l);
                Set<String> cleared = Taint.cleared(l);
                if (p < args.size()) {
                    for (String a : args.get(p).labels()) {
                        labels.add(cleared.isEmpty() || !Taint.isFlow(a) ? a : Taint.sanitize(a, cleared));
                    }
                }
            } else {
                labels.add(l);
            }
        }
        return new Value(ret, ret.getSize(), summary.constants(), summary.prefix(), summary.object(), -1, Set.copyOf(labels), summary.origin());
    }

    /**
     * Objects handed to app code: a tracked object (a WebView, an Intent) takes the facts the callees record
     * on the parameter; other objects, and tracked ones a callee cannot be summarised for, escape.
     */
    private static void passToApp(Call c, List<MethodRef> targets) {
        for (int i = -1; i < c.args.size(); i++) {
            Value a = i < 0 ? c.receiver : c.args.get(i);
            if (a == null || a.object() == null || a.object().escaped()) continue;
            Value updated = c.context().models().trackedKind(a.object().kind())
                    ? calleeEffects(c.interpreter, targets, a, i) : a.withObject(a.object().escape());
            if (!updated.equals(a)) c.interpreter.addPending(new AliasUpdate(a.object().site(), updated));
        }
    }

    /**
     * A tracked object after app methods ran with it as parameter {@code index} (-1: the receiver): the facts
     * each callee records on it, merged (facts the callees disagree on become unknown); escaped when a callee
     * cannot be summarised or hands it on to code Triage cannot see.
     */
    static Value calleeEffects(ValueInterpreter vi, List<MethodRef> targets, Value v, int index) {
        AbstractObject o = v.object();
        if (targets.isEmpty()) return v;
        Map<String, Object> facts = null;
        boolean escaped = false;
        for (MethodRef t : targets) {
            Map<Integer, AbstractObject> effects = vi.context().parameterEffects(t, vi.depth() + 1);
            AbstractObject e = effects == null ? null : effects.get(index);
            if (e == null || !o.kind().equals(e.kind())) return v.withObject(o.escape());
            escaped |= e.escaped();
            Map<String, Object> f = new HashMap<>();
            e.state().forEach((k, val) -> {
                if (!ObjectSites.META_FACTS.contains(k)) f.put(k, val);
            });
            if (facts == null) {
                facts = f;
            } else {
                Map<String, Object> m = new HashMap<>();
                for (String k : facts.keySet()) m.put(k, Objects.equals(facts.get(k), f.get(k)) ? facts.get(k) : AbstractObject.UNKNOWN);
                for (String k : f.keySet()) m.putIfAbsent(k, AbstractObject.UNKNOWN);
                facts = m;
            }
        }
        AbstractObject updated = o;
        for (Map.Entry<String, Object> e : new TreeMap<>(facts).entrySet()) updated = updated.with(e.getKey(), e.getValue());
        return v.withObject(escaped ? updated.escape() : updated);
    }
}
