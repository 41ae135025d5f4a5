package dev.triage.analysis.detect;

import dev.triage.analysis.Detection;
import dev.triage.analysis.MethodScan;
import dev.triage.analysis.model.Models;
import dev.triage.analysis.model.ArgumentRow;
import dev.triage.analysis.value.Value;
import org.objectweb.asm.tree.MethodInsnNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * java/weak-cipher: a cipher transformation or key algorithm that names a broken cipher, ECB mode
 * (including a block cipher named without a mode), or RSA without OAEP.
 */
public final class WeakCipherDetector extends ArgumentDetector {
    public WeakCipherDetector() {
        super(Set.of("cipher-transformation", "cipher-algorithm"));
    }

    @Override
    public Set<String> rules() {
        return Set.of("java/weak-cipher");
    }

    @Override
    List<Detection> check(MethodScan scan, MethodInsnNode call, ArgumentRow row, Value value) {
        List<Detection> out = new ArrayList<>();
        Models m = scan.context().models();
        for (MethodScan.Resolved r : scan.resolve(value)) {
            for (Object c : r.constants()) {
                if (!(c instanceof String s)) continue;
                String problem = row.kind().equals("cipher-transformation") ? judgeTransformation(m, s) : judgeAlgorithm(m, s);
                if (problem == null) continue;
                out.add(new Detection("java/weak-cipher", scan.location(call),
                        callName(call) + " uses \"" + s + "\": " + problem,
                        scan.path(r, call, "used as the cipher algorithm of " + callName(call)), "HIGH",
                        sinkKey(call) + "|" + s));
            }
        }
        return out;
    }

    /** Why a transformation ("ALG/MODE/PADDING") is weak, or null when it is fine. */
    static String judgeTransformation(Models m, String transformation) {
        String[] parts = transformation.trim().split("/");
        String alg = parts[0].trim().toUpperCase(Locale.ROOT);
        String mode = parts.length > 1 ? parts[1].trim().toUpperCase(Locale.ROOT) : "";
        String padding = parts.length > 2 ? parts[2].trim().toUpperCase(Locale.ROOT) : "";
        String weakAlg = judgeAlgorithm(m, alg);
        if (weakAlg != null) return weakAlg;
        if (alg.equals("RSA")) {
            if (!padding.startsWith("OAEP")) {
                return padding.isEmpty() ? "RSA without an explicit padding defaults to PKCS#1 v1.5, not OAEP"
                        : "RSA with " + parts[2].trim() + " instead of OAEP padding";
            }
            return null;
        }
        Set<String> blockCiphers = Tables.upperSet(m, "block-ciphers");
        if (Tables.upperSet(m, "weak-modes").contains(mode)) return "ECB mode leaks patterns of the plaintext";
        if (mode.isEmpty() && blockCiphers.contains(alg)) {
            return "no mode is given, so the provider's default ECB mode is used";
        }
        return null;
    }

    static String judgeAlgorithm(Models m, String algorithm) {
        String alg = algorithm.trim().toUpperCase(Locale.ROOT);
        int slash = alg.indexOf('/');
        if (slash >= 0) alg = alg.substring(0, slash);
        if (Tables.upperSet(m, "weak-ciphers").contains(alg)) return alg + " is a broken or obsolete cipher";
        return null;
    }
}
