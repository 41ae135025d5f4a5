package dev.triage.analysis;

import dev.triage.program.ClassInfo;
import dev.triage.program.EntryPoint;
import dev.triage.program.MethodInfo;
import dev.triage.program.MethodRef;
import dev.triage.program.Program;
import org.objectweb.asm.Opcodes;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * A whole-program analysis of an Android app: which app methods some entry point reaches. The framework calls an
 * app only through its entry points (component lifecycles, framework callbacks and listeners, layout click handlers,
 * JavaScript interfaces), the framework methods the models give parameters of (a provider's openFile), and any app
 * method overriding a library method (a Runnable's run, a Comparator's compare, a D8 lambda class's interface method:
 * library code may call it); class and instance initialisers run
 * when the class is used. From those roots, the class-hierarchy call graph (with lambda and method-reference
 * targets) gives the rest. A method nothing reaches is dead code: what it would leak is never leaked. Reflection with
 * constant names counts as a call: a reached method that invokes a looked-up method ({@code reflective-invocations})
 * reaches the app methods whose class and name are string constants of that method.
 *
 * <p>Only Android apps are judged: a web app or library is called by a container or by its users through any
 * public method, so there every method counts as reachable.
 */
public final class ReachableMethods {
    public static final AnalysisId<ReachableMethods> ID = AnalysisId.of("reachable-methods", ReachableMethods::new);

    private final Program program;
    private final dev.triage.analysis.model.Models models;
    private final Object lock = new Object();
    private volatile Set<MethodRef> reachable;

    private ReachableMethods(AnalysisContext context) {
        this.program = context.program();
        this.models = context.models();
    }

    /** Whether an app method may run: always true outside Android apps. */
    public boolean reachable(MethodRef method) {
        if (program.android() == null) return true;
        Set<MethodRef> r = reachable;
        if (r == null) {
            synchronized (lock) {
                if (reachable == null) reachable = compute();
                r = reachable;
            }
        }
        return r.contains(method);
    }

    private Set<MethodRef> compute() {
        Set<MethodRef> seen = new HashSet<>();
        Deque<MethodRef> work = new ArrayDeque<>();
        for (EntryPoint e : program.entryPoints()) {
            // "public" is the fallback for code a container or user may call: not how Android calls an app
            if (!e.kind().equals("public")) work.add(e.method());
        }
        for (Program.AppClass a : program.appClasses()) {
            ClassInfo c = a.info();
            for (MethodInfo m : c.methods()) {
                if (m.isAbstract()) continue;
                if (m.name().startsWith("<") || overridesLibrary(c, m) || modelledCallback(c, m)) work.add(m.ref());
            }
        }
        Set<String> invocations = dev.triage.analysis.value.ReflectiveCalls.of(models).invocationNames();
        while (!work.isEmpty()) {
            MethodRef m = work.poll();
            if (!seen.add(m)) continue;
            for (MethodRef callee : program.callGraph().callees(m)) if (!seen.contains(callee)) work.add(callee);
            if (!invocations.isEmpty()) for (MethodRef t : reflectiveTargets(m, invocations)) if (!seen.contains(t)) work.add(t);
        }
        return Set.copyOf(seen);
    }

    /**
     * The app methods a method may invoke by reflection: when it calls an invocation method, those whose class name
     * (dotted or internal) and method name are both string constants in its code.
     */
    private List<MethodRef> reflectiveTargets(MethodRef m, Set<String> invocations) {
        Program.AppClass a = program.appClass(m.owner());
        if (a == null) return List.of();
        boolean invokes = false;
        for (dev.triage.program.CallSite cs : a.calls()) {
            if (cs.caller().equals(m) && invocations.contains(cs.name())) {
                invokes = true;
                break;
            }
        }
        if (!invokes) return List.of();
        org.objectweb.asm.tree.ClassNode node = program.readCode(m.owner());
        if (node == null) return List.of();
        Set<String> strings = new HashSet<>();
        for (org.objectweb.asm.tree.MethodNode mn : node.methods) {
            if (!mn.name.equals(m.name()) || !mn.desc.equals(m.descriptor())) continue;
            for (var insn = mn.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                if (insn instanceof org.objectweb.asm.tree.LdcInsnNode ldc && ldc.cst instanceof String s) strings.add(s);
            }
        }
        List<MethodRef> out = new ArrayList<>();
        for (String s : strings) {
            Program.AppClass target = program.appClass(s.replace('.', '/'));
            if (target == null) continue;
            for (MethodInfo mi : target.info().methods()) {
                if (!mi.isAbstract() && strings.contains(mi.name())) out.add(mi.ref());
            }
        }
        return out;
    }

    /** The method overrides a framework method whose parameters the models describe (a provider's openFile, call). */
    private boolean modelledCallback(ClassInfo c, MethodInfo m) {
        if (m.isStatic()) return false;
        for (dev.triage.analysis.model.ParameterRow p : models.overrideSources(m.name())) {
            if ((p.method().anyDescriptor() || p.method().descriptor().equals(m.descriptor()))
                    && program.isSubtype(c.name(), p.method().owner())) return true;
        }
        return false;
    }

    /**
     * The method implements or overrides a method of a library, JDK or platform supertype, so code outside the app
     * may call it. A supertype the scan cannot see (not bundled, not in the platform index) is assumed to declare it;
     * the platform's own callbacks (headers without methods here) are the program's Android entry points.
     */
    private boolean overridesLibrary(ClassInfo c, MethodInfo m) {
        if (m.isStatic() || (m.access() & Opcodes.ACC_PRIVATE) != 0) return false;
        for (String s : program.supertypes(c.name())) {
            if (s.equals(c.name()) || program.isApp(s)) continue;
            ClassInfo si = program.find(s);
            if (si == null) return true;
            // platform classes are headers without methods: their callbacks are the program's entry points
            MethodInfo sm = si.method(m.name(), m.descriptor());
            if (sm != null && !sm.isStatic() && (sm.access() & Opcodes.ACC_PRIVATE) == 0) return true;
        }
        return false;
    }
}
