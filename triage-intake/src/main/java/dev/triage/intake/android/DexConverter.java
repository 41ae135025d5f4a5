package dev.triage.intake.android;

import com.googlecode.d2j.DexType;
import com.googlecode.d2j.Method;
import com.googlecode.d2j.dex.Dex2Asm;
import com.googlecode.d2j.dex.DexExceptionHandler;
import com.googlecode.d2j.dex.ExDex2Asm;
import com.googlecode.d2j.node.DexClassNode;
import com.googlecode.d2j.node.DexFileNode;
import com.googlecode.d2j.node.DexMethodNode;
import com.googlecode.d2j.node.insn.DexStmtNode;
import com.googlecode.d2j.node.insn.FieldStmtNode;
import com.googlecode.d2j.node.insn.MethodStmtNode;
import com.googlecode.d2j.node.insn.TypeStmtNode;
import com.googlecode.d2j.node.insn.ConstStmtNode;
import com.googlecode.d2j.node.insn.FilledNewArrayStmtNode;
import com.googlecode.d2j.reader.DexFileReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts the classes of one DEX file to JVM class files with dex2jar, one class at a time, so that a
 * class that fails is reported and the others are still converted. Debug information (line numbers,
 * local variable names, source file) is kept for fully converted classes.
 *
 * <p>Library classes can be converted "as headers": fields, methods (without code), annotations and the
 * class constants their code refers to (for library reachability), which is several times cheaper than
 * translating their code.
 *
 * <p>Never loads or runs the scanned code.
 */
public final class DexConverter {
    /** A class converted (bytes non-null) or not (problem non-null); notes are per-method problems. */
    public record Result(String internalName, byte[] bytes, String problem, List<String> notes) {
    }

    private final DexFileReader reader;
    private final int classCount;
    private final int maxStmtsPerMethod;
    private final java.util.Set<Integer> skip;
    @SuppressWarnings("rawtypes")
    private final Map clzInfo;

    /**
     * @param dex               the DEX file (already checked with {@link DexHeader#check} and {@link DexLayout#check})
     * @param maxStmtsPerMethod methods with more instructions than this keep their signature but their body is
     *                          replaced by a stub (reported as a note)
     * @throws IllegalArgumentException when dex2jar refuses the file
     */
    public DexConverter(byte[] dex, int maxStmtsPerMethod) {
        this(dex, maxStmtsPerMethod, java.util.Set.of());
    }

    /**
     * @param skip class definitions (by index) that {@link DexLayout} found unsound: never read, not even for the
     *             inner-class information gathered up front
     */
    public DexConverter(byte[] dex, int maxStmtsPerMethod, java.util.Set<Integer> skip) {
        this.skip = java.util.Set.copyOf(skip);
        this.reader = new DexFileReader(dex);
        this.classCount = reader.getClassSize();
        this.maxStmtsPerMethod = maxStmtsPerMethod;
        this.clzInfo = collectInnerClassInfo();
    }

    /** The internal name of class number {@code index} (without converting it), or null. */
    public String className(int index) {
        try {
            if (classNames == null) {
                classNames = reader.getClassNames();
            }
            String n = classNames.get(index);
            if (n == null) {
                return null;
            }
            if (n.startsWith("L") && n.endsWith(";")) {
                return internalName(n);
            }
            return n.replace('.', '/');
        } catch (RuntimeException e) {
            return null;
        }
    }

    private List<String> classNames;

    public int classCount() {
        return classCount;
    }

    /** Inner/enclosing class information (from the dalvik annotations of all classes), read without code. */
    @SuppressWarnings("rawtypes")
    private Map collectInnerClassInfo() {
        DexFileNode all = new DexFileNode();
        for (int i = 0; i < classCount; i++) {
            if (skip.contains(i)) continue;
            DexFileNode one = new DexFileNode();
            try {
                reader.accept(one, i, DexFileReader.SKIP_CODE | DexFileReader.SKIP_DEBUG
                        | DexFileReader.SKIP_FIELD_CONSTANT | DexFileReader.KEEP_ALL_METHODS);
                all.clzs.addAll(one.clzs);
            } catch (RuntimeException | StackOverflowError e) {
                // reported when the class itself is converted
            }
        }
        try {
            return Access.clzInfo(all);
        } catch (RuntimeException e) {
            return new HashMap<>();
        }
    }

