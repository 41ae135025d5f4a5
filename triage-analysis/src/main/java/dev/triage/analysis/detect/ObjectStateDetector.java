package dev.triage.analysis.detect;

import dev.triage.analysis.Detection;
import dev.triage.analysis.Detector;
import dev.triage.analysis.MethodScan;
import dev.triage.analysis.model.Rows;
import dev.triage.analysis.value.Obj;
import dev.triage.analysis.value.Value;
import dev.triage.analysis.value.ValueInterpreter;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the facts recorded on model objects where the models say (the {@code checks} rows): a
 * cookie added without Secure or HttpOnly, a parser made from a factory that was not hardened.
 * Objects we did not see made, or that were handed to code we cannot see, are not judged.
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

    @Override
    public void visitMethod(MethodScan scan) {
        for (AbstractInsnNode insn = scan.method().instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (!(insn instanceof MethodInsnNode mi)) continue;
            for (Rows.Check check : scan.context().models().checksNamed(mi.name)) {
                if (!ValueInterpreter.matches(check.at(), mi, scan.context().program())) continue;
                Value v = scan.argument(mi, check.argument());
                if (v == null || v.obj() == null) continue;
                Obj o = v.obj();
                if (!check.object().equals(o.kind()) || o.escaped()) continue;
                if (satisfiedAny(o, check.unlessAny())) continue;
                scan.report(new Detection(check.rule(), scan.location(mi), check.message(),
                        List.of(new Detection.Step(scan.location(mi), check.message())), "HIGH",
                        ArgumentDetector.sinkKey(mi) + "|" + check.object()));
            }
        }
    }

    /** True when one alternative's facts all hold (a fact we could not know counts as holding, unless written "=key"). */
    static boolean satisfiedAny(Obj o, List<Map<String, Object>> alternatives) {
        for (Map<String, Object> alt : alternatives) {
            boolean all = true;
            for (Map.Entry<String, Object> fact : alt.entrySet()) {
                // "=key" asks for an exact, known value; otherwise a fact we could not know counts as holding.
                boolean exact = fact.getKey().startsWith("=");
                Object actual = o.get(exact ? fact.getKey().substring(1) : fact.getKey());
                if (actual == Obj.UNKNOWN && !exact) continue;
                if (!Objects.equals(normalise(actual), normalise(fact.getValue()))) {
                    all = false;
                    break;
                }
            }
            if (all) return true;
        }
        return false;
    }

    private static Object normalise(Object v) {
        if (v instanceof Boolean b) return b ? 1L : 0L;
        if (v instanceof Number n && !(v instanceof Double) && !(v instanceof Float)) return n.longValue();
        return v;
    }
}
