package dev.triage.components;

import dev.triage.program.CallSite;
import dev.triage.program.EntryPoint;
import dev.triage.program.MethodRef;
import dev.triage.program.Program;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the app's own code refers to: every class named in its class files (supertypes, field and
 * method descriptors, instructions, constants), with the first app class that names it; and every
 * call site ({@code owner.name} → calling app methods), to look for vulnerable symbols.
 */
final class AppReferences {
    /** referenced class (internal name) → first referencing app class (in name order). */
    final Map<String, String> classes = new TreeMap<>();
    /** "owner#name" of called methods → app methods that call them. */
    final Map<String, List<MethodRef>> calls = new HashMap<>();
    private final Program program;
    private Set<MethodRef> reachable;

    AppReferences(Program program) {
        this.program = program;
        for (Program.AppClass app : program.appClasses()) scan(app);
    }

    /** From what the program model's one parse of the class collected (no second parse of its bytes). */
    private void scan(Program.AppClass app) {
        String self = app.info().name();
        for (String c : app.references()) classes.putIfAbsent(c, self);
        for (CallSite c : app.calls()) {
            calls.computeIfAbsent(c.owner() + "#" + c.name(), k -> new ArrayList<>()).add(c.caller());
        }
    }

    /** App methods reachable from the entry points over the call graph (all app methods when there are none). */
    synchronized Set<MethodRef> reachable() {
        if (reachable != null) return reachable;
        Set<MethodRef> seen = new HashSet<>();
        Deque<MethodRef> work = new ArrayDeque<>();
        for (EntryPoint e : program.entryPoints()) work.add(e.method());
        while (!work.isEmpty()) {
            MethodRef m = work.poll();
            if (!seen.add(m)) continue;
            work.addAll(program.callGraph().callees(m));
        }
        reachable = seen;
        return seen;
    }
}
