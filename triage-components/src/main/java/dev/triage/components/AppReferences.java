package dev.triage.components;

import dev.triage.program.EntryPoint;
import dev.triage.program.MethodRef;
import dev.triage.program.Program;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

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

    private void scan(Program.AppClass app) {
        String self = app.info().name();
        ClassReader r = new ClassReader(app.bytes());
        r.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int v, int access, String name, String sig, String sup, String[] itfs) {
                ref(sup);
                if (itfs != null) for (String i : itfs) ref(i);
            }

            @Override
            public FieldVisitor visitField(int access, String name, String desc, String sig, Object value) {
                desc(desc);
                return null;
            }

            @Override
            public org.objectweb.asm.AnnotationVisitor visitAnnotation(String desc, boolean visible) {
                desc(desc);
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String mdesc, String sig, String[] ex) {
                desc(mdesc);
                if (ex != null) for (String e : ex) ref(e);
                MethodRef caller = new MethodRef(self, name, mdesc);
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int op, String owner, String mname, String d, boolean itf) {
                        ref(owner);
                        desc(d);
                        calls.computeIfAbsent(owner + "#" + mname, k -> new ArrayList<>()).add(caller);
                    }

                    @Override
                    public void visitFieldInsn(int op, String owner, String fname, String d) {
                        ref(owner);
                        desc(d);
                    }

                    @Override
                    public void visitTypeInsn(int op, String type) {
                        ref(type);
                    }

                    @Override
                    public void visitLdcInsn(Object value) {
                        if (value instanceof Type t && t.getSort() == Type.OBJECT) ref(t.getInternalName());
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String n, String d, Handle bsm, Object... args) {
                        desc(d);
                        for (Object a : args) {
                            if (a instanceof Handle h) {
                                ref(h.getOwner());
                                calls.computeIfAbsent(h.getOwner() + "#" + h.getName(), k -> new ArrayList<>()).add(caller);
                            }
                        }
                    }

                    @Override
                    public org.objectweb.asm.AnnotationVisitor visitAnnotation(String d, boolean visible) {
                        desc(d);
                        return null;
                    }

                    @Override
                    public void visitTryCatchBlock(org.objectweb.asm.Label s, org.objectweb.asm.Label e,
                                                   org.objectweb.asm.Label h, String type) {
                        ref(type);
                    }
                };
            }

            private void ref(String internal) {
                if (internal == null || internal.equals(self)) return;
                String n = internal;
                if (n.startsWith("[")) {
                    Type t = Type.getType(n).getElementType();
                    if (t.getSort() != Type.OBJECT) return;
                    n = t.getInternalName();
                }
                classes.putIfAbsent(n, self);
            }

            private void desc(String d) {
                if (d == null) return;
                try {
                    Type t = Type.getType(d);
                    if (t.getSort() == Type.METHOD) {
                        for (Type a : t.getArgumentTypes()) typeRef(a);
                        typeRef(t.getReturnType());
                    } else {
                        typeRef(t);
                    }
                } catch (RuntimeException ignored) {
                    // malformed descriptor: nothing to record
                }
            }

            private void typeRef(Type t) {
                if (t.getSort() == Type.ARRAY) t = t.getElementType();
                if (t.getSort() == Type.OBJECT) ref(t.getInternalName());
            }
        }, ClassReader.SKIP_FRAMES | ClassReader.SKIP_DEBUG);
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
