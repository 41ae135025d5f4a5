package dev.triage.program;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
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
            String className = app.info().name();
            ClassReader reader = new ClassReader(app.bytes());
            reader.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                    MethodRef caller = new MethodRef(className, name, desc);
                    return new MethodVisitor(Opcodes.ASM9) {
                        private void edge(MethodRef target) {
                            if (callees.computeIfAbsent(caller, k -> new TreeSet<>()).add(target)) {
                                callers.computeIfAbsent(target, k -> new TreeSet<>()).add(caller);
                                edges[0]++;
                            }
                        }

                        @Override
                        public void visitMethodInsn(int opcode, String owner, String mname, String mdesc, boolean itf) {
                            if (owner.startsWith("[")) return;
                            String key = opcode + " " + owner + " " + mname + mdesc;
                            for (MethodRef t : resolved.computeIfAbsent(key,
                                    k -> resolve(program, opcode, owner, mname, mdesc))) {
                                edge(t);
                            }
                        }

                        @Override
                        public void visitInvokeDynamicInsn(String iname, String idesc, Handle bsm, Object... args) {
                            for (Object a : args) {
                                if (a instanceof Handle h && program.isApp(h.getOwner())) {
                                    edge(new MethodRef(h.getOwner(), h.getName(), h.getDesc()));
                                }
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        }
        return new CallGraph(callees, callers, edges[0]);
    }
}
