package dev.triage.analysis.value;

import dev.triage.analysis.model.Models;
import dev.triage.analysis.model.Position;
import dev.triage.analysis.model.SanitizerRow;
import dev.triage.analysis.model.SummaryRow;
import dev.triage.program.ClassInfo;
import dev.triage.program.Program;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Interpreter;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Summaries of library methods that no model row describes, computed from the library's own bytecode when a call
 * needs one (issue 19): which inputs (the receiver, the declared parameters) flow into the result and into the
 * receiver, and whether the method returns its receiver (a fluent call). The analysis is a small data-flow over the
 * method's instructions: a field read of an object carries what the object carries, a field or array store into the
 * receiver (or into an object read from it) makes the stored value flow into the receiver, and a call inside it is
 * described by the models' summary rows, neutral rows and sanitizers, else by its own computed summary, up to
 * {@link #MAX_DEPTH} calls deep; beyond that, or for code Triage does not have (an interface, a native method), a
 * call returning text, bytes or a number carries its inputs and any other call carries nothing.
 *
 * <p>Budget: a method longer than {@link #MAX_INSTRUCTIONS} instructions, or not available, has no summary. A summary
 * depends only on the method's code, the models and the depth it was computed at, never on the order it was asked
 * in, so results are deterministic; they are kept for the JVM's life per library version (the archive's SHA-256, or
 * the JDK's version) and model set ({@link #CACHE}), so that a second scan of an app bundling the same jars, in the
 * same process, reuses them.
 */
public final class LibraryCodeSummaries {
    /** Nested calls followed into library code. */
    public static final int MAX_DEPTH = 3;
    /** Longest method body analysed. */
    public static final int MAX_INSTRUCTIONS = 1500;
    static final long THIS_BIT = 1L;

    /** A computed summary; {@link #NONE} when the method could not be summarised. */
    public record Summary(long toReturn, long toThis, boolean returnsThis, boolean known) {
        static final Summary NONE = new Summary(0, 0, false, false);

        /** Whether the input ({@code -1} the receiver, else a declared parameter) flows to the result. */
        public boolean flowsToReturn(int input) {
            return (toReturn & bit(input)) != 0;
        }

        public boolean flowsToThis(int input) {
            return (toThis & bit(input)) != 0;
        }

        /** Whether the summary says anything beyond "no flow". */
        public boolean anyFlow() {
            return known && (toReturn != 0 || toThis != 0 || returnsThis);
        }
    }

    static long bit(int input) {
        return input < 0 ? THIS_BIT : input < 62 ? 1L << (input + 1) : 0;
    }

    /** Library version key + model fingerprint + method + depth → summary, for the JVM's life. */
    private static final Map<String, Summary> CACHE = new ConcurrentHashMap<>();
    private static final AtomicLong COMPUTED = new AtomicLong();
    private static final AtomicLong REUSED = new AtomicLong();

    private final Program program;
    private final Models models;
    private final String modelsKey;
    /** This scan's answers by method and depth (also those with no version key, which are not shared). */
    private final Map<String, Summary> local = new ConcurrentHashMap<>();

    public LibraryCodeSummaries(Program program, Models models) {
        this.program = program;
        this.models = models;
        this.modelsKey = Integer.toHexString(System.identityHashCode(models));
    }

    /** Summaries computed, and reused from earlier scans in this JVM, since it started (for --stats). */
    public static long[] counters() {
        return new long[] {COMPUTED.get(), REUSED.get()};
    }

    /** The summary of a library method as called on {@code owner} (resolved up its superclasses), at full depth. */
    public Summary of(String owner, String name, String desc) {
        return of(owner, name, desc, MAX_DEPTH);
    }

    private Summary of(String owner, String name, String desc, int depth) {
        if (depth <= 0 || owner == null || owner.startsWith("[") || program.isApp(owner)) return Summary.NONE;
        String declaring = declaringClass(owner, name, desc);
        if (declaring == null) return Summary.NONE;
        String id = declaring + "." + name + desc + "@" + depth;
        Summary s = local.get(id);
        if (s != null) return s;
        String version = program.libraryVersionKey(declaring);
        String shared = version == null ? null : version + "|" + modelsKey + "|" + id;
        if (shared != null) {
            s = CACHE.get(shared);
            if (s != null) {
                REUSED.incrementAndGet();
                local.put(id, s);
                return s;
            }
        }
        s = compute(declaring, name, desc, depth);
        COMPUTED.incrementAndGet();
        local.putIfAbsent(id, s);
        if (shared != null) CACHE.putIfAbsent(shared, s);
        return s;
    }

    /** The class up the superclass chain of {@code owner} that declares the method with code, or null. */
    private String declaringClass(String owner, String name, String desc) {
        String c = owner;
        for (int guard = 0; c != null && guard < 20; guard++) {
            ClassInfo info = program.find(c);
            if (info == null || info.isApp()) return null;
            if (info.method(name, desc) != null) return info.isInterface() ? null : c;
            if (name.equals("<init>")) return null;
            c = info.superName();
        }
        return null;
    }

    /** Recently read library class files (compact: the code is parsed one method at a time from them). */
    private final Map<String, byte[]> classFiles = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> e) {
            return size() > 64;
        }
    });

    /** One method of a library class, parsed alone (no debug information, no frames), or null. */
    private MethodNode method(String owner, String name, String desc) {
        byte[] bytes = classFiles.get(owner);
        if (bytes == null) {
            bytes = program.libraryClassFile(owner);
            if (bytes == null) return null;
            classFiles.put(owner, bytes);
        }
        MethodNode[] found = new MethodNode[1];
        try {
            new org.objectweb.asm.ClassReader(bytes).accept(new org.objectweb.asm.ClassVisitor(Opcodes.ASM9) {
                @Override
                public org.objectweb.asm.MethodVisitor visitMethod(int access, String n, String d, String signature, String[] exceptions) {
                    if (!n.equals(name) || !d.equals(desc)) return null;
                    found[0] = new MethodNode(Opcodes.ASM9, access, n, d, signature, exceptions);
                    return found[0];
                }
            }, org.objectweb.asm.ClassReader.SKIP_DEBUG | org.objectweb.asm.ClassReader.SKIP_FRAMES);
        } catch (RuntimeException e) {
            return null;
        }
        return found[0];
    }

    private Summary compute(String owner, String name, String desc, int depth) {
        MethodNode m = method(owner, name, desc);
        if (m == null || (m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0
                || m.instructions.size() == 0 || m.instructions.size() > MAX_INSTRUCTIONS) {
            return Summary.NONE;
        }
        Flow flow = new Flow(depth, (m.access & Opcodes.ACC_STATIC) == 0);
        try {
            new Analyzer<>(flow).analyze(owner, m);
        } catch (AnalyzerException | RuntimeException e) {
            return Summary.NONE;
        }
        return new Summary(flow.toReturn, flow.toThis, flow.returnsThis && flow.returns > 0, true);
    }

    /** What a value is derived from: a bit set of inputs; {@code exactThis} when it is the receiver itself. */
    record Src(int size, long bits, boolean exactThis, int site) implements org.objectweb.asm.tree.analysis.Value {
        Src(int size, long bits, boolean exactThis) {
            this(size, bits, exactThis, -1);
        }

        @Override
        public int getSize() {
            return size;
        }
    }

    private static final Src EMPTY1 = new Src(1, 0, false);
    private static final Src EMPTY2 = new Src(2, 0, false);

    private static Src of(Type t, long bits) {
        return new Src(t == null ? 1 : Math.max(1, t.getSize()), bits, false);
    }

    /** The data-flow over one library method. */
    private final class Flow extends Interpreter<Src> {
        final int depth;
        final boolean instance;
        long toReturn;
        long toThis;
        boolean returnsThis = true;
        int returns;
        int paramLocalsSeen;
        final Map<AbstractInsnNode, Integer> siteIds = new java.util.IdentityHashMap<>();
        /** What the constructor call on an object made at a site stored into it. */
        final Map<Integer, Long> siteBits = new java.util.HashMap<>();

        /** The inputs a value is derived from, with what was stored into an object made here. */
        long eff(Src v) {
            if (v == null) return 0;
            return v.site() < 0 ? v.bits() : v.bits() | siteBits.getOrDefault(v.site(), 0L);
        }

        Flow(int depth, boolean instance) {
            super(Opcodes.ASM9);
            this.depth = depth;
            this.instance = instance;
        }

        @Override
        public Src newValue(Type type) {
            if (type == null) return EMPTY1;
            if (type.getSort() == Type.VOID) return null;
            return type.getSize() == 2 ? EMPTY2 : EMPTY1;
        }

        @Override
        public Src newParameterValue(boolean isInstanceMethod, int local, Type type) {
            if (isInstanceMethod && local == 0) return new Src(1, THIS_BIT, true);
            // parameters in declaration order (locals of wide types take two slots)
            int index = paramLocalsSeen++;
            return new Src(type.getSize(), bit(index), false);
        }

        @Override
        public Src newEmptyValue(int local) {
            return EMPTY1;
        }

        @Override
        public Src newReturnTypeValue(Type type) {
            return newValue(type);
        }

        @Override
        public Src newOperation(AbstractInsnNode insn) {
            return switch (insn.getOpcode()) {
                case Opcodes.LCONST_0, Opcodes.LCONST_1, Opcodes.DCONST_0, Opcodes.DCONST_1 -> EMPTY2;
                case Opcodes.LDC -> {
                    Object c = ((org.objectweb.asm.tree.LdcInsnNode) insn).cst;
                    yield c instanceof Long || c instanceof Double ? EMPTY2 : EMPTY1;
                }
                case Opcodes.GETSTATIC -> Type.getType(((FieldInsnNode) insn).desc).getSize() == 2 ? EMPTY2 : EMPTY1;
                // an object made here: what its constructor stores into it is remembered per site
                case Opcodes.NEW -> new Src(1, 0, false, siteIds.computeIfAbsent(insn, k -> siteIds.size()));
                default -> EMPTY1;
            };
        }

        @Override
        public Src copyOperation(AbstractInsnNode insn, Src value) {
            return value;
        }

        @Override
        public Src unaryOperation(AbstractInsnNode insn, Src v) {
            switch (insn.getOpcode()) {
                case Opcodes.GETFIELD: {
                    Type t = Type.getType(((FieldInsnNode) insn).desc);
                    return of(t, eff(v));
                }
                case Opcodes.CHECKCAST:
                    return v;
                case Opcodes.I2L: case Opcodes.I2D: case Opcodes.F2L: case Opcodes.F2D: case Opcodes.LNEG: case Opcodes.DNEG:
                case Opcodes.L2D: case Opcodes.D2L:
                    return new Src(2, eff(v), false);
                case Opcodes.IFEQ: case Opcodes.IFNE: case Opcodes.IFLT: case Opcodes.IFGE: case Opcodes.IFGT: case Opcodes.IFLE:
                case Opcodes.TABLESWITCH: case Opcodes.LOOKUPSWITCH: case Opcodes.PUTSTATIC: case Opcodes.ATHROW:
                case Opcodes.MONITORENTER: case Opcodes.MONITOREXIT: case Opcodes.IFNULL: case Opcodes.IFNONNULL:
                    return null;
                case Opcodes.IRETURN: case Opcodes.LRETURN: case Opcodes.FRETURN: case Opcodes.DRETURN: case Opcodes.ARETURN:
                    return null;
                case Opcodes.NEWARRAY: case Opcodes.ANEWARRAY: case Opcodes.INSTANCEOF:
                    return EMPTY1;
                default:
                    return new Src(1, eff(v), false);
            }
        }

        @Override
        public Src binaryOperation(AbstractInsnNode insn, Src a, Src b) {
            switch (insn.getOpcode()) {
                case Opcodes.PUTFIELD:
                    // a store into the receiver, or into an object it holds: the value now flows into the receiver
                    if ((eff(a) & THIS_BIT) != 0) toThis |= eff(b) & ~THIS_BIT;
                    return null;
                case Opcodes.IF_ICMPEQ: case Opcodes.IF_ICMPNE: case Opcodes.IF_ICMPLT: case Opcodes.IF_ICMPGE:
                case Opcodes.IF_ICMPGT: case Opcodes.IF_ICMPLE: case Opcodes.IF_ACMPEQ: case Opcodes.IF_ACMPNE:
                    return null;
                case Opcodes.LALOAD: case Opcodes.DALOAD:
                    return new Src(2, eff(a), false);
                case Opcodes.IALOAD: case Opcodes.BALOAD: case Opcodes.CALOAD: case Opcodes.SALOAD: case Opcodes.FALOAD:
                case Opcodes.AALOAD:
                    return new Src(1, eff(a), false);
                case Opcodes.LADD: case Opcodes.LSUB: case Opcodes.LMUL: case Opcodes.LDIV: case Opcodes.LREM: case Opcodes.LSHL:
                case Opcodes.LSHR: case Opcodes.LUSHR: case Opcodes.LAND: case Opcodes.LOR: case Opcodes.LXOR: case Opcodes.DADD:
                case Opcodes.DSUB: case Opcodes.DMUL: case Opcodes.DDIV: case Opcodes.DREM:
                    return new Src(2, eff(a) | eff(b), false);
                default:
                    return new Src(1, eff(a) | eff(b), false);
            }
        }

        @Override
        public Src ternaryOperation(AbstractInsnNode insn, Src array, Src index, Src value) {
            // a store into an array the receiver holds
            if ((eff(array) & THIS_BIT) != 0) toThis |= eff(value) & ~THIS_BIT;
            return null;
        }

        @Override
        public Src naryOperation(AbstractInsnNode insn, List<? extends Src> values) {
            if (insn instanceof InvokeDynamicInsnNode indy) {
                // string concatenation and captured lambdas: derived from every captured value
                long bits = 0;
                for (Src v : values) bits |= eff(v);
                return of(Type.getReturnType(indy.desc), bits);
            }
            if (!(insn instanceof MethodInsnNode mi)) return EMPTY1;
            Type ret = Type.getReturnType(mi.desc);
            boolean hasReceiver = mi.getOpcode() != Opcodes.INVOKESTATIC;
            Src receiver = hasReceiver ? values.get(0) : null;
            List<? extends Src> args = hasReceiver ? values.subList(1, values.size()) : values;
            long result = 0;
            boolean resultIsReceiver = false;
            Callee callee = callee(mi);
            if (callee.neutral) {
                result = 0;
            } else if (callee.rows != null) {
                for (SummaryRow r : callee.rows) {
                    long from = 0;
                    for (int f : r.from()) {
                        if (f == Position.ANY) {
                            if (receiver != null) from |= eff(receiver);
                            for (Src a : args) from |= eff(a);
                        } else if (f == Position.THIS) {
                            if (receiver != null) from |= eff(receiver);
                        } else if (f >= 0 && f < args.size()) {
                            from |= eff(args.get(f));
                        }
                    }
                    if (r.to() == Position.RETURN) result |= from;
                    else if (r.to() == Position.THIS && receiver != null) intoReceiver(receiver, from);
                }
            } else if (callee.summary != null && callee.summary.known()) {
                Summary s = callee.summary;
                if (receiver != null && s.flowsToReturn(-1)) result |= eff(receiver);
                for (int i = 0; i < args.size(); i++) {
                    if (s.flowsToReturn(i)) result |= eff(args.get(i));
                    if (receiver != null && s.flowsToThis(i)) intoReceiver(receiver, eff(args.get(i)));
                }
                if (s.returnsThis() && receiver != null) {
                    result |= eff(receiver);
                    resultIsReceiver = receiver.exactThis();
                }
            } else if (!callee.sanitizer && CallLabels.carriesData(ret)) {
                // code Triage does not have: text, bytes and numbers carry their inputs (as for unmodelled app calls)
                if (receiver != null) result |= eff(receiver);
                for (Src a : args) result |= eff(a);
            }
            if (ret.getSort() == Type.VOID) return null;
            return new Src(ret.getSize(), result, resultIsReceiver);
        }

        /** Data flows into the object a call is made on: the method's own receiver (or what it holds), or a new object. */
        private void intoReceiver(Src receiver, long from) {
            if ((eff(receiver) & THIS_BIT) != 0) toThis |= from & ~THIS_BIT;
            if (receiver.site() >= 0) siteBits.merge(receiver.site(), from, (x, y) -> x | y);
        }

        @Override
        public void returnOperation(AbstractInsnNode insn, Src value, Src expected) {
            returns++;
            toReturn |= eff(value);
            if (!value.exactThis()) returnsThis = false;
        }

        @Override
        public Src merge(Src a, Src b) {
            if (a.equals(b)) return a;
            return new Src(Math.min(a.size(), b.size()), eff(a) | eff(b), a.exactThis() && b.exactThis(),
                    a.site() == b.site() ? a.site() : -1);
        }

        private record Callee(boolean neutral, boolean sanitizer, List<SummaryRow> rows, Summary summary) {
        }

        private Callee callee(MethodInsnNode mi) {
            for (var n : models.neutralsNamed(mi.name)) {
                if (ModelMatch.matches(n.method(), mi, program)) return new Callee(true, false, null, null);
            }
            for (SanitizerRow s : models.sanitizersNamed(mi.name)) {
                if (ModelMatch.matches(s.method(), mi, program)) return new Callee(false, true, null, null);
            }
            List<SummaryRow> rows = null;
            for (SummaryRow r : models.summariesNamed(mi.name)) {
                if (!ModelMatch.matches(r.method(), mi, program)) continue;
                if (rows == null) rows = new java.util.ArrayList<>();
                rows.add(r);
            }
            if (rows != null) return new Callee(false, false, rows, null);
            if (program.isApp(mi.owner)) return new Callee(false, false, null, null);
            return new Callee(false, false, null, of(mi.owner, mi.name, mi.desc, depth - 1));
        }
    }
}
