package dev.triage.analysis.detect;

import dev.triage.analysis.Detection;
import dev.triage.analysis.MethodScan;
import dev.triage.analysis.model.ArgumentRow;
import dev.triage.analysis.value.Value;
import org.objectweb.asm.tree.MethodInsnNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** java/hardcoded-key and java/static-iv: key or IV material fixed in the code. */
public final class KeyMaterialDetector extends ArgumentDetector {
    public KeyMaterialDetector() {
        super(Set.of("crypto-key", "iv"));
    }

    @Override
    public Set<String> rules() {
        return Set.of("java/hardcoded-key", "java/static-iv");
    }

    @Override
    List<Detection> check(MethodScan scan, MethodInsnNode call, ArgumentRow row, Value value) {
        List<Detection> out = new ArrayList<>();
        boolean key = row.kind().equals("crypto-key");
        String rule = key ? "java/hardcoded-key" : "java/static-iv";
        String what = key ? "key" : "IV";
        String fixed = ConstantData.describe(value);
        if (fixed != null) {
            List<Detection.Step> path = new ArrayList<>();
            Detection.Step o = MethodScan.originStep(value.origin());
            if (o != null) path.add(o);
            path.add(new Detection.Step(scan.location(call), "used as the " + what + " of " + callName(call)));
            out.add(new Detection(rule, scan.location(call),
                    callName(call) + " gets a constant " + what + " (" + fixed + ")", path, "HIGH", sinkKey(call)));
        }
        return out;
    }
}
