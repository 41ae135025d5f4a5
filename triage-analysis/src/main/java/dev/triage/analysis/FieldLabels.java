package dev.triage.analysis;

import dev.triage.analysis.value.Taint;
import dev.triage.analysis.value.Value;
import dev.triage.program.MethodRef;
import dev.triage.program.Program;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A whole-program analysis: what is known of an app class's instance field when read — the labels of every value
 * its class (and the classes nested in it) store there, and for a constructor's parameter stored there (a job
 * object's input, a model object built from request data, a local captured by an inner, anonymous or lambda class)
 * the taint the constructor's callers pass. The field stands for every object of its class (field-based, not per
 * object): a Runnable built with request data carries it into run() on another thread, and a model object built from
 * a request carries it wherever another method reads the field. An object of a {@code transported-types} class (an
 * Android Parcelable: put into an intent in one component, read back in another) is followed further: what any app
 * class stores into its fields, and what callers pass to any of its own methods that store a parameter there (a
 * setter), counts too. So does what app code writes into a field by reflection with constant names
 * ({@code getDeclaredField("f").set(obj, v)}, {@link dev.triage.analysis.value.ReflectiveCalls}). Computed once per class.
 */
public final class FieldLabels {
    public static final AnalysisId<FieldLabels> ID = AnalysisId.of("field-labels", FieldLabels::new);

    private final AnalysisContext context;
    private final Program program;
    private final Map<String, Map<String, Set<String>>> byClass = new ConcurrentHashMap<>();

    private FieldLabels(AnalysisContext context) {
        this.context = context;
        this.program = context.program();
    }

    /** An instance field read: unknown with the labels stored into it, or null when nothing is known. */
    public Value value(String owner, String name, String descriptor, int depth) {
        if (depth > AnalysisContext.MAX_DEPTH || !program.isApp(owner)) return null;
        Set<String> labels = byClass.computeIfAbsent(owner, this::compute).get(name + ":" + descriptor);
        if (labels == null || labels.isEmpty()) return null;
        return Value.unknown(Type.getType(descriptor)).withLabels(labels);
    }

