package dev.triage.program;

import org.objectweb.asm.Opcodes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Class-hierarchy-analysis call graph over app code. A virtual call on {@code T.m} may reach the
 * implementation {@code T} inherits and every override in an app subtype of {@code T}. Lambdas and
 * method references are edges from the creating method to the implementation method. Only edges
 * into app methods are kept: library code is described by models, not analysed.
 */
public final class CallGraph {
    private final Map<MethodRef, Set<MethodRef>> callees;
    private final Map<MethodRef, Set<MethodRef>> callers;
    private final int edgeCount;

    private CallGraph(Map<MethodRef, Set<MethodRef>> callees, Map<MethodRef, Set<MethodRef>> callers, int edges) {
        this.callees = callees;
        this.callers = callers;
        this.edgeCount = edges;
    }

    /** App methods the given method may call (sorted). */
    public Set<MethodRef> callees(MethodRef m) {
        return callees.getOrDefault(m, Collections.emptySet());
    }

    /** App methods that may call the given method (sorted). */
    public Set<MethodRef> callers(MethodRef m) {
        return callers.getOrDefault(m, Collections.emptySet());
    }

    public int edgeCount() {
        return edgeCount;
    }

    /** Targets in app code of a call instruction, by class-hierarchy analysis. */
    public static List<MethodRef> resolve(Program program, int opcode, String owner, String name, String desc) {
        List<MethodRef> out = new ArrayList<>();
        if (opcode == Opcodes.INVOKESTATIC || opcode == Opcodes.INVOKESPECIAL) {
            MethodInfo m = program.resolveMethod(owner, name, desc);
            if (m != null && program.isApp(m.owner()) && !m.isAbstract()) out.add(m.ref());
            return out;
        }
        MethodInfo inherited = program.resolveMethod(owner, name, desc);
        if (inherited != null && program.isApp(inherited.owner()) && !inherited.isAbstract()) out.add(inherited.ref());
        for (String sub : program.subtypes(owner)) {
            if (!program.isApp(sub)) continue;
            ClassInfo ci = program.find(sub);
            MethodInfo m = ci.method(name, desc);
            if (m != null && !m.isAbstract() && !m.isStatic()) out.add(m.ref());
        }
        return out;
    }

    static CallGraph build(Program program) {
        Map<MethodRef, Set<MethodRef>> callees = new HashMap<>();
        Map<MethodRef, Set<MethodRef>> callers = new HashMap<>();
        Map<String, List<MethodRef>> resolved = new HashMap<>();
        int[] edges = {0};
        for (Program.AppClass app : program.appClasses()) {
            // the call sites the program model's one parse of the class collected
            for (CallSite c : app.calls()) {
                if (c.opcode() == CallSite.HANDLE) {
                    if (program.isApp(c.owner())) edge(callees, callers, edges, c.caller(), new MethodRef(c.owner(), c.name(), c.descriptor()));
                    continue;
                }
                if (c.owner().startsWith("[")) continue;
                String key = c.opcode() + " " + c.owner() + " " + c.name() + c.descriptor();
                for (MethodRef t : resolved.computeIfAbsent(key, k -> resolve(program, c.opcode(), c.owner(), c.name(), c.descriptor()))) {
                    edge(callees, callers, edges, c.caller(), t);
                }
            }
        }
        return new CallGraph(callees, callers, edges[0]);
    }

    private static void edge(Map<MethodRef, Set<MethodRef>> callees, Map<MethodRef, Set<MethodRef>> callers, int[] edges,
                             MethodRef caller, MethodRef target) {
        if (callees.computeIfAbsent(caller, k -> new TreeSet<>()).add(target)) {
            callers.computeIfAbsent(target, k -> new TreeSet<>()).add(caller);
            edges[0]++;
        }
    }
}
