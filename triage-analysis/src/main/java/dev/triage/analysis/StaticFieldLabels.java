package dev.triage.analysis;

import dev.triage.analysis.value.Taint;
import dev.triage.analysis.value.Value;
import dev.triage.program.ClassInfo;
import dev.triage.program.FieldInfo;
import dev.triage.program.MethodRef;
import dev.triage.program.Program;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A whole-program analysis: the taint an app class's static field holds when read — the taint labels of every value
 * any app method stores there (a device id cached in a registry by one activity and read by a service, a receiver's
 * state kept between broadcasts). Field-based and order-insensitive, like {@link FieldLabels}: the field stands for
 * every time it is written. Only taint is kept (not parameter flows or constants: {@link StaticFinals} gives the
 * values of fields written once by the static initialiser). Computed once per field.
 */
public final class StaticFieldLabels {
    public static final AnalysisId<StaticFieldLabels> ID = AnalysisId.of("static-field-labels", StaticFieldLabels::new);

    private final AnalysisContext context;
    private final Program program;
    private final Map<String, Set<String>> byField = new ConcurrentHashMap<>();

    private StaticFieldLabels(AnalysisContext context) {
        this.context = context;
        this.program = context.program();
    }

    /** A static field read: unknown with the taint stored into it anywhere in the app, or null when none is. */
    public Value value(String owner, String name, String descriptor, int depth) {
        if (depth > AnalysisContext.MAX_DEPTH) return null;
        String declaring = declaringClass(owner, name, descriptor);
        if (declaring == null || !program.isApp(declaring)) return null;
        Set<String> labels = byField.computeIfAbsent(declaring + "." + name + ":" + descriptor,
                k -> compute(declaring, name, descriptor));
        if (labels.isEmpty()) return null;
        return Value.unknown(Type.getType(descriptor)).withLabels(labels);
    }

    /** The class that declares a static field an instruction names through its own class or a subclass. */
    private String declaringClass(String owner, String name, String descriptor) {
        for (String c : program.supertypes(owner)) {
            ClassInfo ci = program.find(c);
            FieldInfo f = ci == null ? null : ci.field(name, descriptor);
            if (f != null) return f.isStatic() ? c : null;
        }
        return null;
    }

    /**
     * Taint stored by every PUTSTATIC of the field that names its declaring class (as javac, kotlinc and D8 write
     * them). Writers are analysed past MAX_DEPTH, where static fields are not resolved again: no recursion, and a
     * result independent of analysis order.
     */
    private Set<String> compute(String declaring, String name, String descriptor) {
        Set<String> out = new TreeSet<>();
        for (MethodRef writer : program.staticFieldWriters(declaring, name, descriptor)) {
            MethodFrames mf = context.frames(writer, AnalysisContext.MAX_DEPTH + 1).orElse(null);
            if (mf == null) continue;
            MethodNode m = mf.method();
            for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                if (insn.getOpcode() != Opcodes.PUTSTATIC) continue;
                FieldInsnNode fi = (FieldInsnNode) insn;
                if (!fi.owner.equals(declaring) || !fi.name.equals(name) || !fi.desc.equals(descriptor)) continue;
                Frame<Value> f = mf.before(insn);
                if (f == null) continue;
                for (String label : f.getStack(f.getStackSize() - 1).labels()) if (Taint.isTaint(label)) out.add(label);
            }
        }
        return out;
    }
}