    /** Converts class number {@code index}: its code when {@code full}, else its header only. */
    @SuppressWarnings("unchecked")
    public Result convert(int index, boolean full) {
        DexFileNode file = new DexFileNode();
        try {
            int config = DexFileReader.KEEP_ALL_METHODS | (full ? 0 : DexFileReader.SKIP_DEBUG);
            reader.accept(file, index, config);
        } catch (RuntimeException | StackOverflowError e) {
            return new Result(null, null, "corrupt DEX class definition #" + index + ": " + describe(e), List.of());
        }
        if (file.clzs.isEmpty()) {
            return new Result(null, null, "DEX class definition #" + index + " could not be read", List.of());
        }
        DexClassNode node = file.clzs.get(0);
        String name = internalName(node.className);
        if (name == null) {
            return new Result(null, null, "DEX class definition #" + index + " has an invalid class name", List.of());
        }
        List<String> notes = new ArrayList<>();
        Set<String> referenced = new LinkedHashSet<>();
        Set<String> dropped = new HashSet<>();
        for (DexMethodNode m : node.methods == null ? List.<DexMethodNode>of() : node.methods) {
            if (m.codeNode == null || m.codeNode.stmts == null) {
                continue;
            }
            if (!full) {
                collectTypes(m.codeNode.stmts, referenced);
                m.codeNode = null;
            } else if (m.codeNode.stmts.size() > maxStmtsPerMethod) {
                notes.add("method " + m.method.getName() + m.method.getDesc() + " has " + m.codeNode.stmts.size()
                        + " instructions, more than the limit of " + maxStmtsPerMethod + "; its body was not converted");
                m.codeNode = null; // keeps its signature; a stub body is written below
                dropped.add(m.method.getName() + m.method.getDesc());
            }
        }
        Map<String, List<String>> paramNames = new HashMap<>();
        if (full) {
            for (DexMethodNode m : node.methods == null ? List.<DexMethodNode>of() : node.methods) {
                if (m.codeNode != null && m.codeNode.debugNode != null && m.codeNode.debugNode.parameterNames != null) {
                    paramNames.put(m.method.getName() + m.method.getDesc(), m.codeNode.debugNode.parameterNames);
                }
            }
        }
        byte[][] out = new byte[1][];
        Set<String> failedMethods = new LinkedHashSet<>();
        DexExceptionHandler handler = new DexExceptionHandler() {
            @Override
            public void handleFileException(Exception e) {
            }

            @Override
            public void handleMethodTranslateException(Method method, DexMethodNode node, MethodVisitor mv, Exception e) {
                failedMethods.add(method.getName() + method.getDesc() + ": " + describe(e));
                writeStub(mv);
            }
        };
        try {
            new ExDex2Asm(handler).convertClass(node, className -> new ClassVisitor(Opcodes.ASM9,
                    new ClassWriter(ClassWriter.COMPUTE_MAXS)) {
                private boolean sourceSeen;

                @Override
                public void visit(int version, int access, String cname, String sig, String sup, String[] itfs) {
                    super.visit(version, access, cname, sig, sup, itfs);
                    if (node.source != null && !node.source.isEmpty()) {
                        super.visitSource(node.source, null); // dex2jar does not write the source file
                        sourceSeen = true;
                    }
                }

                @Override
                public void visitSource(String source, String debug) {
                    if (!sourceSeen) {
                        super.visitSource(source, debug);
                    }
                }

                @Override
                public MethodVisitor visitMethod(int access, String mname, String desc, String sig, String[] exc) {
                    MethodVisitor mv = super.visitMethod(access, mname, desc, sig, exc);
                    if (full && (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0
                            && dropped.contains(mname + desc)) {
                        return new MethodVisitor(Opcodes.ASM9, mv) {
                            @Override
                            public void visitEnd() {
                                writeStub(mv);
                                super.visitEnd();
                            }
                        };
                    }
                    List<String> params = full ? paramNames.get(mname + desc) : null;
                    if (params == null || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
                        return mv;
                    }
                    return new ParameterNames(mv, access, desc, params);
                }

                @Override
                public void visitEnd() {
                    ClassWriter cw = (ClassWriter) cv;
                    for (String t : referenced) {
                        cw.newClass(t);
                    }
                    super.visitEnd();
                    out[0] = cw.toByteArray();
                }
            }, clzInfo);
        } catch (RuntimeException | StackOverflowError e) {
            return new Result(name, null, "cannot convert DEX class " + name.replace('/', '.') + ": " + describe(e),
                    List.of());
        }
        for (String f : failedMethods) {
            notes.add("method " + f + " could not be converted; its body was replaced by a stub");
        }
        if (out[0] == null) {
            return new Result(name, null, "cannot convert DEX class " + name.replace('/', '.'), List.of());
        }
        return new Result(name, out[0], null, notes);
    }

    /**
     * Writes the DEX debug parameter names: the MethodParameters attribute, and LocalVariableTable entries
     * for parameters from the method start until their slot is first overwritten (dex2jar itself writes no
     * local variable table; names of other locals are not recoverable after its register allocation).
     */
    private static final class ParameterNames extends MethodVisitor {
        private final boolean isStatic;
        private final org.objectweb.asm.Type[] args;
        private final List<String> names;
        private final Map<Integer, org.objectweb.asm.Label> overwritten = new HashMap<>();
        private final org.objectweb.asm.Label start = new org.objectweb.asm.Label();
        private boolean started;

        ParameterNames(MethodVisitor mv, int access, String desc, List<String> names) {
            super(Opcodes.ASM9, mv);
            this.isStatic = (access & Opcodes.ACC_STATIC) != 0;
            this.args = org.objectweb.asm.Type.getArgumentTypes(desc);
            this.names = names;
        }

        @Override
        public void visitCode() {
            if (started) {
                return; // ExDex2Asm replays a converted body: visitCode can come twice
            }
            started = true;
            for (int i = 0; i < args.length; i++) {
                super.visitParameter(i < names.size() ? names.get(i) : null, 0);
            }
            super.visitCode();
            super.visitLabel(start);
        }

        @Override
        public void visitVarInsn(int opcode, int var) {
            if (opcode >= Opcodes.ISTORE && opcode <= Opcodes.ASTORE) {
                overwrite(var);
            }
            super.visitVarInsn(opcode, var);
        }

        @Override
        public void visitIincInsn(int var, int increment) {
            overwrite(var);
            super.visitIincInsn(var, increment);
        }

        /** The parameter in this slot (if any) is live until here: its table entry ends before the store. */
        private void overwrite(int var) {
            if (!overwritten.containsKey(var)) {
                org.objectweb.asm.Label l = new org.objectweb.asm.Label();
                super.visitLabel(l);
                overwritten.put(var, l);
            }
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            org.objectweb.asm.Label end = new org.objectweb.asm.Label();
            super.visitLabel(end);
            int slot = isStatic ? 0 : 1;
            for (int i = 0; i < args.length; i++) {
                String n = i < names.size() ? names.get(i) : null;
                org.objectweb.asm.Label until = overwritten.getOrDefault(slot, end);
                if (n != null && !n.isEmpty() && until != start) {
                    super.visitLocalVariable(n, args[i].getDescriptor(), null, start, until, slot);
                }
                slot += args[i].getSize();
            }
            super.visitMaxs(maxStack, maxLocals);
        }
    }

    private static void writeStub(MethodVisitor mv) {
        mv.visitCode();
        mv.visitTypeInsn(Opcodes.NEW, "java/lang/RuntimeException");
        mv.visitInsn(Opcodes.DUP);
        mv.visitLdcInsn("triage: method body not converted from DEX");
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/RuntimeException", "<init>", "(Ljava/lang/String;)V",
                false);
        mv.visitInsn(Opcodes.ATHROW);
        mv.visitMaxs(3, 0);
    }

