package dev.triage.analysis.value;

import dev.triage.analysis.model.FieldRow;
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
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Constant propagation with abstract objects over ASM's dataflow framework. Understands literals,
 * static finals, arithmetic, strings and string builders, string concatenation, boxing, bundled
 * properties, values returned by app helpers, and the object facts the models describe.
 *
 * <p>Somewhat over 500 lines, on purpose: ASM's {@link Interpreter} contract puts every kind of instruction (new,
 * copy, unary, binary, ternary, n-ary, return, merge) in one class, and each reads the same per-method state (lines,
 * parameter slots, pending alias updates, changed objects). What grows with new library behaviour is not here: each
 * method call goes to the transfer stages ({@link #naryOperation}), one class each.
 */
public final class ValueInterpreter extends Interpreter<Value> {
    private static final Type STRING = Type.getObjectType("java/lang/String");
    /** Longest constant string we track; longer content becomes unknown (keeps memory bounded). */
    private static final int MAX_STRING = 4096;

    private final ValueContext ctx;
    private final ComponentExposure exposure;
    private final ClassNode owner;
    private final MethodNode method;
    private final int depth;
    private final int[] paramOfLocal;
    private final Map<AbstractInsnNode, Integer> lineOf = new HashMap<>();
    private final List<AliasUpdate> pending = new ArrayList<>();

    /**
     * @param exposure which Android code other apps can reach (for sources that count only there); the analysis of
     *                 the registrations that decide it sees the manifest alone
     */
    public ValueInterpreter(ValueContext ctx, ComponentExposure exposure, ClassNode owner, MethodNode method, int depth) {
        super(Opcodes.ASM9);
        this.ctx = ctx;
        this.exposure = exposure;
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

    List<AliasUpdate> pending() {
        return pending;
    }

    /** Tracked objects (WebViews, intents) each instruction last changed, as the frames' fixpoint left them. */
    private final Map<AbstractInsnNode, List<AbstractObject>> changed = new HashMap<>();

    /** Remembers the tracked objects the instruction just executed changed (called by the frame after each one). */
    void recordChanges(AbstractInsnNode insn) {
        if (pending.isEmpty() && changed.isEmpty()) return;
        List<AbstractObject> objs = null;
        for (AliasUpdate u : pending) {
            AbstractObject o = u.replacement().object();
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
    public List<AbstractObject> changedAt(AbstractInsnNode insn) {
        return changed.getOrDefault(insn, List.of());
    }

    void clearPending() {
        pending.clear();
        cleans.clear();
    }

    /** A value an app call proved clean for some sink kinds (the callee returns only when its check held). */
    record Clean(Value value, List<String> clears) {
    }

    /** Values the instruction just executed proved clean: every alias is cleaned after it. */
    private final List<Clean> cleans = new ArrayList<>();

    void addClean(Value value, List<String> clears) {
        cleans.add(new Clean(value, List.copyOf(clears)));
    }

    List<Clean> cleans() {
        return cleans;
    }

    public int line(AbstractInsnNode insn) {
        return lineOf.getOrDefault(insn, 0);
    }

    String site(AbstractInsnNode insn) {
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
            return isInstanceMethod && local == 0 ? entered(v, ObjectSites.thisSite(owner.name), "this", -1) : v;
        }
        v = entered(v.asParam(p), ObjectSites.parameterSite(owner.name, method.name, method.desc, p), "parameter", p).withLabels(Set.of("@p" + p));
        boolean registered = false;
        for (ParameterSources.Source s : ParameterSources.labelsOf(ctx, exposure, owner, method, p, type)) {
            String source = s.label();
            if (!ctx.sourceEnabled(source)) continue;
            String id = owner.name + "#" + method.name + "#param" + p;
            if (!registered) {
                ctx.registerSource(id, new Origin("parameter " + p + " of " + owner.name.replace('/', '.') + "." + method.name
                        + " (" + source + " input)", owner.name, method.name, sourcePath(), firstLine(), s.provenance()));
                registered = true;
            }
            v = v.withLabels(Set.of("t:" + source + "@" + id));
        }
        // what the app's own components send here (intents, results, saved instance state)
        v = v.withLabels(ctx.deliveredLabels(owner.name, method, p, depth));
        if (v.object() == null && ctx.savedStateParameter(owner.name, method, p)) {
            v = v.withObject(new AbstractObject(ObjectSites.parameterSite(owner.name, method.name, method.desc, p), null, Map.of(), false));
        }
        return v;
    }

    /** A static field the models name as a source (a content URI of the contacts or SMS provider). */
    /**
     * A strong update of an app's static field: the constant that a PUTSTATIC of the same field stored earlier in the
     * read's own basic block (so the store dominates the read), with no call into app code in between (which could
     * store there again). Null otherwise: then the read holds what every write anywhere in the app stored.
     */
    private Value overwrittenStatic(FieldInsnNode read) {
        if (!ctx.program().isApp(read.owner)) return null;
        for (AbstractInsnNode n = read.getPrevious(); n != null; n = n.getPrevious()) {
            if (n instanceof org.objectweb.asm.tree.LabelNode && jumpTargets().contains(n)) return null;
            if (n instanceof org.objectweb.asm.tree.JumpInsnNode || n instanceof org.objectweb.asm.tree.TableSwitchInsnNode
                    || n instanceof org.objectweb.asm.tree.LookupSwitchInsnNode || n instanceof InvokeDynamicInsnNode) return null;
            if (n instanceof MethodInsnNode mi && ctx.program().isApp(mi.owner)) return null;
            if (n.getOpcode() == Opcodes.PUTSTATIC) {
                FieldInsnNode w = (FieldInsnNode) n;
                if (!w.owner.equals(read.owner) || !w.name.equals(read.name) || !w.desc.equals(read.desc)) continue;
                AbstractInsnNode stored = w.getPrevious();
                while (stored != null && stored.getOpcode() < 0) stored = stored.getPrevious();
                if (stored == null) return null;
                int op = stored.getOpcode();
                boolean constant = (op >= Opcodes.ACONST_NULL && op <= Opcodes.SIPUSH)
                        || (op == Opcodes.LDC && (((LdcInsnNode) stored).cst instanceof String || ((LdcInsnNode) stored).cst instanceof Number));
                return constant ? newOperation(stored) : null;
            }
        }
        return null;
    }

    private Set<AbstractInsnNode> jumpTargets;

    /** Labels control can reach other than by falling through: jump, switch and exception handler targets. */
    private Set<AbstractInsnNode> jumpTargets() {
        if (jumpTargets != null) return jumpTargets;
        Set<AbstractInsnNode> out = new java.util.HashSet<>();
        for (AbstractInsnNode n = method.instructions.getFirst(); n != null; n = n.getNext()) {
            if (n instanceof org.objectweb.asm.tree.JumpInsnNode j) out.add(j.label);
            else if (n instanceof org.objectweb.asm.tree.TableSwitchInsnNode t) {
                out.add(t.dflt);
                out.addAll(t.labels);
            } else if (n instanceof org.objectweb.asm.tree.LookupSwitchInsnNode l) {
                out.add(l.dflt);
                out.addAll(l.labels);
            }
        }
        if (method.tryCatchBlocks != null) method.tryCatchBlocks.forEach(t -> out.add(t.handler));
        jumpTargets = out;
        return out;
    }

    private Value fieldSource(AbstractInsnNode insn, FieldInsnNode f, Value v) {
        for (FieldRow row : ctx.models().fieldsNamed(f.name)) {
            if (!row.kind().equals("source") && row.label() != null && !row.label().isEmpty() && row.owner().equals(f.owner)) {
                // A labelled constant of a library (AnyTypePermission.ANY, Feature.SupportAutoType): configuration
                // calls and sinks recognise it by its label, also inside the array it is passed in.
                return v.withLabels(Set.of(row.label()));
            }
            if (!row.kind().equals("source") || !ctx.sourceEnabled(row.label())) continue;
            if (!row.owner().equals(f.owner)) continue;
            if ("android".equals(row.platform()) && ctx.program().android() == null) continue;
            if ("server".equals(row.platform()) && ctx.program().android() != null) continue;
            String id = owner.name + "#" + method.name + "#" + line(insn) + "#" + f.name;
            ctx.registerSource(id, originAt(insn, f.owner.substring(f.owner.lastIndexOf('/') + 1) + "." + f.name
                    + " (" + row.label() + " data)").withProvenance(dev.triage.analysis.model.Models.cite(row.file(), row.provenance())));
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
                    // a class literal of an app class: the class, for reflection on it (ReflectiveCalls)
                    if (t.getSort() == Type.OBJECT && ctx.program().isApp(t.getInternalName())) {
                        return ReflectiveCalls.classObject(t.getInternalName(), Type.getObjectType("java/lang/Class"), site(insn));
                    }
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
                Value v = overwrittenStatic(f);
                if (v == null) v = ctx.staticField(f.owner, f.name, f.desc, depth);
                if (v == null) v = Value.unknown(Type.getType(f.desc));
                return fieldSource(insn, f, v);
            }
            case Opcodes.NEW: {
                String type = ((TypeInsnNode) insn).desc;
                // "new" remembers the exact class, so calls on it need not guess among subtypes.
                return Value.ofObject(Type.getObjectType(type), new AbstractObject(site(insn), null, Map.of("new", type), false));
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
            case Opcodes.INEG: return ConstantFolding.unary(value, Type.INT_TYPE, c -> c instanceof Integer i ? -i : null);
            case Opcodes.LNEG: return ConstantFolding.unary(value, Type.LONG_TYPE, c -> c instanceof Long l ? -l : null);
            case Opcodes.FNEG: return ConstantFolding.derive(Type.FLOAT_TYPE, value);
            case Opcodes.DNEG: return ConstantFolding.derive(Type.DOUBLE_TYPE, value);
            case Opcodes.IINC: return ConstantFolding.unary(value, Type.INT_TYPE, c -> c instanceof Integer i
                    ? i + ((org.objectweb.asm.tree.IincInsnNode) insn).incr : null);
            case Opcodes.I2L: return ConstantFolding.unary(value, Type.LONG_TYPE, c -> c instanceof Integer i ? (long) i : null);
            case Opcodes.L2I: return ConstantFolding.unary(value, Type.INT_TYPE, c -> c instanceof Long l ? (int) (long) l : null);
            case Opcodes.I2B: return ConstantFolding.unary(value, Type.INT_TYPE, c -> c instanceof Integer i ? (int) (byte) (int) i : null);
            case Opcodes.I2C: return ConstantFolding.unary(value, Type.INT_TYPE, c -> c instanceof Integer i ? (int) (char) (int) i : null);
            case Opcodes.I2S: return ConstantFolding.unary(value, Type.INT_TYPE, c -> c instanceof Integer i ? (int) (short) (int) i : null);
            case Opcodes.I2F: case Opcodes.L2F: case Opcodes.D2F: return ConstantFolding.derive(Type.FLOAT_TYPE, value);
            case Opcodes.I2D: case Opcodes.L2D: case Opcodes.F2D: return ConstantFolding.derive(Type.DOUBLE_TYPE, value);
            case Opcodes.F2I: case Opcodes.D2I: return ConstantFolding.derive(Type.INT_TYPE, value);
            case Opcodes.F2L: case Opcodes.D2L: return ConstantFolding.derive(Type.LONG_TYPE, value);
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
                return entered(v, ObjectSites.fieldSite(f.owner, f.name), "field", -1);
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
                if (value.object() != null && value.object().get("length") instanceof Integer n) {
                    return Value.constant(Type.INT_TYPE, n, null);
                }
                return ConstantFolding.derive(Type.INT_TYPE, value);
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
        return Value.ofObject(type, new AbstractObject(site(insn), "array", state, false));
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
            case Opcodes.IADD: case Opcodes.IMUL: case Opcodes.ISHL:
                return ConstantFolding.mayOverflow(ConstantFolding.intOperation(op, a, b));
            case Opcodes.ISUB: case Opcodes.IDIV: case Opcodes.IREM:
            case Opcodes.ISHR: case Opcodes.IUSHR: case Opcodes.IAND: case Opcodes.IOR: case Opcodes.IXOR:
                return ConstantFolding.intOperation(op, a, b);
            case Opcodes.LADD: case Opcodes.LMUL: case Opcodes.LSHL:
                return ConstantFolding.mayOverflow(ConstantFolding.derive(Type.LONG_TYPE, a, b));
            case Opcodes.LSUB: case Opcodes.LDIV: case Opcodes.LREM:
            case Opcodes.LSHR: case Opcodes.LUSHR: case Opcodes.LAND: case Opcodes.LOR: case Opcodes.LXOR:
                return ConstantFolding.derive(Type.LONG_TYPE, a, b);
            case Opcodes.FADD: case Opcodes.FSUB: case Opcodes.FMUL: case Opcodes.FDIV: case Opcodes.FREM:
                return ConstantFolding.derive(Type.FLOAT_TYPE, a, b);
            case Opcodes.DADD: case Opcodes.DSUB: case Opcodes.DMUL: case Opcodes.DDIV: case Opcodes.DREM:
                return ConstantFolding.derive(Type.DOUBLE_TYPE, a, b);
            case Opcodes.LCMP: case Opcodes.FCMPL: case Opcodes.FCMPG: case Opcodes.DCMPL: case Opcodes.DCMPG:
                return ConstantFolding.derive(Type.INT_TYPE, a, b);
            case Opcodes.IF_ICMPEQ: case Opcodes.IF_ICMPNE: case Opcodes.IF_ICMPLT: case Opcodes.IF_ICMPGE:
            case Opcodes.IF_ICMPGT: case Opcodes.IF_ICMPLE: case Opcodes.IF_ACMPEQ: case Opcodes.IF_ACMPNE:
                return null;
            case Opcodes.PUTFIELD: {
                // A public field of a library object written with tainted data (a Message's obj) makes the object
                // carry it, as reading such a field from tainted data gives that data.
                FieldInsnNode f = (FieldInsnNode) insn;
                if (!ctx.program().isApp(f.owner) && a.object() != null && !b.labels().isEmpty()) {
                    addPending(new AliasUpdate(a.object().site(), a.withLabels(b.labels())));
                }
                return null;
            }
            default:
                throw new IllegalStateException("unexpected opcode " + op);
        }
    }

    private Value arrayLoad(Value array, Value index, Type type) {
        AbstractObject o = array.object();
        Integer i = index.singleInt();
        if (o != null && !o.escaped() && i != null && o.get("e" + i) instanceof Value elem) {
            return elem.withType(type);
        }
        return ConstantFolding.derive(type, array);
    }

    @Override
    public Value ternaryOperation(AbstractInsnNode insn, Value array, Value index, Value value) {
        AbstractObject o = array.object();
        if (o != null && "array".equals(o.kind())) {
            Integer i = index.singleInt();
            AbstractObject updated;
            if (i != null && value.isKnown() && o.state().size() < 70) {
                updated = o.with("e" + i, value.withLabels(Set.of()));
            } else if (i != null && o.state().size() < 70) {
                updated = o.with("e" + i, value).with("const", Boolean.FALSE);
            } else {
                updated = o.with("const", Boolean.FALSE);
            }
            // The array carries what is stored in it (taint, parameter flows, predictable numbers).
            Value nv = array.withObject(updated).withLabels(value.labels());
            addPending(new AliasUpdate(o.site(), nv));
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

    /**
     * A call, through the transfer stages in order: maps and lists made in view decide alone; then the platform's
     * value classes, modelled objects, labelled calls (sources), neutral rows or else library summaries; a call none
     * of them understood
     * runs app code (a lambda's body, app callees) or is an unmodelled library call; sanitizers, character
     * replacements and guards see the result last (a lambda's result is sanitized, an app callee's is final).
     */
    private Value call(AbstractInsnNode insn, List<? extends Value> values) {
        ctx.checkDeadline();
        if (insn.getOpcode() == Opcodes.MULTIANEWARRAY) {
            return Value.unknown(Type.getType(((org.objectweb.asm.tree.MultiANewArrayInsnNode) insn).desc));
        }
        if (insn instanceof InvokeDynamicInsnNode indy) return InvokeDynamicTransfer.apply(this, indy, values);
        Call c = new Call(this, (MethodInsnNode) insn, values);
        boolean tainted = !ctx.program().isApp(c.insn.owner) && reachedByTaint(values);
        if (CollectionTransfer.apply(c)) {
            if (tainted) ctx.libraryCallReached(site(insn), callName(c.insn), ValueContext.BY_MODEL);
            return c.result;
        }
        JdkValueTransfer.apply(c);
        ObjectTransfer.apply(c);
        ReflectiveCalls reflective = ReflectiveCalls.of(ctx.models());
        if (reflective.mayBe(c.insn.name)) {
            // Class.forName("a.B"), getMethod("m", ...): the class and method named, for an invoke to run
            Value looked = reflective.lookup(c.insn, c.receiver, c.args, c.returnType, site(insn), ctx.program());
            if (looked != null) {
                c.result = looked;
                c.understood = true;
            }
            // Method.invoke of a method looked up so: the app methods it names run (no library stage applies)
            if (AppCallTransfer.reflective(c)) return c.result;
            // Field.get of a field looked up so: what the field holds
            ReflectiveCalls.FieldAccess read = reflective.fieldRead(c.insn, c.receiver, ctx.program());
            if (read != null && c.result != null) {
                Value held = read.isStatic() ? ctx.staticField(read.owner(), read.name(), read.descriptor(), depth)
                        : ctx.instanceField(read.owner(), read.name(), read.descriptor(), depth);
                return held == null ? Value.unknown(c.returnType) : Value.unknown(c.returnType).withLabels(held.labels());
            }
        }
        boolean modelled = c.understood;
        SourceTransfer.apply(c);
        DeliveredIntentTransfer.apply(c);
        StoredValueTransfer.apply(c);
        // A source row naming an app method (a getter named for PHI) labels what it returns; the app code still runs,
        // so what the getter's field holds (a name bound from the request) comes back too.
        Value sourced = !modelled && c.understood ? c.result : null;
        if (sourced != null) c.understood = false;
        if (!NeutralTransfer.apply(c)) SummaryTransfer.apply(c);
        if (sourced != null && !c.understood) {
            Value labelled = c.result;
            c.result = sourced;
            if (AppCallTransfer.appCallees(c)) {
                if (c.result != null && labelled != null) c.result = c.result.withLabels(labelled.labels());
                return c.result;
            }
            c.result = labelled;
            c.understood = true;
        }
        if (!c.understood) {
            if (AppCallTransfer.lambda(c)) {
                SanitizerTransfer.apply(c);
                return c.result;
            }
            if (AppCallTransfer.appCallees(c)) return c.result;
            UnmodelledCallTransfer.apply(c);
            boolean computed = LibraryCodeTransfer.apply(c);
            if (tainted) ctx.libraryCallReached(site(insn), callName(c.insn), computed ? ValueContext.BY_COMPUTED : ValueContext.BY_NOTHING);
        } else if (tainted) {
            ctx.libraryCallReached(site(insn), callName(c.insn), ValueContext.BY_MODEL);
        }
        SanitizerTransfer.apply(c);
        EscapedCharacters.apply(c);
        GuardTransfer.apply(c);
        return c.result;
    }

    /** Whether untrusted or sensitive data (a taint label, not a parameter flow) is among the call's inputs. */
    private static boolean reachedByTaint(List<? extends Value> values) {
        for (Value v : values) {
            if (v == null) continue;
            for (String l : v.labels()) if (Taint.isTaint(l)) return true;
        }
        return false;
    }

    private static String callName(MethodInsnNode mi) {
        return mi.owner + "." + mi.name + mi.desc;
    }

    /**
     * A value of a type tracked by the models (a WebView, an Intent) that has no object yet gets one with no
     * known facts, at a site that names where it entered: {@code entered} is parameter, this, field, cast or call
     * (and {@code parameter} its index); {@code declared} is its type when that is an app class (a WebView subclass).
     */
    private Value entered(Value v, String site, String how, int param) {
        if (v == null || v.object() != null || v.type() == null) return v;
        String kind = ctx.trackedKind(v.type());
        if (kind == null) return v;
        Map<String, Object> state = new HashMap<>();
        state.put("entered", how);
        if (param >= 0) state.put("parameter", param);
        if (ctx.program().isApp(v.type().getInternalName())) state.put("declared", v.type().getInternalName());
        return v.withObject(new AbstractObject(site, kind, state, false));
    }

    // What the transfer stages read of the method being analysed.
    /** The sink kinds a comparison with a constant upper bound clears ({@code bound-check-clears} in taint.yml). */
    List<String> boundClears() {
        if (boundClears == null) boundClears = List.copyOf(ctx.models().stringSet("bound-check-clears"));
        return boundClears;
    }

    private List<String> boundClears;

    /** The sink kinds text joined with other text no longer reaches alone ({@code mixing-clears} in taint.yml). */
    List<String> mixingClears() {
        if (mixingClears == null) mixingClears = List.copyOf(ctx.models().stringSet("mixing-clears"));
        return mixingClears;
    }

    private List<String> mixingClears;

    ValueContext context() {
        return ctx;
    }

    ComponentExposure exposure() {
        return exposure;
    }

    int depth() {
        return depth;
    }

    String ownerName() {
        return owner.name;
    }

    String methodName() {
        return method.name;
    }

    String methodDescriptor() {
        return method.desc;
    }

    int maxString() {
        return MAX_STRING;
    }

    /**
     * Queues an update of every alias of an object. Several updates of one object by one instruction
     * (a constructor that both creates a modelled object and receives labels) compose: labels add
     * up, and the modelled object state wins over a plain one.
     */
    /** The object an update queued by this instruction gives a site (an effect's new facts), or null. */
    AbstractObject pendingObject(String site) {
        for (AliasUpdate u : pending) {
            if (u.site().equals(site)) return u.replacement().object();
        }
        return null;
    }

    void addPending(AliasUpdate u) {
        for (int i = 0; i < pending.size(); i++) {
            AliasUpdate prev = pending.get(i);
            if (!prev.site().equals(u.site())) continue;
            Value a = prev.replacement();
            Value b = u.replacement();
            AbstractObject obj = b.object() != null && (b.object().kind() != null || a.object() == null || a.object().kind() == null) ? b.object() : a.object();
            Value merged = new Value(b.type() != null ? b.type() : a.type(), b.getSize(), b.isKnown() ? b.constants() : a.constants(),
                    b.isKnown() ? b.prefix() : a.prefix(), obj, -1, a.labels(), b.isKnown() ? b.origin() : a.origin()).withLabels(b.labels());
            pending.set(i, new AliasUpdate(u.site(), merged));
            return;
        }
        pending.add(u);
    }

    Origin originAt(AbstractInsnNode insn, String description) {
        return new Origin(description, owner.name, method.name, sourcePath(), line(insn));
    }
}
