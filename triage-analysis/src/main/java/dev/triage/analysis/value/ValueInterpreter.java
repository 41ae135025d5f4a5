package dev.triage.analysis.value;

import dev.triage.analysis.model.MethodPattern;
import dev.triage.analysis.model.Models;
import dev.triage.analysis.model.Rows;
import dev.triage.program.CallGraph;
import dev.triage.program.MethodRef;
import dev.triage.program.Program;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.Interpreter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Constant propagation with abstract objects over ASM's dataflow framework. Understands literals,
 * static finals, arithmetic, strings and string builders, string concatenation, boxing, bundled
 * properties, values returned by app helpers, and the object facts the models describe.
 */
public final class ValueInterpreter extends Interpreter<Value> {
    private static final Type STRING = Type.getObjectType("java/lang/String");
    private static final Set<String> BUILDERS = Set.of("java/lang/StringBuilder", "java/lang/StringBuffer");
    /** Longest constant string we track; longer content becomes unknown (keeps memory bounded). */
    private static final int MAX_STRING = 4096;

    private final ValueContext ctx;
    private final ClassNode owner;
    private final MethodNode method;
    private final int depth;
    private final int[] paramOfLocal;
    private final Map<AbstractInsnNode, Integer> lineOf = new HashMap<>();
    private final List<Update> pending = new ArrayList<>();

    /** Replace every alias of an abstract object site by a new value. */
    public record Update(String site, Value replacement) {
        boolean matches(Value v) {
            return v != null && v.obj() != null && v.obj().site().equals(site);
        }

        Value apply(Value v) {
            return v.type() != null && replacement.type() != null ? replacement.withType(v.type()) : replacement;
        }
    }

