package dev.triage.analysis;

import dev.triage.analysis.value.Origin;
import dev.triage.analysis.value.Value;
import dev.triage.program.ClassInfo;
import dev.triage.program.FieldInfo;
import dev.triage.program.Program;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A whole-program analysis: the values of static fields when read — compile-time constants of any class, and the
 * {@code static final} fields of app classes that their static initialiser writes exactly once (computed once per
 * class).
 */
public final class StaticFinals {
    public static final AnalysisId<StaticFinals> ID = AnalysisId.of("static-finals", StaticFinals::new);

    private final AnalysisContext context;
    private final Program program;
    private final Map<String, Map<String, Value>> byClass = new ConcurrentHashMap<>();

    private StaticFinals(AnalysisContext context) {
        this.context = context;
        this.program = context.program();
    }

    /** Value of a static field read (resolved for compile-time constants and finals set in a static initialiser), or null. */
    public Value value(String owner, String name, String descriptor, int depth) {
        ClassInfo ci = program.find(owner);
        if (ci == null) return null;
        FieldInfo f = ci.field(name, descriptor);
        if (f == null) {
            // Inherited static field: resolve in supertypes.
            for (String s : program.supertypes(owner)) {
                ClassInfo sc = program.find(s);
                if (sc != null && sc.field(name, descriptor) != null) {
                    if (!s.equals(owner)) return value(s, name, descriptor, depth);
                }
            }
            return null;
        }
        Type t = Type.getType(descriptor);
        if (f.constantValue() != null) {
            Object c = f.constantValue();
            String text = c instanceof String s ? "\"" + s + "\"" : String.valueOf(c);
            return Value.constant(t, c, new Origin("constant " + ci.dottedName() + "." + name + " = " + text,
                    owner, "", ci.sourcePath(), 0));
        }
        // Static initialisers are analysed at a depth past MAX_DEPTH, where only compile-time
        // constants of other classes are resolved: the result never depends on analysis order.
        if (!f.isFinal() || !f.isStatic() || !program.isApp(owner) || depth > AnalysisContext.MAX_DEPTH) return null;
        Map<String, Value> finals = byClass.computeIfAbsent(owner, this::compute);
        Value v = finals.get(name + ":" + descriptor);
        return v == null ? null : v.withType(t);
    }

    /** Values a class's static initialiser stores in its static final fields (written exactly once). */
    private Map<String, Value> compute(String owner) {
        ClassNode c = context.classNode(owner);
        if (c == null) return Map.of();
        MethodNode clinit = AnalysisContext.findMethod(c, "<clinit>", "()V");
        if (clinit == null) return Map.of();
        MethodFrames mf = context.analyse(c, clinit, AnalysisContext.MAX_DEPTH + 1);
        if (mf == null) return Map.of();
        Map<String, Value> out = new HashMap<>();
        Map<String, Integer> writes = new HashMap<>();
        for (AbstractInsnNode insn = clinit.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn.getOpcode() == Opcodes.PUTSTATIC && insn instanceof FieldInsnNode fi && fi.owner.equals(owner)) {
                Frame<Value> f = mf.before(insn);
                if (f == null) continue;
                String key = fi.name + ":" + fi.desc;
                writes.merge(key, 1, Integer::sum);
                Value v = f.getStack(f.getStackSize() - 1);
                ClassInfo ci = program.find(owner);
                String desc = v.origin() != null ? v.origin().description() : "static initialiser";
                out.put(key, v.withOrigin(new Origin(desc + " (field " + ci.dottedName() + "." + fi.name + ")", owner,
                        "<clinit>", ci.sourcePath(), mf.line(insn))));
            }
        }
        // A field written twice, or read back in the initialiser (and so perhaps filled in place), is not constant.
        for (AbstractInsnNode insn = clinit.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn.getOpcode() == Opcodes.GETSTATIC && insn instanceof FieldInsnNode fi && fi.owner.equals(owner)) {
                writes.merge(fi.name + ":" + fi.desc, 2, Integer::sum);
            }
        }
        writes.forEach((k, n) -> {
            if (n > 1) out.remove(k);
        });
        return out;
    }
}
