package dev.triage.analysis.detect;

import dev.triage.analysis.MethodFrames;
import dev.triage.analysis.model.CheckRow;
import dev.triage.analysis.value.AbstractObject;
import dev.triage.analysis.value.Value;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a method does with the object a call returned, as the models' result conditions ask it
 * ({@code unless-result-only}, {@code result-unless-any}): shared by {@link ObjectStateDetector}, {@link TaintDetector}
 * and {@link TaintSummaries}, so that no detector calls another.
 */
final class CallResults {
    private CallResults() {
    }

    /**
     * Whether what a call returns is used in the method only by the harmless calls listed (and never stored,
     * returned or handed to other code): then the checked object never does what the check is about.
     */
    static boolean onlyUsedAs(MethodFrames frames, MethodInsnNode call, List<CheckRow.ResultUse> uses) {
        return onlyUsedAs(frames, call, uses, EXACTLY);
    }

    /** Whether a value carries a label and nothing that may be input. */
    interface LabelTest {
        boolean carries(Value v, String label);
    }

    /** The label itself, and no taint or parameter flow. */
    static final LabelTest EXACTLY = (a, label) -> a.hasLabel(label) && a.labels().stream().noneMatch(dev.triage.analysis.value.Taint::isFlow);

    /** As {@link #onlyUsedAs(MethodFrames, MethodInsnNode, List)}, judging {@code labelled} positions with {@code test}. */
    static boolean onlyUsedAs(MethodFrames frames, MethodInsnNode call, List<CheckRow.ResultUse> uses, LabelTest test) {
        AbstractObject result = returned(frames, call);
        if (result == null) return false;
        String site = result.site();
        for (AbstractInsnNode i = frames.method().instructions.getFirst(); i != null; i = i.getNext()) {
            Frame<Value> f = frames.before(i);
            if (f == null || i.getOpcode() < 0 || i == call) continue;
            int op = i.getOpcode();
            if (i instanceof MethodInsnNode mi) {
                int args = org.objectweb.asm.Type.getArgumentTypes(mi.desc).length;
                boolean hasReceiver = op != Opcodes.INVOKESTATIC;
                int base = f.getStackSize() - args - (hasReceiver ? 1 : 0);
                for (int k = 0; k < args; k++) if (isSite(f.getStack(base + (hasReceiver ? 1 : 0) + k), site)) return false;
                if (hasReceiver && isSite(f.getStack(base), site)) {
                    boolean harmless = false;
                    for (CheckRow.ResultUse u : uses) {
                        if (!u.method().equals(mi.name)) continue;
                        boolean made = true;
                        for (Map.Entry<Integer, String> e : u.madeAs().entrySet()) {
                            if (e.getKey() >= args) { made = false; break; }
                            AbstractObject a = f.getStack(base + 1 + e.getKey()).object();
                            // made with new of that class, or a modelled object of that kind
                            if (a == null || (!e.getValue().equals(a.get("new")) && !e.getValue().equals(a.kind()))) made = false;
                        }
                        for (Map.Entry<Integer, String> e : u.labelled().entrySet()) {
                            // what the argument carries: the app's own resource, named by a constant, and nothing
                            // that may be input (a stream that is the resource or the request body on another path)
                            Value a = e.getKey() >= args ? null : f.getStack(base + 1 + e.getKey());
                            if (a == null || !test.carries(a, e.getValue())) made = false;
                        }
                        if (made) harmless = true;
                    }
                    if (!harmless) return false;
                }
            } else if (op == Opcodes.ARETURN || op == Opcodes.PUTSTATIC || op == Opcodes.PUTFIELD || op == Opcodes.AASTORE
                    || op == Opcodes.ATHROW || i instanceof org.objectweb.asm.tree.InvokeDynamicInsnNode) {
                for (int k = 0; k < f.getStackSize(); k++) if (isSite(f.getStack(k), site)) return false;
            }
        }
        return true;
    }

    /**
     * Whether the call's arguments at these positions carry these labels and nothing that may be input (no taint or
     * parameter flow): a parser judged at its parse call, given the app's own resource named by a constant. A value
     * that is the resource on one path and a request body on another carries the request's taint too, so it fails.
     */
    static boolean argumentsLabelled(MethodFrames frames, MethodInsnNode call, Map<Integer, String> labelled, LabelTest test) {
        Frame<Value> f = frames.before(call);
        if (f == null) return false;
        int args = org.objectweb.asm.Type.getArgumentTypes(call.desc).length;
        int base = f.getStackSize() - args;
        for (Map.Entry<Integer, String> e : labelled.entrySet()) {
            Value a = e.getKey() >= args ? null : f.getStack(base + e.getKey());
            if (a == null || !test.carries(a, e.getValue())) return false;
        }
        return true;
    }

    /**
     * Whether the object a call returns (a parser its factory made) is given one of these fact sets in the method,
     * over its life there: the hardening a parser receives itself, after the factory's check.
     */
    static boolean given(MethodFrames frames, MethodInsnNode call, List<Map<String, Object>> alternatives) {
        AbstractObject result = returned(frames, call);
        if (result == null) return false;
        String site = result.site();
        Map<String, Map<String, Object>> life = new TreeMap<>();
        ObjectFacts.accumulate(life, site, result.state());
        for (AbstractInsnNode i = frames.method().instructions.getFirst(); i != null; i = i.getNext()) {
            Frame<Value> f = frames.before(i);
            if (f != null) ObjectFacts.forEachValue(f, v -> {
                if (v.object().site().equals(site)) ObjectFacts.accumulate(life, site, v.object().state());
            });
            for (AbstractObject c : frames.interpreter().changedAt(i)) if (c.site().equals(site)) ObjectFacts.accumulate(life, site, c.state());
        }
        return ObjectFacts.satisfiedAny(life.get(site), alternatives);
    }

    /** The object on top of the stack right after a call (what it returned), or null. */
    static AbstractObject returned(MethodFrames frames, MethodInsnNode call) {
        AbstractInsnNode next = call.getNext();
        while (next != null && frames.before(next) == null && next.getOpcode() < 0) next = next.getNext();
        Frame<Value> after = next == null ? null : frames.before(next);
        if (after == null || after.getStackSize() == 0) return null;
        return after.getStack(after.getStackSize() - 1).object();
    }

    private static boolean isSite(Value v, String site) {
        return v != null && v.object() != null && v.object().site().equals(site);
    }
}
