package dev.triage.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.analysis.model.Models;
import dev.triage.analysis.value.Taint;
import dev.triage.analysis.value.Value;
import dev.triage.program.MethodRef;
import dev.triage.program.Program;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A whole-program analysis: values a library call hands to a callback of the app object it is made on, which the
 * library later calls on another thread — {@code task.execute(args)} to the task's {@code doInBackground(args)},
 * {@code handler.sendMessage(msg)} to the handler's {@code handleMessage(msg)} — and what one callback returns to the
 * next ({@code doInBackground}'s result to {@code onPostExecute}). The pairs are the model table
 * {@code callback-handoffs}: rows {@code {call, argument, callback, parameter}} (a call's argument becomes the
 * receiver class's callback parameter) and {@code {callback-result, callback, parameter}} (a callback's return value
 * becomes another callback's parameter, in the same app class). The receiver's class is the exact class it was made with when the value
 * analysis saw the {@code new}, else the call's static type and its app subclasses.
 *
 * <p>Per class, order-insensitive, and computed from callers analysed past MAX_DEPTH (no recursion).
 */
public final class CallbackHandoffs {
    public static final AnalysisId<CallbackHandoffs> ID = AnalysisId.of("callback-handoffs", CallbackHandoffs::new);

    private record Handoff(String call, int argument, String callback, int parameter) {
    }

    private record ResultHandoff(String from, String callback, int parameter) {
    }

    private final AnalysisContext context;
    private final Program program;
    private final List<Handoff> handoffs = new ArrayList<>();
    private final List<ResultHandoff> results = new ArrayList<>();
    private final Object lock = new Object();
    /** "class.callback(desc)#parameter" → taint handed to it by calls. */
    private volatile Map<String, Set<String>> passed;

    private CallbackHandoffs(AnalysisContext context) {
        this.context = context;
        this.program = context.program();
        Models models = context.models();
        JsonNode table = models.tables.get("callback-handoffs");
        if (table != null) {
            for (JsonNode r : table) {
                if (r.has("call")) {
                    handoffs.add(new Handoff(r.get("call").asText(), r.get("argument").asInt(), r.get("callback").asText(),
                            r.get("parameter").asInt()));
                } else {
                    results.add(new ResultHandoff(withoutOwner(r.get("callback-result").asText()),
                            withoutOwner(r.get("callback").asText()), r.get("parameter").asInt()));
                }
            }
        }
    }

    /** Taint the library hands an app callback's parameter (empty past MAX_DEPTH and for other methods). */
    public Set<String> parameterLabels(String owner, MethodNode method, int param, int depth) {
        if (depth > AnalysisContext.MAX_DEPTH || (handoffs.isEmpty() && results.isEmpty())) return Set.of();
        String callback = method.name + method.desc;
        Set<String> out = new TreeSet<>();
        boolean named = false;
        for (Handoff h : handoffs) named |= h.callback().equals(callback) && h.parameter() == param;
        if (named) out.addAll(passed().getOrDefault(owner + "." + callback + "#" + param, Set.of()));
        for (ResultHandoff r : results) {
            if (!r.callback().equals(callback) || r.parameter() != param) continue;
            int paren = r.from().indexOf('(');
            Value returned = context.returnSummary(new MethodRef(owner, r.from().substring(0, paren), r.from().substring(paren)), depth + 1);
            if (returned == null) continue;
            for (String l : returned.labels()) if (Taint.isTaint(l)) out.add(l);
        }
        return out;
    }

    /** "owner.name(descriptor)" → "name(descriptor)". */
    private static String withoutOwner(String method) {
        return method.substring(method.lastIndexOf('.', method.indexOf('(')) + 1);
    }

    private Map<String, Set<String>> passed() {
        Map<String, Set<String>> p = passed;
        if (p != null) return p;
        synchronized (lock) {
            if (passed == null) passed = compute();
            return passed;
        }
    }

    private Map<String, Set<String>> compute() {
        Map<String, Set<String>> out = new HashMap<>();
        if (handoffs.isEmpty()) return out;
        Set<String> names = new TreeSet<>();
        for (Handoff h : handoffs) names.add(h.call().substring(h.call().indexOf('.') + 1, h.call().indexOf('(')));
        NamedCalls.forEachCaller(program, context, names, (caller, mf, calls) -> {
            for (MethodInsnNode mi : calls) {
                if (mi.getOpcode() == Opcodes.INVOKESTATIC) continue;
                for (Handoff h : handoffs) {
                    if (!matches(h.call(), mi)) continue;
                    Value arg = mf.argument(mi, mi.desc, true, h.argument());
                    Value receiver = mf.argument(mi, mi.desc, true, -1);
                    if (arg == null || receiver == null) continue;
                    Set<String> taint = new TreeSet<>();
                    for (String l : arg.labels()) if (Taint.isTaint(l)) taint.add(l);
                    if (taint.isEmpty()) continue;
                    for (String c : receiverClasses(mi, receiver)) {
                        out.computeIfAbsent(c + "." + h.callback() + "#" + h.parameter(), k -> new TreeSet<>()).addAll(taint);
                    }
                }
            }
        });
        Map<String, Set<String>> frozen = new HashMap<>();
        out.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
        return Map.copyOf(frozen);
    }

    /** The call names the modelled method on its declaring class or on a subclass (the app's own task or handler). */
    private boolean matches(String call, MethodInsnNode mi) {
        int dot = call.indexOf('.');
        String owner = call.substring(0, dot);
        return call.substring(dot + 1).equals(mi.name + mi.desc) && program.isSubtype(mi.owner, owner);
    }

    private Set<String> receiverClasses(MethodInsnNode mi, Value receiver) {
        Set<String> out = new TreeSet<>();
        if (receiver.object() != null && receiver.object().get("new") instanceof String exact) {
            if (program.isApp(exact)) out.add(exact);
            return out;
        }
        if (program.isApp(mi.owner)) out.add(mi.owner);
        for (String sub : program.subtypes(mi.owner)) if (program.isApp(sub)) out.add(sub);
        return out;
    }
}
