package dev.triage.analysis.detect;

import dev.triage.analysis.value.ModelMatch;
import dev.triage.contract.Detection;
import dev.triage.analysis.Detector;
import dev.triage.analysis.MethodScan;
import dev.triage.analysis.Provenance;
import dev.triage.analysis.model.Models;
import dev.triage.analysis.model.ArgumentRow;
import dev.triage.analysis.value.Value;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Base of detectors that judge the value of a call's argument: the calls and argument positions
 * come from model rows of the detector's kinds; the judgement is the subclass's.
 */
abstract class ArgumentDetector implements Detector {
    private final Set<String> kinds;

    ArgumentDetector(Set<String> kinds) {
        this.kinds = kinds;
    }

    @Override
    public Set<String> modelKinds() {
        return kinds;
    }

    @Override
    public void visitMethod(MethodScan scan) {
        Models models = scan.context().models();
        Set<String> reported = new HashSet<>();
        for (AbstractInsnNode insn = scan.method().instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (!(insn instanceof MethodInsnNode mi)) continue;
            List<ArgumentRow> rows = models.argumentsNamed(mi.name);
            for (ArgumentRow row : rows) {
                if (!kinds.contains(row.kind())) continue;
                if (!ModelMatch.matches(row.method(), mi, scan.context().program())) continue;
                if (!conditionsHold(scan, mi, row)) continue;
                Value v = scan.argument(mi, row.argument());
                if (v == null) continue; // unreachable code
                for (Detection d : check(scan, mi, row, v)) {
                    String id = d.ruleId() + "|" + d.location().line() + "|" + d.key();
                    // the row, then the tables the detector judged the value by
                    if (reported.add(id)) scan.report(Provenance.with(d, Provenance.join(
                            Provenance.part("argument", Models.cite(row.file(), row.provenance())), Provenance.tables(models, this))));
                }
            }
        }
    }

    /** A row's {@code when} conditions: other arguments whose constant must match a pattern. */
    static boolean conditionsHold(MethodScan scan, MethodInsnNode mi, ArgumentRow row) {
        return whenHolds(row.when(), i -> scan.argument(mi, i));
    }

    /** Each condition: the argument's possible string constants include one matching the pattern. */
    static boolean whenHolds(java.util.Map<Integer, String> when, java.util.function.IntFunction<Value> argument) {
        for (var e : when.entrySet()) {
            Value v = argument.apply(e.getKey());
            Set<String> s = v == null ? null : v.strings();
            if (s == null || s.isEmpty()) return false;
            Pattern p = Pattern.compile(e.getValue());
            if (s.stream().noneMatch(x -> p.matcher(x).matches())) return false;
        }
        return true;
    }

    /** Judges one argument; returns what to report (usually nothing). */
    abstract List<Detection> check(MethodScan scan, MethodInsnNode call, ArgumentRow row, Value value);

    static String callName(MethodInsnNode mi) {
        String owner = mi.owner.substring(mi.owner.lastIndexOf('/') + 1).replace('$', '.');
        return mi.name.equals("<init>") ? "new " + owner : owner + "." + mi.name;
    }

    static String sinkKey(MethodInsnNode mi) {
        return mi.owner + "." + mi.name + mi.desc;
    }
}
