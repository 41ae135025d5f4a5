package dev.triage.analysis;

import dev.triage.analysis.model.ArgumentRow;
import dev.triage.analysis.model.CallRow;
import dev.triage.analysis.value.ModelMatch;
import dev.triage.program.CallSite;
import dev.triage.program.Program;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Views the app's code makes password fields: a {@code password-input-type} call (the models' {@code arguments}
 * rows: {@code setInputType}, {@code setRawInputType}) whose argument is a constant password type (class and variation
 * in {@code android-password-input-values}), on a view found by a constant id with a call the models give a
 * {@code view-input: password} condition ({@code findViewById}). The view is traced through casts, local variables
 * and, one step, a field of the same class that one of its methods sets to such a view. Views made with {@code new}
 * have no id and are not found here.
 */
final class CodeInputTypes {
    static final String INPUT_TYPE = "password-input-type";
    private static final int MAX_STEPS = 16;
    /** Steps from here on are inside the method that sets a field: no further field is followed. */
    private static final int FIELD_STEP = MAX_STEPS / 2;

    private final AnalysisContext context;
    private final Program program;
    private final LayoutViews.PasswordInputs inputs;
    private final List<ArgumentRow> inputTypeRows = new ArrayList<>();
    private final List<CallRow> findViewRows = new ArrayList<>();
    private final Map<MethodNode, Frame<SourceValue>[]> frames = new HashMap<>();

    CodeInputTypes(AnalysisContext context, LayoutViews.PasswordInputs inputs) {
        this.context = context;
        this.program = context.program();
        this.inputs = inputs;
        for (ArgumentRow a : context.models().arguments) if (a.kind().equals(INPUT_TYPE)) inputTypeRows.add(a);
        for (CallRow c : context.models().calls) {
            if (c.viewInput().containsValue(LayoutViews.PASSWORD)) findViewRows.add(c);
        }
    }

    /** Adds the ids of views the code makes password fields. */
    void collect(Set<Integer> out) {
        if (inputTypeRows.isEmpty() || findViewRows.isEmpty()) return;
        Set<String> names = new HashSet<>();
        inputTypeRows.forEach(r -> names.add(r.method().name()));
        for (Program.AppClass a : program.appClasses()) {
            boolean calls = false;
            for (CallSite cs : a.calls()) {
                if (names.contains(cs.name())) {
                    calls = true;
                    break;
                }
            }
            if (!calls) continue;
            ClassNode node = context.classNode(a.info().name());
            if (node == null) continue;
            frames.clear();
            for (MethodNode mn : node.methods) {
                for (AbstractInsnNode insn = mn.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                    if (!(insn instanceof MethodInsnNode mi) || !names.contains(mi.name)) continue;
                    ArgumentRow row = inputTypeRow(mi);
                    if (row == null || mi.getOpcode() == Opcodes.INVOKESTATIC) continue;
                    Frame<SourceValue> f = frameAt(node, mn, mi);
                    if (f == null) continue;
                    int args = Type.getArgumentTypes(mi.desc).length;
                    int top = f.getStackSize();
                    Integer type = constant(f.getStack(top - args + row.argument()));
                    if (type == null || !inputs.typeValues().contains(type & 0xfff)) continue;
                    viewIds(node, mn, f.getStack(top - args - 1), out, 0);
                }
            }
        }
    }

    private ArgumentRow inputTypeRow(MethodInsnNode mi) {
        for (ArgumentRow a : inputTypeRows) if (ModelMatch.matches(a.method(), mi, program)) return a;
        return null;
    }

