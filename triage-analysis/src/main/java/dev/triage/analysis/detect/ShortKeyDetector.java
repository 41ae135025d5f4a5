package dev.triage.analysis.detect;

import dev.triage.analysis.Detection;
import dev.triage.analysis.MethodScan;
import dev.triage.analysis.model.ArgumentRow;
import dev.triage.analysis.value.AbstractObject;
import dev.triage.analysis.value.Value;
import org.objectweb.asm.tree.MethodInsnNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * java/short-key: a key generator initialised with fewer bits than its algorithm needs. The
 * algorithm comes from the generator object's getInstance call.
 */
public final class ShortKeyDetector extends ArgumentDetector {
    public ShortKeyDetector() {
        super(Set.of("key-size", "rsa-key-size"));
    }

    @Override
    public Set<String> rules() {
        return Set.of("java/short-key");
    }

    @Override
    List<Detection> check(MethodScan scan, MethodInsnNode call, ArgumentRow row, Value value) {
        Map<String, Integer> minimum = Tables.intMap(scan.context().models(), "min-key-bits");
        List<String> algorithms = new ArrayList<>();
        if (row.kind().equals("rsa-key-size")) {
            algorithms.add("RSA");
        } else {
            Value generator = scan.argument(call, -1);
            AbstractObject o = generator == null ? null : generator.object();
            if (o == null || !(o.get("algorithm") instanceof String alg)) return List.of();
            algorithms.add(alg.toUpperCase(Locale.ROOT));
        }
        List<Detection> out = new ArrayList<>();
        for (MethodScan.Resolved r : scan.resolve(value)) {
            for (Object c : r.constants()) {
                if (!(c instanceof Integer bits)) continue;
                for (String alg : algorithms) {
                    Integer min = minimum.get(alg);
                    if (min == null || bits >= min) continue;
                    out.add(new Detection("java/short-key", scan.location(call),
                            alg + " key of " + bits + " bits is too short (at least " + min + " bits are needed)",
                            scan.path(r, call, "key size given to " + callName(call)), "HIGH", sinkKey(call) + "|" + alg + bits));
                }
            }
        }
        return out;
    }
}
