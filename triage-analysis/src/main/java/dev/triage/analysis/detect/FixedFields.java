package dev.triage.analysis.detect;

import dev.triage.analysis.AnalysisContext;
import dev.triage.analysis.AnalysisId;
import dev.triage.analysis.MethodFrames;
import dev.triage.analysis.MethodScan;
import dev.triage.analysis.NestedClasses;
import dev.triage.analysis.model.ArgumentRow;
import dev.triage.analysis.value.ModelMatch;
import dev.triage.analysis.value.Value;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A whole-program analysis for the key, IV and password rules: an app class's field (instance or static, not a
 * compile-time constant) that holds fixed data — a key defined in a field and used in another method. A field is
 * fixed when every store of it, in its class and the classes nested in it, is in a constructor or static initialiser
 * and stores a literal (a string, bytes of a literal, an array literal or a zero-filled array); an array field must
 * also never be written into, handed to a call other than a key, IV or password argument, stored elsewhere or
 * returned (then its content could change). Computed once per class.
 */
final class FixedFields {
    static final AnalysisId<FixedFields> ID = AnalysisId.of("fixed-fields", FixedFields::new);
    private static final Set<String> SINK_KINDS = Set.of("crypto-key", "iv", "password");

    private final AnalysisContext ctx;
    /** owner → field name:desc → the fixed value (absent: not fixed). */
    private final Map<String, Map<String, Value>> byClass = new ConcurrentHashMap<>();

    private FixedFields(AnalysisContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The fixed value of the field a call's argument was read from directly (a {@code GETFIELD}/{@code GETSTATIC} of
     * an app class's field), or null.
     */
    static Value argumentField(MethodScan scan, MethodInsnNode call, int argument) {
        FieldInsnNode f = fieldRead(scan.context(), scan.frames(), call, argument);
        if (f == null || !scan.context().program().isApp(f.owner)) return null;
        return scan.context().results().get(ID).value(f.owner, f.name, f.desc);
    }

    Value value(String owner, String name, String desc) {
        return byClass.computeIfAbsent(owner, this::compute).get(name + ":" + desc);
    }

    /** The field instruction that produced an argument of a call, when a single one did. */
    private static FieldInsnNode fieldRead(AnalysisContext ctx, MethodFrames frames, MethodInsnNode call, int argument) {
        MethodNode m = frames.method();
        Frame<SourceValue>[] sf = sources(frames.owner().name, m);
        if (sf == null) return null;
        Frame<SourceValue> f = sf[m.instructions.indexOf(call)];
        if (f == null) return null;
        int args = Type.getArgumentTypes(call.desc).length;
        boolean receiver = call.getOpcode() != Opcodes.INVOKESTATIC;
        int slot = argument < 0 ? 0 : argument + (receiver ? 1 : 0);
        int total = args + (receiver ? 1 : 0);
        SourceValue v = f.getStack(f.getStackSize() - total + slot);
        if (v.insns.size() != 1) return null;
        AbstractInsnNode src = v.insns.iterator().next();
        return src instanceof FieldInsnNode fi && (src.getOpcode() == Opcodes.GETFIELD || src.getOpcode() == Opcodes.GETSTATIC) ? fi : null;
    }

    @SuppressWarnings("unchecked")
    private static Frame<SourceValue>[] sources(String owner, MethodNode m) {
        try {
            return new Analyzer<>(new SourceInterpreter()).analyze(owner, m);
        } catch (AnalyzerException | RuntimeException e) {
            return null;
        }
    }

    private Map<String, Value> compute(String owner) {
        List<ClassNode> classes = new ArrayList<>();
        ClassNode own = ctx.classNode(owner);
        if (own == null) return Map.of();
        classes.add(own);
        for (String n : ctx.results().get(NestedClasses.ID).of(owner)) {
            ClassNode c = ctx.classNode(n);
            if (c != null) classes.add(c);
        }
        // candidates: fields of the class of a text, byte or char type, with no compile-time constant value
        Map<String, Optional<Value>> fixed = new java.util.HashMap<>();
        for (var fn : own.fields) {
            if (fn.value != null) continue;
            if (fn.desc.equals("Ljava/lang/String;") || fn.desc.equals("[B") || fn.desc.equals("[C")) {
                fixed.put(fn.name + ":" + fn.desc, null);
            }
        }
        if (fixed.isEmpty()) return Map.of();
        for (ClassNode c : classes) {
            for (MethodNode m : c.methods) {
                if ((m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0 || m.instructions.size() == 0) continue;
                boolean touches = false;
                for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null && !touches; insn = insn.getNext()) {
                    touches = insn instanceof FieldInsnNode fi && fi.owner.equals(owner) && fixed.containsKey(fi.name + ":" + fi.desc);
                }
                if (!touches) continue;
                stores(owner, c, m, fixed);
                uses(owner, c, m, fixed);
            }
        }
        Map<String, Value> out = new java.util.HashMap<>();
        fixed.forEach((k, v) -> {
            if (v != null && v.isPresent()) out.put(k, v.get());
        });
        return out;
    }

    /** Every store of a candidate must be in an initialiser and store fixed data; the first such value is kept. */
    private void stores(String owner, ClassNode c, MethodNode m, Map<String, Optional<Value>> fixed) {
        MethodFrames mf = null;
        for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (!(insn instanceof FieldInsnNode fi) || !fi.owner.equals(owner)) continue;
            if (insn.getOpcode() != Opcodes.PUTFIELD && insn.getOpcode() != Opcodes.PUTSTATIC) continue;
            String key = fi.name + ":" + fi.desc;
            if (!fixed.containsKey(key)) continue;
            boolean initialiser = c.name.equals(owner)
                    && (insn.getOpcode() == Opcodes.PUTFIELD ? m.name.equals("<init>") : m.name.equals("<clinit>"));
            Optional<Value> prev = fixed.get(key);
            if (!initialiser || (prev != null && prev.isEmpty())) {
                fixed.put(key, Optional.empty());
                continue;
            }
            if (mf == null) mf = ctx.analyse(c, m, AnalysisContext.MAX_DEPTH + 1);
            Frame<Value> f = mf == null ? null : mf.before(insn);
            Value stored = f == null ? null : f.getStack(f.getStackSize() - 1);
            boolean isFixed = stored != null && (ConstantData.describe(stored) != null || nonEmptyText(stored));
            fixed.put(key, isFixed ? (prev == null ? Optional.of(stored) : prev) : Optional.empty());
        }
    }

