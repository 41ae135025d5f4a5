package dev.triage.analysis.detect;

import dev.triage.analysis.Detection;
import dev.triage.analysis.MethodScan;
import dev.triage.analysis.model.ArgumentRow;
import dev.triage.analysis.value.Value;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * java/predictable-random: a value drawn from a predictable generator reaches a security-sensitive
 * use — a model's sensitive argument (cookie value, session attribute, key or IV material), a field
 * with a security name, or the return value of a method with a security name. Predictable numbers
 * used for anything else (shuffling, jitter, sampling) are not reported.
 */
public final class PredictableRandomDetector extends ArgumentDetector {
    static final String LABEL = "predictable-random";

    public PredictableRandomDetector() {
        super(Set.of("random-sensitive"));
    }

    @Override
    public Set<String> rules() {
        return Set.of("java/predictable-random");
    }

    @Override
    List<Detection> check(MethodScan scan, MethodInsnNode call, ArgumentRow row, Value value) {
        if (!value.hasLabel(LABEL)) return List.of();
        return List.of(detection(scan, call, callName(call) + " gets a predictable random value", sinkKey(call)));
    }

    @Override
    public Set<String> modelKinds() {
        return Set.of("random-sensitive", "predictable-random-source");
    }

    @Override
    public void visitMethod(MethodScan scan) {
        super.visitMethod(scan);
        boolean sensitiveMethod = isSensitiveName(scan, scan.method().name);
        for (AbstractInsnNode insn = scan.method().instructions.getFirst(); insn != null; insn = insn.getNext()) {
            int op = insn.getOpcode();
            Frame<Value> f = scan.frames().before(insn);
            if (f == null) continue;
            if ((op == Opcodes.PUTFIELD || op == Opcodes.PUTSTATIC) && insn instanceof FieldInsnNode fi) {
                Value v = f.getStack(f.getStackSize() - 1);
                if (v.hasLabel(LABEL) && isSensitiveName(scan, fi.name)) {
                    scan.report(detection(scan, insn, "predictable random value stored in field " + fi.name,
                            "field|" + fi.owner + "." + fi.name));
                }
            } else if (op == Opcodes.ARETURN || op == Opcodes.IRETURN || op == Opcodes.LRETURN) {
                Value v = f.getStack(f.getStackSize() - 1);
                if (sensitiveMethod && v.hasLabel(LABEL)) {
                    scan.report(detection(scan, insn, scan.method().name + " returns a predictable random value",
                            "return|" + scan.method().name));
                }
            }
        }
    }

    private static Detection detection(MethodScan scan, AbstractInsnNode at, String message, String key) {
        List<Detection.Step> path = new ArrayList<>();
        path.add(new Detection.Step(scan.location(at), message));
        return new Detection("java/predictable-random", scan.location(at),
                message + " (java.util.Random, Math.random and similar are predictable; use SecureRandom)",
                path, "HIGH", key);
    }

    /** Whether an identifier looks security-related: a listed word among its camelCase/snake_case words, or a listed compound. */
    static boolean isSensitiveName(MethodScan scan, String name) {
        Set<String> words = Tables.set(scan.context().models(), "sensitive-name-words");
        Set<String> parts = Tables.set(scan.context().models(), "sensitive-name-parts");
        String lower = name.toLowerCase(Locale.ROOT);
        for (String p : parts) if (lower.contains(p)) return true;
        for (String w : name.split("(?<=[a-z0-9])(?=[A-Z])|[_$\\-]+")) {
            if (words.contains(w.toLowerCase(Locale.ROOT))) return true;
        }
        return false;
    }
}