    public ValueInterpreter(ValueContext ctx, ClassNode owner, MethodNode method, int depth) {
        super(Opcodes.ASM9);
        this.ctx = ctx;
        this.owner = owner;
        this.method = method;
        this.depth = depth;
        this.paramOfLocal = new int[Math.max(method.maxLocals, 1) + 2];
        java.util.Arrays.fill(paramOfLocal, -1);
        int local = (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
        Type[] params = Type.getArgumentTypes(method.desc);
        for (int i = 0; i < params.length && local < paramOfLocal.length; i++) {
            paramOfLocal[local] = i;
            local += params[i].getSize();
        }
        int line = 0;
        for (AbstractInsnNode n = method.instructions.getFirst(); n != null; n = n.getNext()) {
            if (n instanceof LineNumberNode ln) line = ln.line;
            lineOf.put(n, line);
        }
    }

    List<Update> pending() {
        return pending;
    }

    /** Tracked objects (WebViews, intents) each instruction last changed, as the frames' fixpoint left them. */
    private final Map<AbstractInsnNode, List<Obj>> changed = new HashMap<>();

    /** Remembers the tracked objects the instruction just executed changed (called by the frame after each one). */
    void recordChanges(AbstractInsnNode insn) {
        if (pending.isEmpty() && changed.isEmpty()) return;
        List<Obj> objs = null;
        for (Update u : pending) {
            Obj o = u.replacement().obj();
            if (o == null || !ctx.models().trackedKind(o.kind())) continue;
            if (objs == null) objs = new ArrayList<>();
            objs.add(o);
        }
        if (objs == null) changed.remove(insn);
        else changed.put(insn, List.copyOf(objs));
    }

    /**
     * The tracked objects this instruction changed (a setting recorded on a WebView, the effects of a helper it
     * was passed to), also when no local or stack slot holds them afterwards ({@code field.getSettings().set...}).
     */
    public List<Obj> changedAt(AbstractInsnNode insn) {
        return changed.getOrDefault(insn, List.of());
    }

    void clearPending() {
        pending.clear();
    }

    public int line(AbstractInsnNode insn) {
        return lineOf.getOrDefault(insn, 0);
    }

    private String site(AbstractInsnNode insn) {
        return owner.name + "." + method.name + method.desc + "#" + method.instructions.indexOf(insn);
    }

    private Origin literal(AbstractInsnNode insn, Object c) {
        String text = c instanceof String s ? "\"" + s + "\"" : String.valueOf(c);
        return new Origin("literal " + text, owner.name, method.name, sourcePath(), line(insn));
    }

    private String sourcePath() {
        int slash = owner.name.lastIndexOf('/');
        String pkg = slash < 0 ? "" : owner.name.substring(0, slash + 1);
        String file = owner.sourceFile != null ? owner.sourceFile : owner.name.substring(slash + 1) + ".java";
        return pkg + file;
    }

    // ---- values of fresh slots ----

    @Override
    public Value newValue(Type type) {
        if (type == null) return Value.UNINITIALIZED;
        if (type.getSort() == Type.VOID) return null;
        return Value.unknown(type);
    }

    @Override
    public Value newParameterValue(boolean isInstanceMethod, int local, Type type) {
        Value v = Value.unknown(type);
        int p = local < paramOfLocal.length ? paramOfLocal[local] : -1;
        if (p < 0) {
            // The receiver of an instance method: a tracked object (a WebView subclass's own settings).
            return isInstanceMethod && local == 0 ? entered(v, thisSite(owner.name), "this", -1) : v;
        }
        v = entered(v.asParam(p), parameterSite(owner.name, method.name, method.desc, p), "parameter", p).withLabels(Set.of("@p" + p));
        String source = ParameterSources.kindOf(ctx, owner, method, p, type);
        if (source != null && ctx.sourceEnabled(source)) {
            String id = owner.name + "#" + method.name + "#param" + p;
            ctx.registerSource(id, new Origin("parameter " + p + " of " + owner.name.replace('/', '.') + "." + method.name
                    + " (" + source + " input)", owner.name, method.name, sourcePath(), firstLine()));
            v = v.withLabels(Set.of("t:" + source + "@" + id));
        }
        return v;
    }

    /** A static field the models name as a source (a content URI of the contacts or SMS provider). */
    private Value fieldSource(AbstractInsnNode insn, FieldInsnNode f, Value v) {
        for (Rows.Field row : ctx.models().fieldsNamed(f.name)) {
            if (!row.kind().equals("source") || !ctx.sourceEnabled(row.label())) continue;
            if (!row.owner().equals(f.owner)) continue;
            String id = owner.name + "#" + method.name + "#" + line(insn) + "#" + f.name;
            ctx.registerSource(id, originAt(insn, f.owner.substring(f.owner.lastIndexOf('/') + 1) + "." + f.name
                    + " (" + row.label() + " data)"));
            return v.withLabels(Set.of("t:" + row.label() + "@" + id));
        }
        return v;
    }

    private int firstLine() {
        for (AbstractInsnNode n = method.instructions.getFirst(); n != null; n = n.getNext()) {
            if (n instanceof LineNumberNode ln) return ln.line;
        }
        return 0;
    }

    @Override
    public Value newExceptionValue(org.objectweb.asm.tree.TryCatchBlockNode tc,
                                   org.objectweb.asm.tree.analysis.Frame<Value> handlerFrame, Type exceptionType) {
        return Value.unknown(exceptionType);
    }

    // ---- instructions ----

    @Override
    public Value newOperation(AbstractInsnNode insn) {
        switch (insn.getOpcode()) {
            case Opcodes.ACONST_NULL:
                return Value.constant(Type.getObjectType("java/lang/Object"), null, literal(insn, "null"));
            case Opcodes.ICONST_M1: case Opcodes.ICONST_0: case Opcodes.ICONST_1: case Opcodes.ICONST_2:
            case Opcodes.ICONST_3: case Opcodes.ICONST_4: case Opcodes.ICONST_5:
                return Value.constant(Type.INT_TYPE, insn.getOpcode() - Opcodes.ICONST_0, literal(insn, insn.getOpcode() - Opcodes.ICONST_0));
            case Opcodes.LCONST_0: case Opcodes.LCONST_1:
                return Value.constant(Type.LONG_TYPE, (long) (insn.getOpcode() - Opcodes.LCONST_0), null);
            case Opcodes.FCONST_0: case Opcodes.FCONST_1: case Opcodes.FCONST_2:
                return Value.constant(Type.FLOAT_TYPE, (float) (insn.getOpcode() - Opcodes.FCONST_0), null);
            case Opcodes.DCONST_0: case Opcodes.DCONST_1:
                return Value.constant(Type.DOUBLE_TYPE, (double) (insn.getOpcode() - Opcodes.DCONST_0), null);
            case Opcodes.BIPUSH: case Opcodes.SIPUSH:
                int operand = ((IntInsnNode) insn).operand;
                return Value.constant(Type.INT_TYPE, operand, literal(insn, operand));
            case Opcodes.LDC: {
                Object c = ((LdcInsnNode) insn).cst;
                if (c instanceof String s) return Value.constant(STRING, s, literal(insn, s));
                if (c instanceof Integer i) return Value.constant(Type.INT_TYPE, i, literal(insn, i));
                if (c instanceof Long l) return Value.constant(Type.LONG_TYPE, l, literal(insn, l));
                if (c instanceof Float f) return Value.constant(Type.FLOAT_TYPE, f, literal(insn, f));
                if (c instanceof Double d) return Value.constant(Type.DOUBLE_TYPE, d, literal(insn, d));
                if (c instanceof Type t) {
                    return Value.unknown(Type.getObjectType(t.getSort() == Type.METHOD ? "java/lang/invoke/MethodType" : "java/lang/Class"));
                }
                if (c instanceof Handle) return Value.unknown(Type.getObjectType("java/lang/invoke/MethodHandle"));
                return Value.unknown(Type.getObjectType("java/lang/Object"));
            }
            case Opcodes.JSR:
                // A return address (old javac's finally subroutines): one slot, nothing known.
                return Value.UNINITIALIZED;
            case Opcodes.GETSTATIC: {
                FieldInsnNode f = (FieldInsnNode) insn;
                Value v = ctx.staticField(f.owner, f.name, f.desc, depth);
                if (v == null) v = Value.unknown(Type.getType(f.desc));
                return fieldSource(insn, f, v);
            }
            case Opcodes.NEW: {
                String type = ((TypeInsnNode) insn).desc;
                // "new" remembers the exact class, so calls on it need not guess among subtypes.
                return Value.ofObj(Type.getObjectType(type), new Obj(site(insn), null, Map.of("new", type), false));
            }
            default:
                throw new IllegalStateException("unexpected opcode " + insn.getOpcode());
        }
    }

    @Override
    public Value copyOperation(AbstractInsnNode insn, Value value) {
        return value;
    }

    @Override
    public Value unaryOperation(AbstractInsnNode insn, Value value) {
        int op = insn.getOpcode();
        switch (op) {
            case Opcodes.INEG: return foldUnary(value, Type.INT_TYPE, c -> c instanceof Integer i ? -i : null);
            case Opcodes.LNEG: return foldUnary(value, Type.LONG_TYPE, c -> c instanceof Long l ? -l : null);
            case Opcodes.FNEG: return derive(Type.FLOAT_TYPE, value);
            case Opcodes.DNEG: return derive(Type.DOUBLE_TYPE, value);
            case Opcodes.IINC: return foldUnary(value, Type.INT_TYPE, c -> c instanceof Integer i
                    ? i + ((org.objectweb.asm.tree.IincInsnNode) insn).incr : null);
            case Opcodes.I2L: return foldUnary(value, Type.LONG_TYPE, c -> c instanceof Integer i ? (long) i : null);
            case Opcodes.L2I: return foldUnary(value, Type.INT_TYPE, c -> c instanceof Long l ? (int) (long) l : null);
            case Opcodes.I2B: return foldUnary(value, Type.INT_TYPE, c -> c instanceof Integer i ? (int) (byte) (int) i : null);
            case Opcodes.I2C: return foldUnary(value, Type.INT_TYPE, c -> c instanceof Integer i ? (int) (char) (int) i : null);
            case Opcodes.I2S: return foldUnary(value, Type.INT_TYPE, c -> c instanceof Integer i ? (int) (short) (int) i : null);
            case Opcodes.I2F: case Opcodes.L2F: case Opcodes.D2F: return derive(Type.FLOAT_TYPE, value);
            case Opcodes.I2D: case Opcodes.L2D: case Opcodes.F2D: return derive(Type.DOUBLE_TYPE, value);
            case Opcodes.F2I: case Opcodes.D2I: return derive(Type.INT_TYPE, value);
            case Opcodes.F2L: case Opcodes.D2L: return derive(Type.LONG_TYPE, value);
            case Opcodes.IFEQ: case Opcodes.IFNE: case Opcodes.IFLT: case Opcodes.IFGE: case Opcodes.IFGT: case Opcodes.IFLE:
            case Opcodes.TABLESWITCH: case Opcodes.LOOKUPSWITCH: case Opcodes.IRETURN: case Opcodes.LRETURN:
            case Opcodes.FRETURN: case Opcodes.DRETURN: case Opcodes.ARETURN: case Opcodes.PUTSTATIC:
            case Opcodes.ATHROW: case Opcodes.MONITORENTER: case Opcodes.MONITOREXIT: case Opcodes.IFNULL: case Opcodes.IFNONNULL:
                return null;
            case Opcodes.GETFIELD: {
                FieldInsnNode f = (FieldInsnNode) insn;
                Value v = ctx.instanceField(f.owner, f.name, f.desc, depth);
                if (v == null) {
                    v = Value.unknown(Type.getType(f.desc));
                    // A public field of a library object read from tainted data (an Account's name, a
                    // ScanResult's BSSID) is that data.
                    if (!ctx.program().isApp(f.owner) && !value.labels().isEmpty()) v = v.withLabels(value.labels());
                }
                return entered(v, fieldSite(f.owner, f.name), "field", -1);
            }
            case Opcodes.NEWARRAY: {
                Type t = switch (((IntInsnNode) insn).operand) {
                    case Opcodes.T_BOOLEAN -> Type.getType("[Z");
                    case Opcodes.T_CHAR -> Type.getType("[C");
                    case Opcodes.T_BYTE -> Type.getType("[B");
                    case Opcodes.T_SHORT -> Type.getType("[S");
                    case Opcodes.T_INT -> Type.getType("[I");
                    case Opcodes.T_FLOAT -> Type.getType("[F");
                    case Opcodes.T_DOUBLE -> Type.getType("[D");
                    default -> Type.getType("[J");
                };
                return newArray(insn, t, value);
            }
            case Opcodes.ANEWARRAY:
                return newArray(insn, Type.getType("[" + Type.getObjectType(((TypeInsnNode) insn).desc).getDescriptor()), value);
            case Opcodes.ARRAYLENGTH: {
                if (value.obj() != null && value.obj().get("length") instanceof Integer n) {
                    return Value.constant(Type.INT_TYPE, n, null);
                }
                return derive(Type.INT_TYPE, value);
            }
            case Opcodes.CHECKCAST: {
                Type t = Type.getObjectType(((TypeInsnNode) insn).desc);
                return entered(value.withType(t), site(insn), "cast", -1);
            }
            case Opcodes.INSTANCEOF:
                return Value.unknown(Type.INT_TYPE);
            default:
                throw new IllegalStateException("unexpected opcode " + op);
        }
    }

    private Value newArray(AbstractInsnNode insn, Type type, Value length) {
        Map<String, Object> state = new HashMap<>();
        state.put("const", Boolean.TRUE);
        Integer n = length.singleInt();
        if (n != null) state.put("length", n);
        return Value.ofObj(type, new Obj(site(insn), "array", state, false));
    }

    private Value foldUnary(Value v, Type result, java.util.function.Function<Object, Object> f) {
        if (v.constants() != null) {
            Set<Object> out = new LinkedHashSet<>();
            for (Object c : v.constants()) {
                Object r = f.apply(c);
                if (r == null) return derive(result, v);
                out.add(r);
            }
            return new Value(result, result.getSize(), out, null, null, -1, v.labels(), v.origin());
        }
        return derive(result, v);
    }

    /** An unknown value of the given type that keeps the labels of its inputs. */
    private static Value derive(Type type, Value... inputs) {
        Set<String> labels = Set.of();
        for (Value in : inputs) {
            if (in != null && !in.labels().isEmpty()) {
                Set<String> u = new TreeSet<>(labels);
                u.addAll(in.labels());
                labels = u;
            }
        }
        return new Value(type, type.getSize(), null, null, null, -1, labels, null);
    }

    @Override
    public Value binaryOperation(AbstractInsnNode insn, Value a, Value b) {
        int op = insn.getOpcode();
        switch (op) {
            case Opcodes.IALOAD: case Opcodes.BALOAD: case Opcodes.CALOAD: case Opcodes.SALOAD:
                return arrayLoad(a, b, Type.INT_TYPE);
            case Opcodes.LALOAD: return arrayLoad(a, b, Type.LONG_TYPE);
            case Opcodes.FALOAD: return arrayLoad(a, b, Type.FLOAT_TYPE);
            case Opcodes.DALOAD: return arrayLoad(a, b, Type.DOUBLE_TYPE);
            case Opcodes.AALOAD: {
                Type t = a.type() != null && a.type().getSort() == Type.ARRAY
                        ? Type.getType(a.type().getDescriptor().substring(1)) : Type.getObjectType("java/lang/Object");
                return arrayLoad(a, b, t);
            }
            case Opcodes.IADD: case Opcodes.ISUB: case Opcodes.IMUL: case Opcodes.IDIV: case Opcodes.IREM:
            case Opcodes.ISHL: case Opcodes.ISHR: case Opcodes.IUSHR: case Opcodes.IAND: case Opcodes.IOR: case Opcodes.IXOR:
                return foldInt(op, a, b);
            case Opcodes.LADD: case Opcodes.LSUB: case Opcodes.LMUL: case Opcodes.LDIV: case Opcodes.LREM:
            case Opcodes.LSHL: case Opcodes.LSHR: case Opcodes.LUSHR: case Opcodes.LAND: case Opcodes.LOR: case Opcodes.LXOR:
                return derive(Type.LONG_TYPE, a, b);
            case Opcodes.FADD: case Opcodes.FSUB: case Opcodes.FMUL: case Opcodes.FDIV: case Opcodes.FREM:
                return derive(Type.FLOAT_TYPE, a, b);
            case Opcodes.DADD: case Opcodes.DSUB: case Opcodes.DMUL: case Opcodes.DDIV: case Opcodes.DREM:
                return derive(Type.DOUBLE_TYPE, a, b);
            case Opcodes.LCMP: case Opcodes.FCMPL: case Opcodes.FCMPG: case Opcodes.DCMPL: case Opcodes.DCMPG:
                return derive(Type.INT_TYPE, a, b);
            case Opcodes.IF_ICMPEQ: case Opcodes.IF_ICMPNE: case Opcodes.IF_ICMPLT: case Opcodes.IF_ICMPGE:
            case Opcodes.IF_ICMPGT: case Opcodes.IF_ICMPLE: case Opcodes.IF_ACMPEQ: case Opcodes.IF_ACMPNE:
            case Opcodes.PUTFIELD:
                return null;
            default:
                throw new IllegalStateException("unexpected opcode " + op);
        }
    }

    private Value arrayLoad(Value array, Value index, Type type) {
        Obj o = array.obj();
        Integer i = index.singleInt();
        if (o != null && !o.escaped() && i != null && o.get("e" + i) instanceof Value elem) {
            return elem.withType(type);
        }
        return derive(type, array);
    }

    private Value foldInt(int op, Value a, Value b) {
        Integer x = a.singleInt();
        Integer y = b.singleInt();
        if ((x == null || y == null) && a.constants() != null && b.constants() != null
                && a.constants().size() * b.constants().size() <= Value.MAX_CONSTANTS) {
            // A few possible values on either side (flags chosen by a branch): every combination.
            Set<Object> out = new LinkedHashSet<>();
            for (Object ca : a.constants()) {
                for (Object cb : b.constants()) {
                    Integer r = ca instanceof Integer i && cb instanceof Integer j ? foldInt(op, i, j) : null;
                    if (r == null) return derive(Type.INT_TYPE, a, b);
                    out.add(r);
                }
            }
            return new Value(Type.INT_TYPE, 1, out, null, null, -1, java.util.Collections.unmodifiableSet(union(a, b)), a.origin());
        }
        if (x != null && y != null) {
            Integer r = foldInt(op, x, y);
            if (r != null) return Value.constant(Type.INT_TYPE, r, a.origin()).withLabels(union(a, b));
        }
        return derive(Type.INT_TYPE, a, b);
    }

    /** One int operation on constants; null when it would throw (division by zero). */
    private static Integer foldInt(int op, int x, int y) {
        return switch (op) {
            case Opcodes.IADD -> x + y;
            case Opcodes.ISUB -> x - y;
            case Opcodes.IMUL -> x * y;
            case Opcodes.IDIV -> y == 0 ? null : x / y;
            case Opcodes.IREM -> y == 0 ? null : x % y;
            case Opcodes.ISHL -> x << y;
            case Opcodes.ISHR -> x >> y;
            case Opcodes.IUSHR -> x >>> y;
            case Opcodes.IAND -> x & y;
            case Opcodes.IOR -> x | y;
            default -> x ^ y;
        };
    }

    private static Set<String> union(Value... vs) {
        Set<String> u = new TreeSet<>();
        for (Value v : vs) if (v != null) u.addAll(v.labels());
        return u;
    }

    @Override
    public Value ternaryOperation(AbstractInsnNode insn, Value array, Value index, Value value) {
        Obj o = array.obj();
        if (o != null && "array".equals(o.kind())) {
            Integer i = index.singleInt();
            Obj updated;
            if (i != null && value.isKnown() && o.state().size() < 70) {
                updated = o.with("e" + i, value.withLabels(Set.of()));
            } else if (i != null && o.state().size() < 70) {
                updated = o.with("e" + i, value).with("const", Boolean.FALSE);
            } else {
                updated = o.with("const", Boolean.FALSE);
            }
            // The array carries what is stored in it (taint, parameter flows, predictable numbers).
            Value nv = array.withObj(updated).withLabels(value.labels());
            addPending(new Update(o.site(), nv));
        }
        return null;
    }

    @Override
    public void returnOperation(AbstractInsnNode insn, Value value, Value expected) {
    }

    @Override
    public Value merge(Value v, Value w) {
        if (v == null) return w;
        return v.merge(w);
    }

    // ---- calls ----

    @Override
    public Value naryOperation(AbstractInsnNode insn, List<? extends Value> values) {
        Value result = call(insn, values);
        // A tracked object (a WebView, an Intent) returned by a call no model describes enters unseen.
        return insn instanceof MethodInsnNode ? entered(result, site(insn), "call", -1) : result;
    }

    private Value call(AbstractInsnNode insn, List<? extends Value> values) {
        ctx.checkBudget();
        if (insn.getOpcode() == Opcodes.MULTIANEWARRAY) {
            return Value.unknown(Type.getType(((org.objectweb.asm.tree.MultiANewArrayInsnNode) insn).desc));
        }
        if (insn instanceof InvokeDynamicInsnNode indy) return invokeDynamic(indy, values);
        MethodInsnNode mi = (MethodInsnNode) insn;
        boolean hasReceiver = mi.getOpcode() != Opcodes.INVOKESTATIC;
        Value receiver = hasReceiver ? values.get(0) : null;
        List<? extends Value> args = hasReceiver ? values.subList(1, values.size()) : values;
        Type ret = Type.getReturnType(mi.desc);
        Value result = ret.getSort() == Type.VOID ? null : Value.unknown(ret);
        boolean understood = false;

        boolean[] collection = {false};
        Value fromCollection = Collections.evaluate(this, mi, receiver, args, collection);
        if (collection[0]) return fromCollection;

        Value known = Builtins.evaluate(this, mi, receiver, args);
        if (known != null) {
            understood = true;
            if (result != null) result = known;
        }
        if (Builtins.isBuilderMutation(mi, receiver)) understood = true;

        Models models = ctx.models();
        Program program = ctx.program();
        // Object creation and facts, as the models describe them.
        for (Models.CreatedBy c : models.creatorsNamed(mi.name)) {
            if (!matches(c.method(), mi, program)) continue;
            // A subclass constructor's super(...) call on its own receiver: the object is not made here.
            if (mi.name.equals("<init>") && receiver != null && receiver.obj() != null && receiver.obj().get("entered") != null) {
                understood = true;
                continue;
            }
            Map<String, Object> state = new HashMap<>();
            if (c.type().copyFacts()) {
                // Made by a modelled object (a parser by its factory): start from its facts.
                if (receiver == null || receiver.obj() == null || receiver.obj().kind() == null || receiver.obj().escaped()) continue;
                state.putAll(receiver.obj().state());
                state.put("factory-kind", receiver.obj().kind());
            }
            state.putAll(c.facts());
            c.type().initialFromArguments().forEach((k, idx) -> state.put(k, fact(idx >= 0 && idx < args.size() ? args.get(idx) : receiver)));
            // The exact class of an argument object (a Yaml built with a SafeConstructor).
            c.type().initialTypes().forEach((k, idx) -> {
                Value a = idx >= 0 && idx < args.size() ? args.get(idx) : null;
                Object exact = a == null ? null : a.obj() != null && a.obj().get("new") instanceof String t ? t
                        : a.type() != null && a.type().getSort() == Type.OBJECT ? a.type().getInternalName() : null;
                state.put(k, exact == null ? Obj.UNKNOWN : exact);
            });
            if (mi.name.equals("<init>") && receiver != null && receiver.obj() != null) {
                Value created = receiver.withObj(new Obj(receiver.obj().site(), c.type().name(), state, false));
                // An app subclass's constructor (a WebView subclass that configures itself): what it does to
                // its new object.
                if (program.isApp(mi.owner) && models.trackedKind(c.type().name())) {
                    created = calleeEffects(targets(program, mi, receiver), created, -1);
                }
                addPending(new Update(receiver.obj().site(), created));
            } else if (result != null) {
                result = result.withObj(new Obj(site(insn), c.type().name(), state, false));
            }
            understood = true;
        }
        if (receiver != null && receiver.obj() != null && receiver.obj().kind() != null && !"lambda".equals(receiver.obj().kind())) {
            Obj o = receiver.obj();
            Obj updated = o;
            // Objects tracked by type are "understood" only by the calls their model names (other calls on an
            // Intent keep the default treatment of unmodelled library calls).
            boolean matched = !models.trackedKind(o.kind());
            for (Models.EffectOf e : models.effectsNamed(mi.name)) {
                if (!e.type().name().equals(o.kind()) || !matches(e.effect().method(), mi, program)) continue;
                matched = true;
                Rows.Effect ef = e.effect();
                String key = ef.key();
                if (ef.keyArgument() != null) {
                    String k = args.get(ef.keyArgument()).singleString();
                    if (k == null) {
                        updated = updated.escape();
                        continue;
                    }
                    key = k;
                }
                Object val = ef.valueArgument() != null ? fact(args.get(ef.valueArgument())) : ef.value();
                updated = updated.with(key, val);
            }
            if (updated != o) addPending(new Update(o.site(), receiver.withObj(updated)));
            // A fluent call (a builder's secure(true) or path("/")) returns the object itself: its
            // result has the type of the class it was called on.
            if (result != null && ret.getSort() == Type.OBJECT && ret.getInternalName().equals(mi.owner)) {
                result = receiver.withObj(updated).withType(ret);
            }
            // A view of the object (WebView.getSettings()): the result is the object, seen through another type.
            for (Models.CreatedBy view : models.viewsNamed(mi.name)) {
                if (result != null && view.type().name().equals(o.kind()) && matches(view.method(), mi, program)) {
                    result = receiver.withObj(updated).withType(ret);
                    matched = true;
                }
            }
            // Calls on a modelled object's own type never make it escape.
            if (matched) understood = true;
        }
        // Labels from calls that produce them (e.g. predictable random numbers).
        for (Rows.Call c : models.callsNamed(mi.name)) {
            if (c.label().isEmpty() || !c.namesMatch(mi.owner, mi.name) || !matches(c.method(), mi, program)) continue;
            String label = c.label();
            if (c.kind().equals("source")) {
                understood = true;
                if (!conditionsHold(c.when(), args)) continue;
                // An Android component's input is untrusted only where other apps can send it.
                if (c.component() != null && !ctx.exposedComponent(mi.owner) && !ctx.exposedComponent(owner.name)) continue;
                // A number or boolean read from a request cannot carry an injection; sensitive values (a
                // location's coordinates, a step count) leak as numbers too.
                if (!ctx.sourceEnabled(c.label()) || (!ctx.sensitiveSource(c.label())
                        && ret.getSort() != Type.OBJECT && ret.getSort() != Type.ARRAY)) continue;
                String id = owner.name + "#" + method.name + "#" + line(insn) + "#" + mi.name;
                ctx.registerSource(id, originAt(insn, mi.owner.substring(mi.owner.lastIndexOf('/') + 1) + "." + mi.name
                        + "(...) returns " + c.label() + " input"));
                label = "t:" + c.label() + "@" + id;
            }
            if (mi.name.equals("<init>") && receiver != null && receiver.obj() != null) {
                addPending(new Update(receiver.obj().site(), receiver.withLabels(Set.of(label))));
            } else if (result != null) {
                result = result.withLabels(Set.of(label));
            }
            understood = true;
        }
        // Library summaries: labels (and, from a single input, constants) flow through.
        for (Rows.Summary s : models.summariesNamed(mi.name)) {
            if (!matches(s.method(), mi, program)) continue;
            understood = true;
            List<Value> from = valuesAt(s.from(), receiver, args);
            Set<String> labels = new TreeSet<>();
            from.forEach(v -> labels.addAll(v.labels()));
            Value single = from.size() == 1 ? from.get(0) : null;
            if (s.to() == Rows.RETURN && result != null && ret.getSort() != Type.OBJECT && ret.getSort() != Type.ARRAY) {
                // a number read out of tainted data
                result = result.withLabels(numbers(labels));
            } else if (s.to() == Rows.RETURN && result != null) {
                if (single != null && single.isKnown() && !result.isKnown()) {
                    result = result.withConstants(single.constants(), single.prefix(), single.origin());
                } else if (single != null && single.prefix() != null && result.prefix() == null && !result.isKnown()) {
                    result = result.withConstants(null, single.prefix(), single.origin());
                }
                result = result.withLabels(labels);
                for (Value v : from) result = result.withLabels(v.labels());
            } else {
                Value target = s.to() == Rows.THIS ? receiver : (s.to() >= 0 && s.to() < args.size() ? args.get(s.to()) : null);
                if (target != null && target.obj() != null) {
                    Value nv = target.withLabels(labels);
                    if (s.to() >= 0 && "array".equals(target.obj().kind())) {
                        // The call writes into the array: its content is no longer what the code wrote.
                        nv = nv.withObj(target.obj().with("const", Boolean.FALSE));
                    }
                    if (single != null && single.isKnown() && !target.isKnown()) {
                        nv = nv.withConstants(single.constants(), single.prefix(), single.origin()).withLabels(labels);
                    }
                    if (!nv.equals(target)) addPending(new Update(target.obj().site(), nv));
                }
            }
        }
        // Calling a lambda or method reference of the app: what its body returns for these arguments.
        if (!understood && receiver != null && receiver.obj() != null && "lambda".equals(receiver.obj().kind())
                && mi.name.equals(receiver.obj().get("method")) && receiver.obj().get("impl") instanceof MethodRef body && result != null) {
            if (program.isApp(body.owner())) {
                List<Value> bodyArgs = new ArrayList<>();
                int captured = receiver.obj().get("captured-params") instanceof Integer n ? n : 0;
                for (int k = 0; k < captured; k++) {
                    bodyArgs.add(receiver.obj().get("p" + k) instanceof Value v ? v : Value.unknown(Type.getObjectType("java/lang/Object")));
                }
                bodyArgs.addAll(args);
                Value summary = ctx.returnSummary(body, depth + 1);
                if (summary != null) result = instantiate(summary, bodyArgs, ret);
                else for (Value a : args) result = result.withLabels(a.labels());
                return sanitize(mi, receiver, args, result);
            }
        }
        // App code: use what the callee returns (also an app class called through a library interface).
        if (!understood && (program.isApp(mi.owner) || appReceiver(program, mi, receiver))) {
            List<MethodRef> targets = targets(program, mi, receiver);
            if (result != null && !targets.isEmpty() && targets.size() <= 8) {
                // What any implementation may return (class-hierarchy targets, merged).
                Value merged = null;
                boolean all = true;
                for (MethodRef t : targets) {
                    Value summary = ctx.returnSummary(t, depth + 1);
                    if (summary == null) {
                        all = false;
                        continue;
                    }
                    Value v = instantiate(summary, args, ret);
                    merged = merged == null ? v : merged.merge(v);
                }
                if (merged != null) {
                    // An implementation we could not read may return anything: keep only what is certain.
                    result = all ? merged : Value.unknown(ret).withLabels(merged.labels());
                }
            }
            if (targets.size() > 0) passToApp(targets, receiver, args);
            return result;
        }
        if (!understood) {
            escapeArguments(receiver, args, false);
            // A library call we have no model for: text and bytes computed from labelled arguments
            // or a labelled receiver keep their labels (an encoder applied to a predictable number is
            // still predictable; a value read from an untrusted object is untrusted).
            if (result != null && carriesData(ret)) {
                boolean number = ret.getSort() != Type.OBJECT && ret.getSort() != Type.ARRAY;
                for (Value a : args) result = result.withLabels(number ? numbers(a.labels()) : a.labels());
                if (receiver != null) result = result.withLabels(number ? numbers(receiver.labels()) : receiver.labels());
            }
        }
        return guard(mi, receiver, args, sanitize(mi, receiver, args, result));
    }

    /** A guard call's boolean result remembers the value it checked, for the branch that tests it. */
    private Value guard(MethodInsnNode mi, Value receiver, List<? extends Value> args, Value result) {
        if (result == null || result.getSize() != 1) return result;
        for (Rows.Guard g : ctx.models().guardsNamed(mi.name)) {
            if (!matches(g.method(), mi, ctx.program())) continue;
            if (!conditionsHold(g.when(), args)) continue;
            if (g.when().containsKey(Rows.THIS) && (receiver == null || !holds(g.when().get(Rows.THIS), receiver))) continue;
            Value checked = g.checks() == Rows.THIS ? receiver : g.checks() >= 0 && g.checks() < args.size() ? args.get(g.checks()) : null;
            if (checked == null || checked.labels().stream().noneMatch(Taint::isFlow)) continue;
            Map<String, Object> state = new HashMap<>();
            state.put("checked", checked);
            state.put("clears", List.copyOf(g.clears()));
            return result.withObj(new Obj("guard@" + site(mi), "guard", state, false));
        }
        return result;
    }

    private static boolean holds(String pattern, Value v) {
        if (v.constants() == null || v.constants().size() != 1) return false;
        return java.util.regex.Pattern.compile(pattern).matcher(String.valueOf(v.constants().iterator().next())).matches();
    }

    /** The checked value made clean for the guard's kinds, as it stands on the branch where the guard held. */
    static Value cleaned(Value v, List<String> clears) {
        Set<String> labels = new TreeSet<>();
        for (String l : v.labels()) {
            if (!Taint.isFlow(l)) labels.add(l);
            else if (!clears.contains(Taint.ALL)) labels.add(Taint.sanitize(l, clears));
        }
        return new Value(v.type(), v.getSize(), v.constants(), v.prefix(), v.obj(), v.param(),
                java.util.Collections.unmodifiableSet(labels), v.origin());
    }

    /** The values at model positions: argument indexes, the receiver ({@code this}), or all of them ({@code any}). */
    private static List<Value> valuesAt(List<Integer> positions, Value receiver, List<? extends Value> args) {
        List<Value> out = new ArrayList<>();
        for (int f : positions) {
            if (f == Integer.MIN_VALUE) {
                if (receiver != null) out.add(receiver);
                out.addAll(args);
            } else if (f == Rows.THIS) {
                if (receiver != null) out.add(receiver);
            } else if (f >= 0 && f < args.size()) {
                out.add(args.get(f));
            }
        }
        return out;
    }

    /** Sanitizer rows: the result keeps its inputs' flow labels, each marked clean for the row's kinds. */
    private Value sanitize(MethodInsnNode mi, Value receiver, List<? extends Value> args, Value result) {
        if (result == null) return null;
        for (Rows.Sanitizer s : ctx.models().sanitizersNamed(mi.name)) {
            if (!matches(s.method(), mi, ctx.program()) || !conditionsHold(s.when(), args)) continue;
            Set<String> labels = new TreeSet<>();
            for (String l : result.labels()) if (!Taint.isFlow(l)) labels.add(l);
            if (!s.clears().contains(Taint.ALL)) {
                for (Value v : valuesAt(s.from(), receiver, args)) {
                    for (String l : v.labels()) if (Taint.isFlow(l)) labels.add(Taint.sanitize(l, s.clears()));
                }
            }
            result = new Value(result.type(), result.getSize(), result.constants(), result.prefix(), result.obj(),
                    -1, java.util.Collections.unmodifiableSet(labels), result.origin());
        }
        return result;
    }

    /** Each condition: the argument is a single constant whose text matches the pattern. */
    private static boolean conditionsHold(Map<Integer, String> when, List<? extends Value> args) {
        for (Map.Entry<Integer, String> c : when.entrySet()) {
            if (c.getKey() < 0) continue; // the receiver: checked by the caller
            if (c.getKey() >= args.size()) return false;
            Value v = args.get(c.getKey());
            if (v.constants() == null || v.constants().size() != 1) return false;
            if (!java.util.regex.Pattern.compile(c.getValue()).matcher(String.valueOf(v.constants().iterator().next())).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Flow labels as a number computed from them carries them ({@link Taint#NUMBER}). */
    private static Set<String> numbers(Set<String> labels) {
        Set<String> out = new TreeSet<>();
        for (String l : labels) out.add(Taint.isFlow(l) ? Taint.sanitize(l, List.of(Taint.NUMBER)) : l);
        return out;
    }

    private static boolean carriesData(Type t) {
        return switch (t.getSort()) {
            case Type.INT, Type.LONG, Type.FLOAT, Type.DOUBLE, Type.SHORT, Type.BYTE, Type.CHAR -> true;
            case Type.ARRAY -> t.getElementType().getSort() == Type.BYTE || t.getElementType().getSort() == Type.CHAR;
            case Type.OBJECT -> t.getInternalName().equals("java/lang/String") || t.getInternalName().equals("java/lang/CharSequence");
            default -> false;
        };
    }

    /**
     * App methods a call may reach: when the receiver was allocated in view, exactly its class's
     * implementation; otherwise every class-hierarchy target.
     */
    public static List<MethodRef> targets(Program program, MethodInsnNode mi, Value receiver) {
        int op = mi.getOpcode();
        if ((op == Opcodes.INVOKEVIRTUAL || op == Opcodes.INVOKEINTERFACE) && receiver != null && receiver.obj() != null
                && receiver.obj().get("new") instanceof String exact && program.isApp(exact)) {
            dev.triage.program.MethodInfo m = program.resolveMethod(exact, mi.name, mi.desc);
            if (m != null && program.isApp(m.owner()) && !m.isAbstract()) return List.of(m.ref());
        }
        return CallGraph.resolve(program, op, mi.owner, mi.name, mi.desc);
    }

    /**
     * A call on a library type (a JDK functional interface, {@code Runnable}) whose receiver is an object of an app
     * class made in view: the app's implementation runs.
     */
    public static boolean appReceiver(Program program, MethodInsnNode mi, Value receiver) {
        int op = mi.getOpcode();
        return (op == Opcodes.INVOKEVIRTUAL || op == Opcodes.INVOKEINTERFACE) && receiver != null && receiver.obj() != null
                && receiver.obj().get("new") instanceof String exact && program.isApp(exact);
    }

    /** A callee's summary at one call site: parameter labels become the arguments' labels. */
    private Value instantiate(Value summary, List<? extends Value> args, Type ret) {
        Value r = summary;
        if (summary.param() >= 0 && summary.param() < args.size() && !summary.isKnown() && summary.obj() == null
                && summary.labels().stream().noneMatch(l -> l.startsWith("@p") && l.indexOf('!') > 0)) {
            return args.get(summary.param()).withType(ret);
        }
        Set<String> labels = new TreeSet<>();
        for (String l : summary.labels()) {
            if (l.startsWith("@p")) {
                int p = Taint.param(l);
                Set<String> cleared = Taint.cleared(l);
                if (p < args.size()) {
                    for (String a : args.get(p).labels()) {
                        labels.add(cleared.isEmpty() || !Taint.isFlow(a) ? a : Taint.sanitize(a, cleared));
                    }
                }
            } else {
                labels.add(l);
            }
        }
        r = new Value(ret, ret.getSize(), summary.constants(), summary.prefix(), summary.obj(), -1, Set.copyOf(labels), summary.origin());
        return r;
    }

    /**
     * Objects handed to app code: a tracked object (a WebView, an Intent) takes the facts the callees record
     * on the parameter; other objects, and tracked ones a callee cannot be summarised for, escape.
     */
    private void passToApp(List<MethodRef> targets, Value receiver, List<? extends Value> args) {
        for (int i = -1; i < args.size(); i++) {
            Value a = i < 0 ? receiver : args.get(i);
            if (a == null || a.obj() == null || a.obj().escaped()) continue;
            Value updated = models().trackedKind(a.obj().kind()) ? calleeEffects(targets, a, i) : a.withObj(a.obj().escape());
            if (!updated.equals(a)) addPending(new Update(a.obj().site(), updated));
        }
    }

    /**
     * A tracked object after app methods ran with it as parameter {@code index} (-1: the receiver): the facts
     * each callee records on it, merged (facts the callees disagree on become unknown); escaped when a callee
     * cannot be summarised or hands it on to code Triage cannot see.
     */
    private Value calleeEffects(List<MethodRef> targets, Value v, int index) {
        Obj o = v.obj();
        if (targets.isEmpty()) return v;
        Map<String, Object> facts = null;
        boolean escaped = false;
        for (MethodRef t : targets) {
            Map<Integer, Obj> effects = ctx.parameterEffects(t, depth + 1);
            Obj e = effects == null ? null : effects.get(index);
            if (e == null || !o.kind().equals(e.kind())) return v.withObj(o.escape());
            escaped |= e.escaped();
            Map<String, Object> f = new HashMap<>();
            e.state().forEach((k, val) -> {
                if (!META_FACTS.contains(k)) f.put(k, val);
            });
            if (facts == null) {
                facts = f;
            } else {
                Map<String, Object> m = new HashMap<>();
                for (String k : facts.keySet()) m.put(k, java.util.Objects.equals(facts.get(k), f.get(k)) ? facts.get(k) : Obj.UNKNOWN);
                for (String k : f.keySet()) m.putIfAbsent(k, Obj.UNKNOWN);
                facts = m;
            }
        }
        Obj updated = o;
        for (Map.Entry<String, Object> e : new java.util.TreeMap<>(facts).entrySet()) updated = updated.with(e.getKey(), e.getValue());
        return v.withObj(escaped ? updated.escape() : updated);
    }

    /** Facts the engine keeps about an object that are not the model's: how it entered the method, its class. */
    public static final Set<String> META_FACTS = Set.of("entered", "parameter", "new", "declared");

    /**
     * A value of a type tracked by the models (a WebView, an Intent) that has no object yet gets one with no
     * known facts, at a site that names where it entered: {@code entered} is parameter, this, field, cast or call
     * (and {@code parameter} its index); {@code declared} is its type when that is an app class (a WebView subclass).
     */
    private Value entered(Value v, String site, String how, int param) {
        if (v == null || v.obj() != null || v.type() == null) return v;
        String kind = ctx.trackedKind(v.type());
        if (kind == null) return v;
        Map<String, Object> state = new HashMap<>();
        state.put("entered", how);
        if (param >= 0) state.put("parameter", param);
        if (ctx.program().isApp(v.type().getInternalName())) state.put("declared", v.type().getInternalName());
        return v.withObj(new Obj(site, kind, state, false));
    }

    /** Site of the object a parameter of a method holds when the method starts. */
    public static String parameterSite(String owner, String name, String desc, int param) {
        return owner + "." + name + desc + "#param" + param;
    }

    /** Site of the receiver of every instance method of a class (one object per class, for its class-wide facts). */
    public static String thisSite(String owner) {
        return "this:" + owner;
    }

    /** Site of the object an instance field holds, for every read of the field. */
    public static String fieldSite(String owner, String name) {
        return "field:" + owner + "." + name;
    }

    private Models models() {
        return ctx.models();
    }

    /** Objects handed to code we do not model may be changed there: forget their facts. */
    private void escapeArguments(Value receiver, List<? extends Value> args, boolean includeReceiver) {
        for (Value a : args) {
            if (a != null && a.obj() != null && !a.obj().escaped()) addPending(new Update(a.obj().site(), a.withObj(a.obj().escape())));
        }
        if (includeReceiver && receiver != null && receiver.obj() != null && !receiver.obj().escaped()) {
            addPending(new Update(receiver.obj().site(), receiver.withObj(receiver.obj().escape())));
        }
    }

    /** A fact recorded from an argument: its single constant, or UNKNOWN. */
    private static Object fact(Value v) {
        if (v == null || v.constants() == null || v.constants().size() != 1) return Obj.UNKNOWN;
        Object c = v.constants().iterator().next();
        return c == Value.NULL ? Obj.UNKNOWN : c;
    }

    public static boolean matches(MethodPattern p, MethodInsnNode mi, Program program) {
        return matches(p, mi.owner, mi.name, mi.desc, program);
    }

    public static boolean matches(MethodPattern p, String owner, String name, String desc, Program program) {
        if (!p.name().equals(name) && !p.name().equals("*")) return false;
        if (!p.anyDescriptor() && !p.descriptor().equals(desc)) return false;
        if (p.anyOwner() || p.owner().equals(owner)) return true;
        if (!p.subtypes()) return false;
        if (program.isSubtype(owner, p.owner())) return true;
        // The library is not in the scan (not bundled, not on --classpath): a class of the same library
        // (same leading packages) with exactly this method is taken to implement the modelled type.
        return program.find(owner) == null && sameLibrary(owner, p.owner());
    }

    /** Both classes share their first three package segments (all of them, for shorter packages). */
    static boolean sameLibrary(String a, String b) {
        String[] pa = a.split("/");
        String[] pb = b.split("/");
        int packages = Math.min(pa.length, pb.length) - 1;
        int need = Math.min(3, packages);
        if (need < 1) return false;
        for (int i = 0; i < need; i++) if (!pa[i].equals(pb[i])) return false;
        return true;
    }

    private Value invokeDynamic(InvokeDynamicInsnNode indy, List<? extends Value> args) {
        Type ret = Type.getReturnType(indy.desc);
        if ("makeConcatWithConstants".equals(indy.name) && indy.bsmArgs.length > 0 && indy.bsmArgs[0] instanceof String recipe) {
            return Builtins.concat(recipe, indy.bsmArgs, Type.getArgumentTypes(indy.desc), args, STRING);
        }
        Set<String> labels = union(args.toArray(new Value[0]));
        labels.removeIf(l -> l.startsWith("@"));
        Obj lambda = null;
        if ("java/lang/invoke/LambdaMetafactory".equals(indy.bsm.getOwner()) && indy.bsmArgs.length > 1
                && indy.bsmArgs[1] instanceof Handle h) {
            // A lambda or method reference remembers its body, so that calling it can be followed.
            Map<String, Object> state = new HashMap<>();
            state.put("impl", new MethodRef(h.getOwner(), h.getName(), h.getDesc()));
            state.put("method", indy.name);
            boolean instance = h.getTag() != Opcodes.H_INVOKESTATIC && h.getTag() != Opcodes.H_NEWINVOKESPECIAL;
            state.put("captured-params", Math.max(0, args.size() - (instance ? 1 : 0)));
            // The captured values, as the body's first parameters ("p0", "p1"...).
            for (int i = instance ? 1 : 0, k = 0; i < args.size(); i++, k++) state.put("p" + k, args.get(i));
            lambda = new Obj(site(indy), "lambda", state, false);
        }
        return new Value(ret, ret.getSize(), null, null, lambda, -1, labels, null);
    }

    // Accessors for Builtins
    ValueContext context() {
        return ctx;
    }

    int maxString() {
        return MAX_STRING;
    }

    /**
     * Queues an update of every alias of an object. Several updates of one object by one instruction
     * (a constructor that both creates a modelled object and receives labels) compose: labels add
     * up, and the modelled object state wins over a plain one.
     */
    void addPending(Update u) {
        for (int i = 0; i < pending.size(); i++) {
            Update prev = pending.get(i);
            if (!prev.site().equals(u.site())) continue;
            Value a = prev.replacement();
            Value b = u.replacement();
            Obj obj = b.obj() != null && (b.obj().kind() != null || a.obj() == null || a.obj().kind() == null) ? b.obj() : a.obj();
            Value merged = new Value(b.type() != null ? b.type() : a.type(), b.getSize(), b.isKnown() ? b.constants() : a.constants(),
                    b.isKnown() ? b.prefix() : a.prefix(), obj, -1, a.labels(), b.isKnown() ? b.origin() : a.origin()).withLabels(b.labels());
            pending.set(i, new Update(u.site(), merged));
            return;
        }
        pending.add(u);
    }

    Origin originAt(AbstractInsnNode insn, String description) {
        return new Origin(description, owner.name, method.name, sourcePath(), line(insn));
    }
}