    /** The ids of the views a value may be: found by a constant id, through casts, locals and a field of the class. */
    private void viewIds(ClassNode node, MethodNode mn, SourceValue v, Set<Integer> out, int steps) {
        if (v == null || steps > MAX_STEPS) return;
        for (AbstractInsnNode insn : v.insns) {
            switch (insn.getOpcode()) {
                case Opcodes.CHECKCAST -> {
                    Frame<SourceValue> f = frameAt(node, mn, insn);
                    if (f != null) viewIds(node, mn, f.getStack(f.getStackSize() - 1), out, steps + 1);
                }
                case Opcodes.ALOAD -> {
                    Frame<SourceValue> f = frameAt(node, mn, insn);
                    if (f == null) continue;
                    for (AbstractInsnNode store : f.getLocal(((VarInsnNode) insn).var).insns) {
                        if (store.getOpcode() != Opcodes.ASTORE) continue;
                        Frame<SourceValue> s = frameAt(node, mn, store);
                        if (s != null) viewIds(node, mn, s.getStack(s.getStackSize() - 1), out, steps + 1);
                    }
                }
                case Opcodes.GETFIELD, Opcodes.GETSTATIC -> {
                    if (steps >= FIELD_STEP) continue;
                    FieldInsnNode get = (FieldInsnNode) insn;
                    if (!get.owner.equals(node.name)) continue;
                    int put = get.getOpcode() == Opcodes.GETFIELD ? Opcodes.PUTFIELD : Opcodes.PUTSTATIC;
                    for (MethodNode other : node.methods) {
                        for (AbstractInsnNode i = other.instructions.getFirst(); i != null; i = i.getNext()) {
                            if (i.getOpcode() != put || !(i instanceof FieldInsnNode fi) || !fi.name.equals(get.name)
                                    || !fi.owner.equals(get.owner)) continue;
                            Frame<SourceValue> s = frameAt(node, other, i);
                            // a field is followed one step: its stored value must be found in the storing method
                            if (s != null) viewIds(node, other, s.getStack(s.getStackSize() - 1), out, FIELD_STEP);
                        }
                    }
                }
                case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKEINTERFACE, Opcodes.INVOKESPECIAL, Opcodes.INVOKESTATIC -> {
                    MethodInsnNode call = (MethodInsnNode) insn;
                    for (CallRow row : findViewRows) {
                        if (!row.method().name().equals(call.name) || !ModelMatch.matches(row.method(), call, program)) continue;
                        Frame<SourceValue> f = frameAt(node, mn, call);
                        if (f == null) continue;
                        int args = Type.getArgumentTypes(call.desc).length;
                        for (var e : row.viewInput().entrySet()) {
                            if (!e.getValue().equals(LayoutViews.PASSWORD) || e.getKey() >= args) continue;
                            Integer id = constant(f.getStack(f.getStackSize() - args + e.getKey()));
                            if (id != null) out.add(id);
                        }
                    }
                }
                default -> {
                    // another origin (a new view, a parameter): no id to name
                }
            }
        }
    }

    /** The int constant a value is on every path, or null. */
    private static Integer constant(SourceValue v) {
        if (v == null || v.insns.size() != 1) return null;
        AbstractInsnNode i = v.insns.iterator().next();
        int op = i.getOpcode();
        if (op >= Opcodes.ICONST_M1 && op <= Opcodes.ICONST_5) return op - Opcodes.ICONST_0;
        if (op == Opcodes.BIPUSH || op == Opcodes.SIPUSH) return ((IntInsnNode) i).operand;
        if (i instanceof LdcInsnNode ldc && ldc.cst instanceof Integer n) return n;
        return null;
    }

    private Frame<SourceValue> frameAt(ClassNode node, MethodNode mn, AbstractInsnNode insn) {
        if (!frames.containsKey(mn)) frames.put(mn, analyze(node, mn));
        Frame<SourceValue>[] fs = frames.get(mn);
        if (fs == null) return null;
        int index = mn.instructions.indexOf(insn);
        return index < 0 || index >= fs.length ? null : fs[index];
    }

    @SuppressWarnings("unchecked")
    private static Frame<SourceValue>[] analyze(ClassNode node, MethodNode mn) {
        if ((mn.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0 || mn.instructions.size() == 0) return null;
        try {
            return new Analyzer<>(new SourceInterpreter()).analyze(node.name, mn);
        } catch (AnalyzerException e) {
            return null; // code ASM cannot follow: no view found in it
        }
    }
}
