package dev.triage.analysis;

import dev.triage.analysis.model.ArgumentRow;
import dev.triage.analysis.model.Models;
import dev.triage.analysis.model.ParameterRow;
import dev.triage.analysis.value.ModelMatch;
import dev.triage.analysis.value.Taint;
import dev.triage.analysis.value.Value;
import dev.triage.program.MethodInfo;
import dev.triage.program.MethodRef;
import dev.triage.program.Program;
import dev.triage.program.android.AndroidApp;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A whole-program analysis of an Android app: the data its own code hands to its own components through the
 * framework. An intent sent with startActivity, startService, sendBroadcast or a PendingIntent to a component of the
 * app (named by class, or by an action its manifest intent filters declare) carries its taint to the intent that
 * component receives ({@code getIntent()}, {@code onStartCommand}, {@code onReceive}...); the intent an activity
 * returns with setResult reaches the {@code onActivityResult} of the activities that start it for a result; and what an
 * activity puts into the bundle {@code onSaveInstanceState} is given comes back in the bundle of
 * {@code onRestoreInstanceState} and {@code onCreate}. The arguments bundle the app gives a fragment
 * ({@code setArguments} on a fragment it made) is what that fragment class's {@code getArguments()} returns. Which
 * calls send, return and save, and which calls and parameters receive, are model rows ({@code intent-*},
 * {@code delivered-intent}, {@code instance-state}, {@code fragment-arguments}, {@code delivered-arguments}); the
 * components and their filters are the manifest's; a fragment is the class the app made it from (its
 * {@code new}), or else the receiver's declared class and its subclasses.
 *
 * <p>Per component, not per extra key, and order-insensitive (as a dummy main calling every lifecycle method in any
 * order would be). The senders are analysed past MAX_DEPTH, where delivered intents are not resolved again: an intent
 * forwarded by its receiver to a third component carries only what the forwarding code adds (no recursion, and a
 * result independent of analysis order).
 */
public final class IntentLinks {
    public static final AnalysisId<IntentLinks> ID = AnalysisId.of("intent-links", IntentLinks::new);

    static final String TO_ACTIVITY = "intent-to-activity";
    static final String TO_SERVICE = "intent-to-service";
    static final String TO_RECEIVER = "intent-to-receiver";
    static final String FOR_RESULT = "intent-for-result";
    static final String RESULT = "intent-result";
    static final String DELIVERED = "delivered-intent";
    static final String STATE = "instance-state";
    static final String TO_FRAGMENT = "fragment-arguments";
    static final String DELIVERED_ARGUMENTS = "delivered-arguments";
    /** The model row kinds this analysis reads. */
    public static final Set<String> KINDS = Set.of(TO_ACTIVITY, TO_SERVICE, TO_RECEIVER, FOR_RESULT, RESULT, DELIVERED, STATE,
            TO_FRAGMENT, DELIVERED_ARGUMENTS);
    private static final Set<String> SENDS = Set.of(TO_ACTIVITY, TO_SERVICE, TO_RECEIVER, FOR_RESULT, RESULT, TO_FRAGMENT);

    private final AnalysisContext context;
    private final Program program;
    private final Models models;
    private final Object lock = new Object();
    private volatile Links links;

