package dev.triage.program;

import dev.triage.intake.CodeRole;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.ModuleVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.TypePath;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads class bytes for the program model. Library classes: the header only ({@code SKIP_CODE}). App classes: the one
 * full parse of their bytes — every attribute, annotation value and instruction that {@link Program#readCode} will read
 * later, with the same flags — which also collects what the later stages need without parsing again: the call sites
 * (call graph, the components' vulnerable-symbol search) and the classes the code refers to. A class that fails here
 * is left out of the model as a problem line, so no later stage meets bytes that ASM cannot read.
 */
final class HeaderReader {
    /** The flags of {@link Program#readCode}: the guarded parse must read at least what it reads. */
    static final int CODE_FLAGS = ClassReader.SKIP_FRAMES;

    private HeaderReader() {
    }

    /** What the full parse of an app class gives. */
    record Parsed(ClassInfo info, List<CallSite> calls, List<String> references, List<CallSite> staticWrites) {
    }

    static ClassInfo read(byte[] bytes, CodeRole role, String origin) {
        ClassReader reader = new ClassReader(bytes);
        Collector c = new Collector(false);
        reader.accept(c, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
        return c.info(role, origin);
    }

    /**
     * @param strings one copy of each owner, name and descriptor over the whole program: call sites are kept for the
     *                whole scan, and each class's reader makes its own copies of the same strings
     */
    static Parsed readApp(byte[] bytes, CodeRole role, String origin, java.util.Map<String, String> strings) {
        ClassReader reader = new ClassReader(bytes);
        Collector c = new Collector(true);
        c.strings = strings;
        reader.accept(c, CODE_FLAGS);
        return new Parsed(c.info(role, origin), List.copyOf(c.calls), List.copyOf(c.references), List.copyOf(c.staticWrites));
    }

    /** Visits every annotation value (so the reader resolves each constant), keeps nothing. */
    private static final AnnotationVisitor ANY = new AnnotationVisitor(Opcodes.ASM9) {
        @Override
        public AnnotationVisitor visitAnnotation(String name, String descriptor) {
            return this;
        }

        @Override
        public AnnotationVisitor visitArray(String name) {
            return this;
        }
    };

    private static final class Collector extends ClassVisitor {
        private final boolean full;
        String name;
        String superName;
        List<String> interfaces = List.of();
        int access;
        String sourceFile;
        final List<MethodInfo> methods = new ArrayList<>();
        final List<FieldInfo> fields = new ArrayList<>();
        final List<String> annotations = new ArrayList<>();
        final List<CallSite> calls = new ArrayList<>();
        /** PUTSTATIC instructions, as sites whose owner, name and descriptor are the field's. */
        final List<CallSite> staticWrites = new ArrayList<>();
        final Set<String> references = new LinkedHashSet<>();
        java.util.Map<String, String> strings = new java.util.HashMap<>();

        Collector(boolean full) {
            super(Opcodes.ASM9);
            this.full = full;
        }

        ClassInfo info(CodeRole role, String origin) {
            return new ClassInfo(name, superName, interfaces, access, sourceFile, role, origin, methods, fields, annotations);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] itfs) {
            this.name = name;
            this.access = access;
            this.superName = superName;
            this.interfaces = itfs == null ? List.of() : Arrays.asList(itfs);
            if (full) {
                ref(superName);
                if (itfs != null) for (String i : itfs) ref(i);
            }
        }

        @Override
        public void visitSource(String source, String debug) {
            this.sourceFile = source;
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            annotations.add(descriptor);
            if (!full) return null;
            desc(descriptor);
            return ANY;
        }

        @Override
        public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
            return full ? ANY : null;
        }

        @Override
        public ModuleVisitor visitModule(String module, int access, String version) {
            return full ? new ModuleVisitor(Opcodes.ASM9) { } : null;
        }

        @Override
        public RecordComponentVisitor visitRecordComponent(String rname, String descriptor, String signature) {
            if (!full) return null;
            return new RecordComponentVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String d, boolean visible) {
                    return ANY;
                }

                @Override
                public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String d, boolean visible) {
                    return ANY;
                }
            };
        }

        @Override
        public FieldVisitor visitField(int access, String fname, String descriptor, String signature, Object value) {
            List<String> anns = new ArrayList<>();
            if (full) desc(descriptor);
            return new FieldVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String d, boolean visible) {
                    anns.add(d);
                    return full ? ANY : null;
                }

                @Override
                public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String d, boolean visible) {
                    return full ? ANY : null;
                }

                @Override
                public void visitEnd() {
                    fields.add(new FieldInfo(name, fname, descriptor, access, value, anns));
                }
            };
        }

        @Override
        public MethodVisitor visitMethod(int access, String mname, String descriptor, String signature, String[] ex) {
            List<String> anns = new ArrayList<>();
            MethodRef caller = full ? new MethodRef(name, mname, descriptor) : null;
            if (full) {
                desc(descriptor);
                if (ex != null) for (String e : ex) ref(e);
            }
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String d, boolean visible) {
                    anns.add(d);
                    if (!full) return null;
                    desc(d);
                    return ANY;
                }

                @Override
                public AnnotationVisitor visitAnnotationDefault() {
                    return full ? ANY : null;
                }

                @Override
                public AnnotationVisitor visitParameterAnnotation(int parameter, String d, boolean visible) {
                    return full ? ANY : null;
                }

                @Override
                public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String d, boolean visible) {
                    return full ? ANY : null;
                }

                @Override
                public AnnotationVisitor visitInsnAnnotation(int typeRef, TypePath typePath, String d, boolean visible) {
                    return full ? ANY : null;
                }

                @Override
                public AnnotationVisitor visitTryCatchAnnotation(int typeRef, TypePath typePath, String d, boolean visible) {
                    return full ? ANY : null;
                }

                @Override
                public AnnotationVisitor visitLocalVariableAnnotation(int typeRef, TypePath typePath, Label[] start,
                                                                      Label[] end, int[] index, String d, boolean visible) {
                    return full ? ANY : null;
                }

                @Override
                public void visitMethodInsn(int op, String owner, String callee, String d, boolean itf) {
                    ref(owner);
                    desc(d);
                    calls.add(new CallSite(caller, op, canon(owner), canon(callee), canon(d)));
                }

                @Override
                public void visitFieldInsn(int op, String owner, String fname, String d) {
                    ref(owner);
                    desc(d);
                    if (op == Opcodes.PUTSTATIC) staticWrites.add(new CallSite(caller, op, canon(owner), canon(fname), canon(d)));
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
                            calls.add(new CallSite(caller, CallSite.HANDLE, canon(h.getOwner()), canon(h.getName()),
                                    canon(h.getDesc())));
                        }
                    }
                }

                @Override
                public void visitTryCatchBlock(Label s, Label e, Label h, String type) {
                    ref(type);
                }

                @Override
                public void visitEnd() {
                    methods.add(new MethodInfo(name, mname, descriptor, access, anns));
                }
            };
        }

        /** A class the code names (arrays by their element class), itself excluded. */
        private void ref(String internal) {
            if (internal == null || internal.equals(name)) return;
            String n = internal;
            if (n.startsWith("[")) {
                try {
                    Type t = Type.getType(n).getElementType();
                    if (t.getSort() != Type.OBJECT) return;
                    n = t.getInternalName();
                } catch (RuntimeException e) {
                    return; // a malformed array descriptor names no class
                }
            }
            references.add(canon(n));
        }

        private String canon(String s) {
            String c = strings.putIfAbsent(s, s);
            return c == null ? s : c;
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
                // a malformed descriptor: nothing to record
            }
        }

        private void typeRef(Type t) {
            if (t.getSort() == Type.ARRAY) t = t.getElementType();
            if (t.getSort() == Type.OBJECT) ref(t.getInternalName());
        }
    }
}
