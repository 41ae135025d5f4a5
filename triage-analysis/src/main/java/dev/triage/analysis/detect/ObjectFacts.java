package dev.triage.analysis.detect;

import dev.triage.analysis.model.FactBound;
import dev.triage.analysis.value.AbstractObject;
import dev.triage.analysis.value.ObjectSites;
import dev.triage.analysis.value.Value;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.LinkedHashMap;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the models' fact alternatives ({@code unless-any}, {@code if-any}, {@code receiver-unless-any}...) are judged
 * against an object's facts: a list of alternatives, each a map of facts that must all hold. Booleans and integral
 * numbers compare as the JVM's longs; a key written {@code =key} asks for an exact, known value.
 */
final class ObjectFacts {
    private ObjectFacts() {
    }

    /** A fact value in an alternative that any recorded value satisfies: {@code {"=salt": "*"}} is "salt set to a known value". */
    static final String ANY = "*";

    /**
     * True when one alternative's facts all hold (a fact we could not know counts as holding, unless written "=key";
     * a value {@code "*"} holds for any value recorded, a {@link FactBound} for a number recorded in its range).
     */
    static boolean satisfiedAny(AbstractObject o, List<Map<String, Object>> alternatives) {
        return satisfiedAny(o.state(), alternatives);
    }

    static boolean satisfiedAny(Map<String, Object> facts, List<Map<String, Object>> alternatives) {
        for (Map<String, Object> alt : alternatives) {
            boolean all = true;
            for (Map.Entry<String, Object> fact : alt.entrySet()) {
                // "=key" asks for an exact, known value; otherwise a fact we could not know counts as holding.
                boolean exact = fact.getKey().startsWith("=");
                Object actual = facts.get(exact ? fact.getKey().substring(1) : fact.getKey());
                if (actual == AbstractObject.UNKNOWN && !exact) continue;
                // "*" asks only that the fact was recorded (with "=key": with a known value), whatever its value
                if (ANY.equals(fact.getValue()) && actual != null && actual != AbstractObject.UNKNOWN) continue;
                // a range ({above: 0}): the recorded number lies in it
                if (fact.getValue() instanceof FactBound range) {
                    if (range.test(actual)) continue;
                    all = false;
                    break;
                }
                if (!Objects.equals(normalise(actual), normalise(fact.getValue()))) {
                    all = false;
                    break;
                }
            }
            if (all) return true;
        }
        return false;
    }

    /** An alternative's facts: TRUE when all hold with known values, FALSE when one is known to differ, else null. */
    static Boolean holdsExactly(Map<String, Object> facts, Map<String, Object> alt) {
        Boolean result = Boolean.TRUE;
        for (Map.Entry<String, Object> fact : alt.entrySet()) {
            String key = fact.getKey().startsWith("=") ? fact.getKey().substring(1) : fact.getKey();
            Object actual = facts.get(key);
            if (actual == null || actual == AbstractObject.UNKNOWN) {
                result = null;
            } else if (fact.getValue() instanceof FactBound range ? !range.test(actual)
                    : !ANY.equals(fact.getValue()) && !Objects.equals(normalise(actual), normalise(fact.getValue()))) {
                return Boolean.FALSE;
            }
        }
        return result;
    }

    private static Object normalise(Object v) {
        if (v instanceof Boolean b) return b ? 1L : 0L;
        if (v instanceof Number n && !(v instanceof Double) && !(v instanceof Float)) return n.longValue();
        return v;
    }

    static void forEachValue(Frame<Value> f, java.util.function.Consumer<Value> action) {
        for (int i = 0; i < f.getLocals(); i++) {
            Value v = f.getLocal(i);
            if (v != null && v.object() != null) action.accept(v);
        }
        for (int i = 0; i < f.getStackSize(); i++) {
            Value v = f.getStack(i);
            if (v != null && v.object() != null) action.accept(v);
        }
    }

    /** Adds an object's facts to a site's: a fact seen with two values becomes unknown. */
    static void accumulate(Map<String, Map<String, Object>> out, String site, Map<String, Object> state) {
        Map<String, Object> facts = out.computeIfAbsent(site, k -> new LinkedHashMap<>());
        state.forEach((k, v) -> {
            if (ObjectSites.META_FACTS.contains(k)) return;
            Object prev = facts.putIfAbsent(k, v);
            if (prev != null && !Objects.equals(prev, v)) facts.put(k, AbstractObject.UNKNOWN);
        });
    }
}