    /**
     * Labels of the values a class (and its nested classes) store in its own instance fields. The
     * methods are analysed past MAX_DEPTH, where fields are not resolved again: no recursion, and a
     * result independent of analysis order.
     */
    private Map<String, Set<String>> compute(String owner) {
        Map<String, Set<String>> out = new HashMap<>();
        List<String> classes = new ArrayList<>();
        classes.add(owner);
        classes.addAll(context.results().get(NestedClasses.ID).of(owner));
        boolean transported = transported(owner);
        if (transported) {
            Set<String> own = new java.util.HashSet<>(classes);
            for (String w : fieldWriters().getOrDefault(owner, Set.of())) if (!own.contains(w)) classes.add(w);
        }
        reflectiveWrites().getOrDefault(owner, Map.of()).forEach((k, v) -> out.computeIfAbsent(k, x -> new TreeSet<>()).addAll(v));
        for (String cn : classes) {
            ClassNode c = context.classNode(cn);
            if (c == null) continue;
            for (MethodNode m : c.methods) {
                boolean writes = false;
                for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null && !writes; insn = insn.getNext()) {
                    writes = insn.getOpcode() == Opcodes.PUTFIELD && ((FieldInsnNode) insn).owner.equals(owner);
                }
                if (!writes) continue;
                MethodFrames mf = context.analyse(c, m, AnalysisContext.MAX_DEPTH + 1);
                if (mf == null) continue;
                for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                    if (insn.getOpcode() != Opcodes.PUTFIELD || !((FieldInsnNode) insn).owner.equals(owner)) continue;
                    Frame<Value> f = mf.before(insn);
                    if (f == null) continue;
                    FieldInsnNode fi = (FieldInsnNode) insn;
                    Set<String> l = out.computeIfAbsent(fi.name + ":" + fi.desc, k -> new TreeSet<>());
                    for (String label : f.getStack(f.getStackSize() - 1).labels()) {
                        if (!label.startsWith("@")) {
                            l.add(label);
                        } else if (label.startsWith("@p") && (m.name.equals("<init>") || syntheticAccessor(m)
                                || transported && cn.equals(owner))) {
                            // A constructor's parameter stored in a field (a job object's input, a model object
                            // built from request data, a local captured by an inner, anonymous or lambda class): what
                            // its callers pass, read wherever the field is. Setters are not followed: the field
                            // stands for every object of the class, and one form bean bound from a request would
                            // taint every bean of its class (on the benchmark app, 109 false XSS findings). A
                            // synthetic static accessor (javac's access$002, D8's -$$Nest$fput for a nested class's
                            // write to its outer class's private field) is the nested class's own write: its callers.
                            l.addAll(labelsPassedTo(new MethodRef(cn, m.name, m.desc), Taint.param(label)));
                        }
                    }
                }
            }
        }
        return out;
    }

    private volatile Map<String, Set<String>> fieldWriters;
    private volatile Map<String, Map<String, Set<String>>> reflectiveWrites;

    /**
     * Field owner → field ({@code name:descriptor}) → taint app code writes into it by reflection with constant names
     * (writers analysed past MAX_DEPTH, where fields are not resolved again). Built once, from the call-site index.
     */
    private Map<String, Map<String, Set<String>>> reflectiveWrites() {
        Map<String, Map<String, Set<String>>> w = reflectiveWrites;
        if (w != null) return w;
        synchronized (this) {
            if (reflectiveWrites != null) return reflectiveWrites;
            dev.triage.analysis.value.ReflectiveCalls rc = dev.triage.analysis.value.ReflectiveCalls.of(context.models());
            Map<String, Map<String, Set<String>>> built = new HashMap<>();
            for (Program.AppClass a : program.appClasses()) {
                Set<MethodRef> callers = new java.util.LinkedHashSet<>();
                for (dev.triage.program.CallSite cs : a.calls()) if (rc.mayWriteField(cs.owner(), cs.name())) callers.add(cs.caller());
                for (MethodRef caller : callers) {
                    MethodFrames mf = context.frames(caller, AnalysisContext.MAX_DEPTH + 1).orElse(null);
                    if (mf == null) continue;
                    for (AbstractInsnNode insn = mf.method().instructions.getFirst(); insn != null; insn = insn.getNext()) {
                        if (!(insn instanceof MethodInsnNode mi) || !rc.mayWriteField(mi.owner, mi.name)) continue;
                        dev.triage.analysis.value.ReflectiveCalls.FieldAccess f =
                                rc.fieldWrite(mi, mf.argument(mi, mi.desc, true, -1), program);
                        if (f == null || f.isStatic()) continue;
                        Value v = mf.argument(mi, mi.desc, true, f.valueArg());
                        if (v == null) continue;
                        for (String label : v.labels()) {
                            if (Taint.isTaint(label)) {
                                built.computeIfAbsent(f.owner(), k -> new HashMap<>())
                                        .computeIfAbsent(f.name() + ":" + f.descriptor(), k -> new TreeSet<>()).add(label);
                            }
                        }
                    }
                }
            }
            reflectiveWrites = built;
            return built;
        }
    }

    /** Field owner → the app classes with a PUTFIELD naming it (built once, on the first transported class). */
    private Map<String, Set<String>> fieldWriters() {
        Map<String, Set<String>> w = fieldWriters;
        if (w != null) return w;
        synchronized (this) {
            if (fieldWriters == null) {
                Map<String, Set<String>> built = new HashMap<>();
                for (Program.AppClass a : program.appClasses()) {
                    ClassNode c = context.classNode(a.info().name());
                    if (c == null) continue;
                    for (MethodNode m : c.methods) {
                        for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                            if (insn.getOpcode() == Opcodes.PUTFIELD) {
                                built.computeIfAbsent(((FieldInsnNode) insn).owner, k -> new TreeSet<>()).add(c.name);
                            }
                        }
                    }
                }
                fieldWriters = built;
            }
            return fieldWriters;
        }
    }

    /** The class is one of the {@code transported-types} (or a subtype): its fields are followed over the whole app. */
    private boolean transported(String owner) {
        if (program.android() == null) return false;
        for (String t : context.models().stringSet("transported-types")) {
            if (program.isSubtype(owner, t.strip().replace('.', '/'))) return true;
        }
        return false;
    }

    /** A compiler-made static method that only gives a nested class access to a private field. */
    private static boolean syntheticAccessor(MethodNode m) {
        return (m.access & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_STATIC)) == (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_STATIC);
    }

    /** Taint labels callers pass as a declared parameter of a method (callers analysed past MAX_DEPTH). */
    private Set<String> labelsPassedTo(MethodRef target, int param) {
        Set<String> out = new TreeSet<>();
        if (param < 0) return out;
        for (MethodRef caller : program.callGraph().callers(target)) {
            // cached: a caller of several setters is analysed once
            MethodFrames mf = context.frames(caller, AnalysisContext.MAX_DEPTH + 1).orElse(null);
            if (mf == null) continue;
            MethodNode m = mf.method();
            for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                if (!(insn instanceof MethodInsnNode mi) || !mi.owner.equals(target.owner())
                        || !mi.name.equals(target.name()) || !mi.desc.equals(target.descriptor())) continue;
                Value arg = mf.argument(mi, mi.desc, mi.getOpcode() != Opcodes.INVOKESTATIC, param);
                if (arg == null) continue;
                for (String l : arg.labels()) if (Taint.isTaint(l)) out.add(l);
            }
        }
        return out;
    }
}