    private static boolean nonEmptyText(Value v) {
        if (v.constants() == null || v.constants().isEmpty()) return false;
        for (Object c : v.constants()) if (!(c instanceof String s) || s.isEmpty()) return false;
        return true;
    }

    /** An array candidate read and then written into, handed to a call that is not a key/IV/password argument, stored or returned: not fixed. */
    private void uses(String owner, ClassNode c, MethodNode m, Map<String, Optional<Value>> fixed) {
        boolean arrays = fixed.keySet().stream().anyMatch(k -> k.endsWith(":[B") || k.endsWith(":[C"));
        if (!arrays) return;
        Frame<SourceValue>[] sf = sources(c.name, m);
        if (sf == null) {
            fixed.replaceAll((k, v) -> k.endsWith(":Ljava/lang/String;") ? v : Optional.empty());
            return;
        }
        for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            Frame<SourceValue> f = sf[m.instructions.indexOf(insn)];
            if (f == null) continue;
            int op = insn.getOpcode();
            List<SourceValue> consumed = new ArrayList<>();
            boolean allowedCall = false;
            if (insn instanceof MethodInsnNode mi) {
                int n = Type.getArgumentTypes(mi.desc).length + (mi.getOpcode() == Opcodes.INVOKESTATIC ? 0 : 1);
                for (int i = 0; i < n; i++) consumed.add(f.getStack(f.getStackSize() - n + i));
                allowedCall = isSinkArgumentCall(mi);
            } else if (op == Opcodes.BASTORE || op == Opcodes.CASTORE) {
                consumed.add(f.getStack(f.getStackSize() - 3));
            } else if (op == Opcodes.PUTFIELD || op == Opcodes.PUTSTATIC || op == Opcodes.ARETURN || op == Opcodes.AASTORE) {
                consumed.add(f.getStack(f.getStackSize() - 1));
            } else {
                continue;
            }
            if (allowedCall) continue;
            for (SourceValue v : consumed) {
                for (AbstractInsnNode src : v.insns) {
                    if (!(src instanceof FieldInsnNode fi) || !fi.owner.equals(owner)) continue;
                    if (src.getOpcode() != Opcodes.GETFIELD && src.getOpcode() != Opcodes.GETSTATIC) continue;
                    String key = fi.name + ":" + fi.desc;
                    if (fixed.containsKey(key) && !key.endsWith(":Ljava/lang/String;")) fixed.put(key, Optional.empty());
                }
            }
        }
    }

    private boolean isSinkArgumentCall(MethodInsnNode mi) {
        for (ArgumentRow row : ctx.models().argumentsNamed(mi.name)) {
            if (SINK_KINDS.contains(row.kind()) && ModelMatch.matches(row.method(), mi, ctx.program())) return true;
        }
        return false;
    }
}
