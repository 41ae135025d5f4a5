package dev.triage.analysis.detect;

import dev.triage.contract.Confidence;
import dev.triage.contract.PathStep;
import dev.triage.contract.Detection;
import dev.triage.analysis.MethodScan;
import dev.triage.analysis.model.ArgumentRow;
import dev.triage.analysis.value.ConstBytes;
import dev.triage.analysis.value.Value;
import org.objectweb.asm.tree.MethodInsnNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * java/hardcoded-password: a literal reaches a password parameter. Values read from a bundled
 * properties file are configuration (config/hardcoded-secret judges the file), and an empty
 * password is not a hard-coded secret.
 */
public final class HardcodedPasswordDetector extends ArgumentDetector {
    public HardcodedPasswordDetector() {
        super(Set.of("password"));
    }

    @Override
    public Set<String> rules() {
        return Set.of("java/hardcoded-password");
    }

    @Override
    List<Detection> check(MethodScan scan, MethodInsnNode call, ArgumentRow row, Value value) {
        List<Detection> out = new ArrayList<>();
        String arrayLiteral = value.constants() == null ? ConstantData.describe(value) : null;
        if (arrayLiteral != null) {
            out.add(new Detection("java/hardcoded-password", scan.location(call),
                    callName(call) + " gets a password fixed in the code (" + arrayLiteral + ")",
                    List.of(new PathStep(scan.location(call), "password argument of " + callName(call))), Confidence.HIGH, sinkKey(call)));
            return out;
        }
        for (MethodScan.Resolved r : scan.resolve(value)) {
            if (r.origin() != null && r.origin().description().startsWith("property ")) continue;
            for (Object c : r.constants()) {
                String text = c instanceof String s ? s : c instanceof ConstBytes b ? b.text() : null;
                if (text == null || text.isEmpty()) continue;
                out.add(new Detection("java/hardcoded-password", scan.location(call),
                        callName(call) + " gets a password written in the code",
                        scan.path(r, call, "password argument of " + callName(call)), Confidence.HIGH, sinkKey(call)));
                return out;
            }
        }
        // a field the class sets to a literal once and for all (in its initialiser) and never changes
        Value field = FixedFields.argumentField(scan, call, row.argument());
        if (field != null && field.constants() != null && field.constants().stream().anyMatch(c -> c instanceof String t && !t.isEmpty())) {
            List<PathStep> path = new ArrayList<>();
            PathStep o = MethodScan.originStep(field.origin());
            if (o != null) path.add(o);
            path.add(new PathStep(scan.location(call), "password argument of " + callName(call)));
            out.add(new Detection("java/hardcoded-password", scan.location(call),
                    callName(call) + " gets a password written in the code", path, Confidence.HIGH, sinkKey(call)));
        }
        return out;
    }
}