    private static void collectTypes(List<DexStmtNode> stmts, Set<String> out) {
        for (DexStmtNode s : stmts) {
            if (s instanceof TypeStmtNode t) {
                addType(t.type, out);
            } else if (s instanceof MethodStmtNode m && m.method != null) {
                addType(m.method.getOwner(), out);
            } else if (s instanceof FieldStmtNode f && f.field != null) {
                addType(f.field.getOwner(), out);
            } else if (s instanceof ConstStmtNode c && c.value instanceof DexType d) {
                addType(d.desc, out);
            } else if (s instanceof FilledNewArrayStmtNode a) {
                addType(a.type, out);
            }
        }
    }

    private static void addType(String desc, Set<String> out) {
        if (desc == null) {
            return;
        }
        String d = desc;
        while (d.startsWith("[")) {
            d = d.substring(1);
        }
        if (d.startsWith("L") && d.endsWith(";") && d.length() > 2) {
            out.add(d.substring(1, d.length() - 1));
        }
    }

    /** {@code Lcom/acme/Foo;} → {@code com/acme/Foo}, or null when it is not a class descriptor. */
    static String internalName(String desc) {
        if (desc == null || desc.length() < 3 || desc.charAt(0) != 'L' || !desc.endsWith(";")) {
            return null;
        }
        return desc.substring(1, desc.length() - 1);
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        String s = e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
        s = s.replace('\n', ' ').replace('\r', ' ');
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    /** Opens the protected static helper of Dex2Asm. */
    private static final class Access extends Dex2Asm {
        @SuppressWarnings("rawtypes")
        static Map clzInfo(DexFileNode file) {
            return collectClzInfo(file);
        }
    }

}
