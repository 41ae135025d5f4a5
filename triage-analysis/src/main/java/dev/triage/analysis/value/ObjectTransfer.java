package dev.triage.analysis.value;

import dev.triage.analysis.model.Models;
import dev.triage.analysis.model.EffectRow;
import dev.triage.program.Program;
import org.objectweb.asm.Type;

import dev.triage.program.MethodInfo;
import dev.triage.program.MethodRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A transfer stage: objects the models describe. A creating call makes the object with its initial facts (a cookie,
 * a factory, a parser that copies its factory's facts); an effect call records a fact on the receiver's object; a
 * fluent call returns the object itself, and a view call returns it seen through another type
 * ({@code WebView.getSettings()}).
 */
final class ObjectTransfer {
    private ObjectTransfer() {
    }

    static void apply(Call c) {
        create(c);
        effects(c);
    }

    /** Object creation, as the models' {@code created-by} rows describe it. */
    private static void create(Call c) {
        ValueContext ctx = c.context();
        Models models = ctx.models();
        Program program = ctx.program();
        Value receiver = c.receiver;
        for (Models.CreatedBy cb : models.creatorsNamed(c.insn.name)) {
            if (!ModelMatch.matches(cb.method(), c.insn, program)) continue;
            // A subclass constructor's super(...) call on its own receiver: the object is not made here.
            if (c.insn.name.equals("<init>") && receiver != null && receiver.object() != null && receiver.object().get("entered") != null) {
                c.understood = true;
                continue;
            }
            Map<String, Object> state = new HashMap<>();
            if (cb.type().copyFacts()) {
                // Made by a modelled object (a parser by its factory): start from its facts.
                if (receiver == null || receiver.object() == null || receiver.object().kind() == null || receiver.object().escaped()) continue;
                state.putAll(receiver.object().state());
                state.put("factory-kind", receiver.object().kind());
                // a factory read from a field: where its class-wide facts are found (a configuration set up in the constructor)
                if ("field".equals(receiver.object().get("entered"))) state.put("factory-site", receiver.object().site());
            }
            state.putAll(cb.facts());
            cb.type().initialFromArguments().forEach((k, idx) -> state.put(k,
                    CallLabels.fact(idx >= 0 && idx < c.args.size() ? c.args.get(idx) : receiver)));
            // The exact class of an argument object (a Yaml built with a SafeConstructor).
            cb.type().initialTypes().forEach((k, idx) -> {
                Value a = idx >= 0 && idx < c.args.size() ? c.args.get(idx) : null;
                Object exact = a == null ? null : a.object() != null && a.object().get("new") instanceof String t ? t
                        : a.type() != null && a.type().getSort() == Type.OBJECT ? a.type().getInternalName() : null;
                state.put(k, exact == null ? AbstractObject.UNKNOWN : exact);
            });
            if (c.constructsReceiver()) {
                Value created = receiver.withObject(new AbstractObject(receiver.object().site(), cb.type().name(), state, false));
                // An app subclass's constructor (a WebView subclass that configures itself): what it does to
                // its new object.
                if (program.isApp(c.insn.owner) && models.trackedKind(cb.type().name())) {
                    created = AppCallTransfer.calleeEffects(c.interpreter, CallTargets.targets(program, c.insn, receiver), created, -1);
                }
                c.interpreter.addPending(new AliasUpdate(receiver.object().site(), created));
            } else if (c.result != null) {
                c.result = c.result.withObject(new AbstractObject(c.interpreter.site(c.insn), cb.type().name(), state, false));
            }
            c.understood = true;
        }
    }

    /** Effects on the receiver's modelled object, fluent results and views. */
    private static void effects(Call c) {
        argumentEffects(c);
        Value receiver = c.receiver;
        if (receiver == null || receiver.object() == null || receiver.object().kind() == null || "lambda".equals(receiver.object().kind())) {
            return;
        }
        Models models = c.context().models();
        Program program = c.context().program();
        AbstractObject o = receiver.object();
        AbstractObject updated = o;
        // Objects tracked by type are "understood" only by the calls their model names (other calls on an
        // Intent keep the default treatment of unmodelled library calls).
        boolean matched = !models.trackedKind(o.kind());
        for (Models.EffectOf e : models.effectsNamed(c.insn.name)) {
            if (e.effect().target() != null) continue;
            if (!e.type().name().equals(o.kind()) || !ModelMatch.matches(e.effect().method(), c.insn, program)) continue;
            matched = true;
            updated = record(c, e.effect(), updated);
        }
        if (updated != o) c.interpreter.addPending(new AliasUpdate(o.site(), receiver.withObject(updated)));
        Type ret = c.returnType;
        // A fluent call (a builder's secure(true) or path("/")) returns the object itself: its
        // result has the type of the class it was called on.
        if (c.result != null && ret.getSort() == Type.OBJECT && ret.getInternalName().equals(c.insn.owner)) {
            c.result = receiver.withObject(updated).withType(ret);
        }
        // A view of the object (WebView.getSettings()): the result is the object, seen through another type.
        for (Models.CreatedBy view : models.viewsNamed(c.insn.name)) {
            if (c.result != null && view.type().name().equals(o.kind()) && ModelMatch.matches(view.method(), c.insn, program)) {
                c.result = receiver.withObject(updated).withType(ret);
                matched = true;
            }
        }
        // Calls on a modelled object's own type never make it escape.
        if (matched) c.understood = true;
    }

    /** One effect row's fact recorded on an object (the object unchanged when the row's conditions do not hold). */
    private static AbstractObject record(Call c, EffectRow ef, AbstractObject updated) {
        for (var w : ef.when().entrySet()) {
            Value a = w.getKey() >= 0 && w.getKey() < c.args.size() ? c.args.get(w.getKey()) : null;
            if (!ConstantTexts.anyMatches(w.getValue(), a)) return updated;
        }
        for (var l : ef.labelled().entrySet()) {
            Value a = l.getKey() >= 0 && l.getKey() < c.args.size() ? c.args.get(l.getKey()) : null;
            if (a == null || !a.labels().contains(l.getValue())) return updated;
        }
        String key = ef.key();
        if (ef.keyArgument() != null) {
            String k = c.args.get(ef.keyArgument()).singleString();
            if (k == null) return updated.escape();
            key = k;
        }
        if (ef.once() && updated.get(key) != null) return updated;
        Object val = ef.add() != null ? (updated.get(key) instanceof Integer n ? (Object) (n + ef.add()) : AbstractObject.UNKNOWN)
                : ef.returnedBy() != null ? callbackReturns(c, ef.returnedBy())
                : ef.valueArgument() != null ? CallLabels.fact(c.args.get(ef.valueArgument())) : ef.value();
        return val == EffectRow.REMOVE ? updated.without(key) : updated.with(key, val);
    }

    /**
     * Effects on an object passed as an argument ({@code on: n}): a static helper that configures the object it is
     * given ({@code XStream.setupDefaultSecurity(xstream)}).
     */
    private static void argumentEffects(Call c) {
        Models models = c.context().models();
        Program program = c.context().program();
        for (Models.EffectOf e : models.effectsNamed(c.insn.name)) {
            Integer t = e.effect().target();
            if (t == null || t < 0 || t >= c.args.size()) continue;
            Value subject = c.args.get(t);
            AbstractObject o = subject == null ? null : subject.object();
            if (o == null || !e.type().name().equals(o.kind()) || !ModelMatch.matches(e.effect().method(), c.insn, program)) continue;
            AbstractObject updated = record(c, e.effect(), o);
            if (updated != o) c.interpreter.addPending(new AliasUpdate(o.site(), subject.withObject(updated)));
            c.understood = true;
        }
    }

    /**
     * What the app's implementation of a callback handed to the call returns: the single constant every
     * implementation it may be returns (a lambda or method reference of the app, an object of an app class made in
     * view, or every app class of the argument's declared type), else unknown.
     */
    private static Object callbackReturns(Call c, EffectRow.Callback cb) {
        Value arg = cb.argument() >= 0 && cb.argument() < c.args.size() ? c.args.get(cb.argument()) : null;
        if (arg == null) return AbstractObject.UNKNOWN;
        Program program = c.context().program();
        List<MethodRef> impls = new ArrayList<>();
        AbstractObject o = arg.object();
        if (o != null && "lambda".equals(o.kind())) {
            if (!cb.method().equals(o.get("method")) || !(o.get("impl") instanceof MethodRef body) || !program.isApp(body.owner())) {
                return AbstractObject.UNKNOWN;
            }
            impls.add(body);
        } else {
            String cls = o != null && o.get("new") instanceof String exact ? exact
                    : arg.type() != null && arg.type().getSort() == Type.OBJECT ? arg.type().getInternalName() : null;
            if (cls == null || !program.isApp(cls)) return AbstractObject.UNKNOWN;
            int op = o != null && o.get("new") != null ? org.objectweb.asm.Opcodes.INVOKEVIRTUAL : org.objectweb.asm.Opcodes.INVOKEINTERFACE;
            if (o != null && o.get("new") != null) {
                MethodInfo m = program.resolveMethod(cls, cb.method(), cb.descriptor());
                if (m == null || !program.isApp(m.owner()) || m.isAbstract()) return AbstractObject.UNKNOWN;
                impls.add(m.ref());
            } else {
                impls.addAll(dev.triage.program.CallGraph.resolve(program, op, cls, cb.method(), cb.descriptor()));
                if (impls.isEmpty() || impls.stream().anyMatch(r -> !program.isApp(r.owner()))) return AbstractObject.UNKNOWN;
            }
        }
        Object out = null;
        for (MethodRef impl : impls) {
            Value returned = c.context().returnSummary(impl, c.interpreter.depth() + 1);
            Object f = CallLabels.fact(returned);
            if (f == AbstractObject.UNKNOWN || out != null && !out.equals(f)) return AbstractObject.UNKNOWN;
            out = f;
        }
        return out == null ? AbstractObject.UNKNOWN : out;
    }
}