    /**
     * @param started       component class → taint of the intents the app starts it with
     * @param returned      activity class → taint of the intents it returns with setResult
     * @param startsForResult activity class → the classes it starts for a result
     * @param saved         activity class → taint its onSaveInstanceState puts into the bundle
     * @param arguments     fragment class → taint of the arguments bundles the app gives it
     */
    private record Links(Map<String, Set<String>> started, Map<String, Set<String>> returned,
                         Map<String, Set<String>> startsForResult, Map<String, Set<String>> saved,
                         Map<String, Set<String>> arguments) {
        static final Links NONE = new Links(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    private IntentLinks(AnalysisContext context) {
        this.context = context;
        this.program = context.program();
        this.models = context.models();
    }

    /**
     * Taint a call returns as the intent delivered to a component ({@code getIntent()} on an activity, by the
     * {@code delivered-intent} argument rows: the component is the receiver's class and its subclasses).
     */
    public Set<String> callLabels(MethodInsnNode mi, int depth) {
        if (depth > AnalysisContext.MAX_DEPTH || program.android() == null) return Set.of();
        Set<String> out = new TreeSet<>();
        for (ArgumentRow row : models.argumentsNamed(mi.name)) {
            if (row.kind().equals(DELIVERED) && ModelMatch.matches(row.method(), mi, program)) {
                out.addAll(forClassAndSubtypes(links().started(), mi.owner));
            } else if (row.kind().equals(DELIVERED_ARGUMENTS) && ModelMatch.matches(row.method(), mi, program)) {
                out.addAll(forClassAndSubtypes(links().arguments(), mi.owner));
            }
        }
        return out;
    }

    /**
     * Taint of a parameter the framework fills when it calls an app method: the intent delivered to a component
     * ({@code delivered-intent} rows, label {@code start} or {@code result}) or the instance state it saved
     * ({@code instance-state} rows, label {@code restored}).
     */
    public Set<String> parameterLabels(String owner, MethodNode method, int param, int depth) {
        if (depth > AnalysisContext.MAX_DEPTH || program.android() == null || (method.access & Opcodes.ACC_STATIC) != 0) {
            return Set.of();
        }
        Set<String> out = new TreeSet<>();
        for (ParameterRow p : models.overrideSources(method.name)) {
            if (!overrides(p, owner, method, param)) continue;
            Links l = links();
            if (p.kind().equals(DELIVERED) && p.label().equals("start")) {
                out.addAll(forClassAndSubtypes(l.started(), owner));
            } else if (p.kind().equals(DELIVERED) && p.label().equals("result")) {
                for (String target : forClassAndSubtypes(l.startsForResult(), owner)) {
                    out.addAll(l.returned().getOrDefault(target, Set.of()));
                }
            } else if (p.kind().equals(STATE) && p.label().equals("restored")) {
                out.addAll(forClassAndSubtypes(l.saved(), owner));
            }
        }
        return out;
    }

    /**
     * A parameter the app fills for the framework to give back later (the bundle of onSaveInstanceState): tracked
     * as an object so that what is put into it stays on it until the method returns.
     */
    public boolean savedStateParameter(String owner, MethodNode method, int param) {
        if (program.android() == null || (method.access & Opcodes.ACC_STATIC) != 0) return false;
        for (ParameterRow p : models.overrideSources(method.name)) {
            if (p.kind().equals(STATE) && p.label().equals("saved") && overrides(p, owner, method, param)) return true;
        }
        return false;
    }

    private boolean overrides(ParameterRow p, String owner, MethodNode method, int param) {
        return (p.kind().equals(DELIVERED) || p.kind().equals(STATE)) && p.arguments().contains(param)
                && (p.method().anyDescriptor() || p.method().descriptor().equals(method.desc))
                && program.isSubtype(owner, p.method().owner());
    }

    private Set<String> forClassAndSubtypes(Map<String, Set<String>> byClass, String owner) {
        if (byClass.isEmpty()) return Set.of();
        Set<String> out = new TreeSet<>(byClass.getOrDefault(owner, Set.of()));
        for (String sub : program.subtypes(owner)) out.addAll(byClass.getOrDefault(sub, Set.of()));
        return out;
    }

    private Links links() {
        Links l = links;
        if (l != null) return l;
        synchronized (lock) {
            if (links == null) links = program.android() == null ? Links.NONE : compute();
            return links;
        }
    }

    private Links compute() {
        Map<String, Set<String>> started = new HashMap<>();
        Map<String, Set<String>> returned = new HashMap<>();
        Map<String, Set<String>> forResult = new HashMap<>();
        Map<String, Set<String>> saved = new HashMap<>();
        Map<String, Set<String>> arguments = new HashMap<>();
        List<ArgumentRow> sends = new ArrayList<>();
        for (ArgumentRow r : models.arguments) if (SENDS.contains(r.kind())) sends.add(r);
        Set<String> names = new TreeSet<>();
        sends.forEach(r -> names.add(r.method().name()));
        NamedCalls.forEachCaller(program, context, names, (caller, mf, calls) -> {
            IntentTargets targets = null;
            for (MethodInsnNode mi : calls) {
                for (ArgumentRow row : sends) {
                    if (!ModelMatch.matches(row.method(), mi, program)) continue;
                    Value intent = mf.argument(mi, mi.desc, mi.getOpcode() != Opcodes.INVOKESTATIC, row.argument());
                    if (intent == null) continue;
                    Set<String> taint = new TreeSet<>();
                    for (String label : intent.labels()) if (Taint.isTaint(label)) taint.add(label);
                    String sender = program.isApp(mi.owner) ? mi.owner : caller.owner();
                    if (row.kind().equals(TO_FRAGMENT)) {
                        if (!taint.isEmpty()) {
                            for (String fragment : fragmentClasses(mf.argument(mi, mi.desc, true, -1), mi.owner)) {
                                arguments.computeIfAbsent(fragment, k -> new TreeSet<>()).addAll(taint);
                            }
                        }
                        continue;
                    }
                    if (row.kind().equals(RESULT)) {
                        if (!taint.isEmpty()) returned.computeIfAbsent(sender, k -> new TreeSet<>()).addAll(taint);
                        continue;
                    }
                    if (targets == null) targets = new IntentTargets(program, models, mf);
                    for (String target : targets.of(intent, componentKind(row.kind()))) {
                        if (!taint.isEmpty()) started.computeIfAbsent(target, k -> new TreeSet<>()).addAll(taint);
                        if (row.kind().equals(FOR_RESULT)) forResult.computeIfAbsent(sender, k -> new TreeSet<>()).add(target);
                    }
                }
            }
        });
        collectSavedState(saved);
        return new Links(freeze(started), freeze(returned), freeze(forResult), freeze(saved), freeze(arguments));
    }

    /**
     * The app classes a fragment receiver may be: the class it was made from when that is known ({@code new}),
     * else its declared class (the value's type, or the call's owner) and every app subclass of it.
     */
    private List<String> fragmentClasses(Value receiver, String owner) {
        if (receiver != null && receiver.object() != null && receiver.object().get("new") instanceof String exact
                && program.isApp(exact)) return List.of(exact);
        String declared = receiver != null && receiver.type() != null && receiver.type().getSort() == Type.OBJECT
                ? receiver.type().getInternalName() : owner;
        List<String> out = new ArrayList<>();
        if (program.isApp(declared)) out.add(declared);
        for (String sub : program.subtypes(declared)) if (program.isApp(sub)) out.add(sub);
        return out;
    }

    /** Taint each activity's onSaveInstanceState leaves in the bundle it is given, at each of its returns. */
    private void collectSavedState(Map<String, Set<String>> saved) {
        List<ParameterRow> rows = new ArrayList<>();
        for (ParameterRow p : models.parameters) {
            if (p.kind().equals(STATE) && p.label().equals("saved") && p.method() != null) rows.add(p);
        }
        if (rows.isEmpty()) return;
        for (Program.AppClass a : program.appClasses()) {
            for (MethodInfo m : a.info().methods()) {
                for (ParameterRow p : rows) {
                    if (!m.name().equals(p.method().name()) || !p.method().anyDescriptor() && !p.method().descriptor().equals(m.descriptor())
                            || !program.isSubtype(a.info().name(), p.method().owner())) continue;
                    MethodFrames mf = context.frames(new MethodRef(a.info().name(), m.name(), m.descriptor()),
                            AnalysisContext.MAX_DEPTH + 1).orElse(null);
                    if (mf == null) continue;
                    for (int param : p.arguments()) {
                        int local = localOf(mf.method(), param);
                        for (AbstractInsnNode insn = mf.method().instructions.getFirst(); insn != null; insn = insn.getNext()) {
                            if (insn.getOpcode() != Opcodes.RETURN) continue;
                            Frame<Value> f = mf.before(insn);
                            if (f == null || local >= f.getLocals()) continue;
                            Value v = f.getLocal(local);
                            if (v == null) continue;
                            for (String label : v.labels()) {
                                if (Taint.isTaint(label)) saved.computeIfAbsent(a.info().name(), k -> new TreeSet<>()).add(label);
                            }
                        }
                    }
                }
            }
        }
    }

    /** The local variable slot of an instance method's declared parameter. */
    private static int localOf(MethodNode m, int param) {
        int local = 1;
        Type[] args = Type.getArgumentTypes(m.desc);
        for (int i = 0; i < param && i < args.length; i++) local += args[i].getSize();
        return local;
    }

    private static AndroidApp.Kind componentKind(String sendKind) {
        return switch (sendKind) {
            case TO_SERVICE -> AndroidApp.Kind.SERVICE;
            case TO_RECEIVER -> AndroidApp.Kind.RECEIVER;
            default -> AndroidApp.Kind.ACTIVITY;
        };
    }

    private static Map<String, Set<String>> freeze(Map<String, Set<String>> m) {
        Map<String, Set<String>> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, Set.copyOf(v)));
        return Map.copyOf(out);
    }
}
