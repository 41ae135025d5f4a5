package dev.triage.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.analysis.model.Models;
import dev.triage.analysis.value.Value;
import dev.triage.program.Program;
import dev.triage.program.android.AndroidApp;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The app components an intent made in one method is addressed to: the classes its calls name (a class literal, a
 * class name, a ComponentName made from either) and the components whose manifest intent filters declare its action.
 * Which calls name a target class or an action, and at which argument, is the model tables
 * {@code intent-target-class} and {@code intent-target-action} ({@code owner.name(descriptor)} → argument); an
 * argument that is itself an object one of those calls named (a ComponentName) passes its classes on. Class literals
 * are followed through local variables with ASM's {@link SourceInterpreter}, since the value analysis keeps no
 * class constants.
 */
final class IntentTargets {
    private final Program program;
    private final MethodFrames mf;
    private final Map<String, Set<String>> classesBySite = new HashMap<>();
    private final Map<String, Set<String>> actionsBySite = new HashMap<>();
    private Frame<SourceValue>[] sources;

    IntentTargets(Program program, Models models, MethodFrames mf) {
        this.program = program;
        this.mf = mf;
        JsonNode classArgs = models.tables.get("intent-target-class");
        JsonNode actionArgs = models.tables.get("intent-target-action");
        // in instruction order: a ComponentName is made before the setComponent call that passes it on
        for (AbstractInsnNode insn = mf.method().instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (!(insn instanceof MethodInsnNode mi) || mf.before(mi) == null) continue;
            String key = mi.owner + "." + mi.name + mi.desc;
            JsonNode c = classArgs == null ? null : classArgs.get(key);
            JsonNode a = actionArgs == null ? null : actionArgs.get(key);
            if (c == null && a == null) continue;
            Value receiver = mf.argument(mi, mi.desc, mi.getOpcode() != Opcodes.INVOKESTATIC, -1);
            if (receiver == null || receiver.object() == null) continue;
            String site = receiver.object().site();
            if (c != null) classesBySite.computeIfAbsent(site, k -> new TreeSet<>()).addAll(classesAt(mi, c.asInt()));
            if (a != null) {
                Value action = mf.argument(mi, mi.desc, true, a.asInt());
                Set<String> names = action == null ? null : action.strings();
                if (names != null) actionsBySite.computeIfAbsent(site, k -> new TreeSet<>()).addAll(names);
            }
        }
    }

    /** App classes of components of this kind the intent (a value at a send call of this method) is addressed to. */
    Set<String> of(Value intent, AndroidApp.Kind kind) {
        Set<String> out = new TreeSet<>();
        if (intent.object() == null) return out;
        String site = intent.object().site();
        for (String c : classesBySite.getOrDefault(site, Set.of())) if (program.isApp(c)) out.add(c);
        Set<String> actions = actionsBySite.getOrDefault(site, Set.of());
        if (!actions.isEmpty() && program.android() != null) {
            for (AndroidApp.Component comp : program.android().components()) {
                boolean sameKind = comp.kind() == kind || kind == AndroidApp.Kind.ACTIVITY && comp.kind() == AndroidApp.Kind.ACTIVITY_ALIAS;
                if (!sameKind || !program.isApp(comp.implementation())) continue;
                for (AndroidApp.IntentFilter f : comp.intentFilters()) {
                    if (f.actions().stream().anyMatch(actions::contains)) out.add(comp.implementation());
                }
            }
        }
        return out;
    }

    /** The classes an argument names: class literals, class name strings, or what a named object (ComponentName) names. */
    private Set<String> classesAt(MethodInsnNode mi, int index) {
        Set<String> out = new TreeSet<>();
        Value v = mf.argument(mi, mi.desc, true, index);
        if (v == null) return out;
        Set<String> names = v.strings();
        if (names != null) {
            for (String n : names) out.add(n.replace('.', '/'));
            return out;
        }
        if (v.object() != null && classesBySite.containsKey(v.object().site())) {
            out.addAll(classesBySite.get(v.object().site()));
            return out;
        }
        if (v.type() != null && v.type().getDescriptor().equals("Ljava/lang/Class;")) {
            Frame<SourceValue> f = sourceFrame(mi);
            if (f == null) return out;
            int argCount = Type.getArgumentTypes(mi.desc).length;
            classLiterals(f.getStack(f.getStackSize() - argCount + index), out, 0);
        }
        return out;
    }

    /** Class literals among the instructions that produced a value, through stores to and loads from locals. */
    private void classLiterals(SourceValue v, Set<String> out, int depth) {
        if (v == null || depth > 4) return;
        for (AbstractInsnNode p : v.insns) {
            if (p instanceof LdcInsnNode ldc && ldc.cst instanceof Type t && t.getSort() == Type.OBJECT) {
                out.add(t.getInternalName());
            } else if (p instanceof VarInsnNode load && p.getOpcode() == Opcodes.ALOAD) {
                Frame<SourceValue> at = sourceFrame(p);
                if (at == null) continue;
                SourceValue local = at.getLocal(load.var);
                for (AbstractInsnNode store : local.insns) {
                    if (store.getOpcode() != Opcodes.ASTORE) continue;
                    Frame<SourceValue> before = sourceFrame(store);
                    if (before != null) classLiterals(before.getStack(before.getStackSize() - 1), out, depth + 1);
                }
            }
        }
    }

    private Frame<SourceValue> sourceFrame(AbstractInsnNode insn) {
        if (sources == null) {
            try {
                sources = new Analyzer<>(new SourceInterpreter()).analyze(mf.owner().name, mf.method());
            } catch (AnalyzerException e) {
                return null;
            }
        }
        return sources[mf.method().instructions.indexOf(insn)];
    }
}
