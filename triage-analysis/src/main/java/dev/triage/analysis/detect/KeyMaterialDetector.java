package dev.triage.analysis.detect;

import dev.triage.contract.Confidence;
import dev.triage.contract.PathStep;
import dev.triage.contract.Detection;
import dev.triage.analysis.MethodScan;
import dev.triage.analysis.model.ArgumentRow;
import dev.triage.analysis.value.Value;
import org.objectweb.asm.tree.MethodInsnNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * java/hardcoded-key, java/static-iv and java/constant-salt: key, IV or salt material fixed in the code (the salt of a
 * password-based key or hash, at the models' {@code salt} rows).
 */
public final class KeyMaterialDetector extends ArgumentDetector {
    public KeyMaterialDetector() {
        super(Set.of("crypto-key", "iv", "salt"));
    }

    @Override
    public Set<String> rules() {
        return Set.of("java/hardcoded-key", "java/static-iv", "java/constant-salt");
    }

    @Override
    List<Detection> check(MethodScan scan, MethodInsnNode call, ArgumentRow row, Value value) {
        List<Detection> out = new ArrayList<>();
        String rule = switch (row.kind()) {
            case "crypto-key" -> "java/hardcoded-key";
            case "salt" -> "java/constant-salt";
            default -> "java/static-iv";
        };
        String what = switch (row.kind()) {
            case "crypto-key" -> "key";
            case "salt" -> "salt";
            default -> "IV";
        };
        // the value here, or what the callers pass when it is a helper's parameter, or what a field read here was
        // set to once and for all; the first fixed one is reported
        List<MethodScan.PassedValue> candidates = new ArrayList<>(scan.passedValues(value));
        if (ConstantData.describe(value) == null && secretText(value) == null) {
            Value field = FixedFields.argumentField(scan, call, row.argument());
            if (field != null) candidates.add(0, new MethodScan.PassedValue(field, List.of()));
        }
        for (MethodScan.PassedValue pv : candidates) {
            Value v = pv.value();
            String fixed = ConstantData.describe(v);
            if (fixed == null) fixed = secretText(v);
            if (fixed == null) continue;
            List<PathStep> path = new ArrayList<>();
            PathStep o = MethodScan.originStep(v.origin());
            if (o != null) path.add(o);
            path.addAll(pv.via());
            path.add(new PathStep(scan.location(call), "used as the " + what + " of " + callName(call)));
            out.add(new Detection(rule, scan.location(call),
                    callName(call) + " gets a constant " + what + " (" + fixed + ")", path, Confidence.HIGH, sinkKey(call)));
            break;
        }
        return out;
    }

    /**
     * A key given as text (a JWT HMAC secret, a base64 key String) that is a non-empty constant: "a string literal"
     * (the secret itself is not repeated in the message). Every value it may hold must be constant.
     */
    private static String secretText(Value value) {
        if (value.type() == null || !value.type().getDescriptor().equals("Ljava/lang/String;")) return null;
        if (value.constants() == null || value.constants().isEmpty()) return null;
        for (Object c : value.constants()) {
            if (!(c instanceof String s) || s.isEmpty()) return null;
        }
        return "a string literal";
    }
}
