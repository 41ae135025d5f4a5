package dev.triage.analysis.detect;

import dev.triage.contract.Confidence;
import dev.triage.analysis.value.ModelMatch;
import dev.triage.contract.Detection;
import dev.triage.analysis.MethodScan;
import dev.triage.analysis.model.Models;
import dev.triage.analysis.Provenance;
import dev.triage.analysis.model.ArgumentRow;
import dev.triage.analysis.model.CallRow;
import dev.triage.analysis.value.Value;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** java/weak-hash: MD2/MD4/MD5/SHA-1 named as a digest or signature algorithm, or by a helper's name. */
public final class WeakHashDetector extends ArgumentDetector {
    public WeakHashDetector() {
        super(Set.of("digest-algorithm", "signature-algorithm"));
    }

    @Override
    public Set<String> rules() {
        return Set.of("java/weak-hash");
    }

    @Override
    public Set<String> modelKinds() {
        return Set.of("digest-algorithm", "signature-algorithm", "weak-hash-call");
    }

    @Override
    public void visitMethod(MethodScan scan) {
        super.visitMethod(scan);
        for (AbstractInsnNode insn = scan.method().instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (!(insn instanceof MethodInsnNode mi) || scan.frames().before(mi) == null) continue;
            for (CallRow c : scan.context().models().callsNamed(mi.name)) {
                if (!c.kind().equals("weak-hash-call") || !ModelMatch.matches(c.method(), mi, scan.context().program())) continue;
                scan.report(Provenance.with(new Detection("java/weak-hash", scan.location(mi),
                        callName(mi) + " computes " + c.label() + ", a broken hash",
                        List.of(), Confidence.HIGH, sinkKey(mi)), Provenance.part("call", Models.cite(c.file(), c.provenance()))));
            }
        }
    }

    @Override
    List<Detection> check(MethodScan scan, MethodInsnNode call, ArgumentRow row, Value value) {
        Set<String> weak = Tables.upperSet(scan.context().models(), "weak-digests");
        List<Detection> out = new ArrayList<>();
        for (MethodScan.Resolved r : scan.resolve(value)) {
            for (Object c : r.constants()) {
                if (!(c instanceof String s)) continue;
                String name = s.trim().toUpperCase(Locale.ROOT);
                if (row.kind().equals("signature-algorithm")) {
                    int with = name.indexOf("WITH");
                    if (with <= 0) continue;
                    name = name.substring(0, with);
                }
                if (!weak.contains(name)) continue;
                out.add(new Detection("java/weak-hash", scan.location(call),
                        callName(call) + " uses \"" + s + "\", a broken hash algorithm",
                        scan.path(r, call, "used as the hash algorithm of " + callName(call)), Confidence.HIGH,
                        sinkKey(call) + "|" + s));
            }
        }
        return out;
    }
}
