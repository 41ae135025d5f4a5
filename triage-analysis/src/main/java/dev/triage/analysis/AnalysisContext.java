package dev.triage.analysis;

import dev.triage.analysis.model.Models;
import dev.triage.analysis.value.Origin;
import dev.triage.analysis.value.PruningAnalyzer;
import dev.triage.analysis.value.Value;
import dev.triage.analysis.value.ValueContext;
import dev.triage.analysis.value.ValueInterpreter;
import dev.triage.program.ClassInfo;
import dev.triage.program.FieldInfo;
import dev.triage.program.MethodRef;
import dev.triage.program.Program;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shared state of the analyses of one program: models, bundled properties, caches of parsed classes,
 * method frames, static field values and helper return values, and the budget. Thread-safe.
 */
public final class AnalysisContext implements ValueContext {
    /** Methods longer than this are not analysed (reported as not finished) to bound time and memory. */
    public static final int MAX_INSTRUCTIONS = 40_000;
    /** How deep helper calls are followed for return values and caller arguments. */
    public static final int MAX_DEPTH = 3;

    private final Program program;
    private final Models models;
    private final PropertiesIndex properties;
    private final Budget budget;
    private final Map<String, ClassNode> classCache = Collections.synchronizedMap(lru(256));
    private final Map<String, Optional<MethodFrames>> framesCache = Collections.synchronizedMap(lru(2048));
    private final Map<String, Map<String, Value>> staticFinals = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Set<String>>> fieldLabels = new ConcurrentHashMap<>();
    private final Map<String, Optional<Value>> returns = new ConcurrentHashMap<>();
    /** One line per problem; a method analysed at several depths fails once in the report. */
    private final Set<String> problems = Collections.synchronizedSet(new java.util.TreeSet<>());

    private final Set<String> sourceKinds;
    private final java.time.Instant now;
    private final Map<String, Origin> sources = new ConcurrentHashMap<>();

    public AnalysisContext(Program program, Models models, Budget budget) {
        this(program, models, budget, Set.of("remote"));
    }

    /**
     * @param sourceKinds the kinds of untrusted input that count (remote, environment, system-property,
     *                    command-line, file, socket, database)
     */
    public AnalysisContext(Program program, Models models, Budget budget, Set<String> sourceKinds) {
        this(program, models, budget, sourceKinds, null);
    }

    /**
     * @param now the scan's clock reading, which time-dependent checks (certificate validity) judge against; null for
     *            the current time
     */
    public AnalysisContext(Program program, Models models, Budget budget, Set<String> sourceKinds, java.time.Instant now) {
        this.program = program;
        this.models = models;
        this.budget = budget;
        this.sourceKinds = Set.copyOf(sourceKinds);
        this.properties = new PropertiesIndex(program.resources());
        this.now = now == null ? java.time.Instant.now() : now;
    }

    /** The scan's clock reading: one instant for the whole scan (fixed in tests). */
    public java.time.Instant now() {
        return now;
    }

    @Override
    public boolean sourceEnabled(String kind) {
        if (sourceKinds.contains(kind)) return true;
        // where data is written or read from, never a source a user picks
        String c = sourceClasses().get(kind);
        return "writable-location".equals(c) || "destination".equals(c);
    }

    @Override
    public boolean sensitiveSource(String kind) {
        return "sensitive".equals(sourceClasses().get(kind));
    }

    private volatile Map<String, String> sourceClasses;

    /** Source kind → its class (untrusted, sensitive, writable-location...), from taint.yml's source-classes. */
    public Map<String, String> sourceClasses() {
        Map<String, String> m = sourceClasses;
        if (m == null) {
            Map<String, String> out = new java.util.TreeMap<>();
            com.fasterxml.jackson.databind.JsonNode t = models.tables.get("source-classes");
            if (t != null) t.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
            sourceClasses = m = Collections.unmodifiableMap(out);
        }
        return m;
    }

    private final Map<String, Boolean> exposedCode = new ConcurrentHashMap<>();

    @Override
    public boolean exposedComponent(String internalName) {
        if (program.android() == null || internalName == null) return false;
        int slash = internalName.lastIndexOf('/');
        // Outer$Inner$1 runs inside Outer$Inner and Outer
        for (String k = internalName; k != null; ) {
            if (exposedComponentClass(k)) return true;
            int d = k.lastIndexOf('$');
            k = d > slash ? k.substring(0, d) : null;
        }
        return false;
    }

    @Override
    public boolean exposedComponentClass(String internalName) {
        dev.triage.program.android.AndroidApp app = program.android();
        if (app == null || internalName == null) return false;
        Boolean known = exposedCode.get(internalName);
        if (known != null) return known;
        boolean exposed = false;
        for (dev.triage.program.android.AndroidApp.Component c : app.components()) {
            if (c.implementation() != null && app.exposed(c) && isOrExtends(c.implementation(), internalName)) {
                exposed = true;
                break;
            }
        }
        Set<String> dynamic = dynamicReceivers();
        if (dynamic == null) return exposed; // being computed on this thread: decide without, and do not cache
        if (!exposed) {
            for (String r : dynamic) {
                if (isOrExtends(r, internalName)) {
                    exposed = true;
                    break;
                }
            }
        }
        exposedCode.put(internalName, exposed);
        return exposed;
    }

    /** Objects of {@code component} run the code of {@code cls}: it is the class or an app superclass of it. */
    private boolean isOrExtends(String component, String cls) {
        return component.equals(cls) || (program.isApp(cls) && program.isSubtype(component, cls));
    }

    private volatile Set<String> dynamicReceivers;
    private final Object dynamicLock = new Object();
    private final ThreadLocal<Boolean> computingReceivers = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /**
     * App classes whose objects the app registers with the system at run time so that any app can call them (a
     * broadcast receiver registered without RECEIVER_NOT_EXPORTED or a permission); null while being computed on
     * this thread. Registration calls come from the models' {@code registrations} rows.
     */
    private Set<String> dynamicReceivers() {
        Set<String> d = dynamicReceivers;
        if (d != null) return d;
        if (computingReceivers.get()) return null;
        synchronized (dynamicLock) {
            if (dynamicReceivers != null) return dynamicReceivers;
            computingReceivers.set(Boolean.TRUE);
            try {
                dynamicReceivers = d = computeDynamicReceivers();
            } finally {
                computingReceivers.set(Boolean.FALSE);
            }
            return d;
        }
    }

    private Set<String> computeDynamicReceivers() {
        Set<String> out = new java.util.TreeSet<>();
        if (models.registrations.isEmpty() || program.android() == null) return out;
        Set<String> names = new java.util.HashSet<>();
        models.registrations.forEach(r -> names.add(r.method().name()));
        int notExported = 0;
        for (com.fasterxml.jackson.databind.JsonNode f : models.tables.getOrDefault("receiver-not-exported-flags",
                com.fasterxml.jackson.databind.node.MissingNode.getInstance())) notExported |= f.asInt();
        for (Program.AppClass a : program.appClasses()) {
            if (names.stream().noneMatch(n -> mentions(a.bytes(), n))) continue;
            ClassNode c = program.readCode(a.info().name());
            if (c == null) continue;
            for (MethodNode m : c.methods) {
                boolean calls = false;
                for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null && !calls; insn = insn.getNext()) {
                    calls = insn instanceof org.objectweb.asm.tree.MethodInsnNode mi && names.contains(mi.name);
                }
                if (!calls) continue;
                MethodFrames mf;
                try {
                    mf = analyse(c, m, MAX_DEPTH + 1);
                } catch (BudgetExceeded e) {
                    throw e;
                } catch (RuntimeException e) {
                    continue;
                }
                if (mf == null) continue;
                for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                    if (!(insn instanceof org.objectweb.asm.tree.MethodInsnNode mi) || mf.before(mi) == null) continue;
                    for (dev.triage.analysis.model.Rows.Registration r : models.registrations) {
                        if (!ValueInterpreter.matches(r.method(), mi, program)) continue;
                        boolean recv = mi.getOpcode() != Opcodes.INVOKESTATIC;
                        if (r.permission() >= 0) {
                            Value p = mf.argument(mi, mi.desc, recv, r.permission());
                            // a permission (or one we cannot see) restricts who may send
                            if (p == null || p.constants() == null || p.constants().size() != 1
                                    || p.constants().iterator().next() != Value.NULL) continue;
                        }
                        if (r.flags() >= 0) {
                            Value f = mf.argument(mi, mi.desc, recv, r.flags());
                            Integer flags = f == null ? null : f.singleInt();
                            if (flags == null || (flags & notExported) != 0) continue;
                        }
                        Value receiver = mf.argument(mi, mi.desc, recv, r.receiver());
                        if (receiver == null) continue;
                        if (receiver.obj() != null && receiver.obj().get("new") instanceof String exact) {
                            if (program.isApp(exact)) out.add(exact);
                        } else if (receiver.type() != null && receiver.type().getSort() == Type.OBJECT) {
                            String t = receiver.type().getInternalName();
                            if (program.isApp(t)) out.add(t);
                            for (String sub : program.subtypes(t)) if (program.isApp(sub)) out.add(sub);
                        }
                    }
                }
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /** Whether a class file's bytes contain this name (a cheap filter before parsing its code). */
    private static boolean mentions(byte[] bytes, String name) {
        byte[] n = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + n.length <= bytes.length; i++) {
            for (int j = 0; j < n.length; j++) if (bytes[i + j] != n[j]) continue outer;
            return true;
        }
        return false;
    }

    @Override
    public void registerSource(String id, Origin where) {
        sources.putIfAbsent(id, where);
    }

    private final Map<String, Map<String, Object>> caches = new ConcurrentHashMap<>();

    /** A named cache for detectors' per-method results (keys must make results order-independent). */
    @SuppressWarnings("unchecked")
    public <T> Map<String, T> cache(String name) {
        return (Map<String, T>) (Map<String, ?>) caches.computeIfAbsent(name, k -> new ConcurrentHashMap<>());
    }

    /** Where a taint source id stands (registered when its method was analysed), or null. */
    public Origin source(String id) {
        return sources.get(id);
    }

    private static <K, V> Map<K, V> lru(int max) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> e) {
                return size() > max;
            }
        };
    }

    @Override
    public Program program() { return program; }

    @Override
    public Models models() { return models; }

    public PropertiesIndex properties() { return properties; }

    public Budget budget() { return budget; }

    /** Problems met while analysing (method too large, analysis error), one line each. */
    public List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    void problem(String line) {
        problems.add(line);
    }

    @Override
    public void checkBudget() {
        budget.check();
    }

    public ClassNode classNode(String internalName) {
        ClassNode n = classCache.get(internalName);
        if (n == null) {
            n = program.readCode(internalName);
            if (n != null) classCache.put(internalName, n);
        }
        return n;
    }

    public static MethodNode findMethod(ClassNode c, String name, String desc) {
        for (MethodNode m : c.methods) {
            if (m.name.equals(name) && m.desc.equals(desc)) return m;
        }
        return null;
    }

    /** Frames of an app method, cached; empty when it has no code or cannot be analysed. */
    public Optional<MethodFrames> frames(MethodRef ref, int depth) {
        // Keyed by depth too: deeper analyses follow fewer helpers, and a result must not depend on
        // which thread asked first (determinism).
        String key = depth + " " + ref;
        Optional<MethodFrames> f = framesCache.get(key);
        if (f != null) return f;
        ClassNode c = classNode(ref.owner());
        MethodNode m = c == null ? null : findMethod(c, ref.name(), ref.descriptor());
        f = m == null ? Optional.empty() : Optional.ofNullable(analyse(c, m, depth));
        framesCache.put(key, f);
        return f;
    }

    /** Runs the value analysis over one method. Null (with a problem recorded) when it cannot. */
    public MethodFrames analyse(ClassNode c, MethodNode m, int depth) {
        if (m.instructions.size() == 0) return null;
        if (m.instructions.size() > MAX_INSTRUCTIONS) {
            problem(c.name.replace('/', '.') + "." + m.name + ": " + m.instructions.size()
                    + " instructions exceed the per-method limit " + MAX_INSTRUCTIONS + "; not analysed");
            return null;
        }
        ValueInterpreter vi = new ValueInterpreter(this, c, m, depth);
        try {
            Frame<Value>[] frames = PruningAnalyzer.analyze(c.name, m, vi);
            return new MethodFrames(c, m, frames, vi);
        } catch (AnalyzerException | RuntimeException e) {
            if (e instanceof BudgetExceeded be) throw be;
            problem(c.name.replace('/', '.') + "." + m.name + m.desc + ": analysis failed: " + e.getMessage());
            return null;
        }
    }

    @Override
    public Value property(String key, Type type) {
        List<PropertiesIndex.Entry> entries = properties.lookup(key);
        if (entries.isEmpty()) return null;
        Set<Object> values = new LinkedHashSet<>();
        for (PropertiesIndex.Entry e : entries) values.add(e.value());
        PropertiesIndex.Entry first = entries.get(0);
        Origin origin = new Origin("property " + key + "=" + first.value() + " in " + first.file(), "", "", first.file(), first.line());
        Type t = type.getSort() == Type.OBJECT ? type : Type.getObjectType("java/lang/String");
        if (values.size() > Value.MAX_CONSTANTS) return Value.unknown(t);
        return new Value(t, 1, values, values.size() == 1 ? first.value() : null, null, -1, Set.of(), origin);
    }

    @Override
    public Value staticField(String owner, String name, String descriptor, int depth) {
        ClassInfo ci = program.find(owner);
        if (ci == null) return null;
        FieldInfo f = ci.field(name, descriptor);
        if (f == null) {
            // Inherited static field: resolve in supertypes.
            for (String s : program.supertypes(owner)) {
                ClassInfo sc = program.find(s);
                if (sc != null && sc.field(name, descriptor) != null) {
                    if (!s.equals(owner)) return staticField(s, name, descriptor, depth);
                }
            }
            return null;
        }
        Type t = Type.getType(descriptor);
        if (f.constantValue() != null) {
            Object c = f.constantValue();
            String text = c instanceof String s ? "\"" + s + "\"" : String.valueOf(c);
            return Value.constant(t, c, new Origin("constant " + ci.dottedName() + "." + name + " = " + text,
                    owner, "", ci.sourcePath(), 0));
        }
        // Static initialisers are analysed at a depth past MAX_DEPTH, where only compile-time
        // constants of other classes are resolved: the result never depends on analysis order.
        if (!f.isFinal() || !f.isStatic() || !program.isApp(owner) || depth > MAX_DEPTH) return null;
        Map<String, Value> finals = staticFinals.computeIfAbsent(owner, this::computeStaticFinals);
        Value v = finals.get(name + ":" + descriptor);
        return v == null ? null : v.withType(t);
    }

    /** Values a class's static initialiser stores in its static final fields (written exactly once). */
    private Map<String, Value> computeStaticFinals(String owner) {
        ClassNode c = classNode(owner);
        if (c == null) return Map.of();
        MethodNode clinit = findMethod(c, "<clinit>", "()V");
        if (clinit == null) return Map.of();
        MethodFrames mf = analyse(c, clinit, MAX_DEPTH + 1);
        if (mf == null) return Map.of();
        Map<String, Value> out = new HashMap<>();
        Map<String, Integer> writes = new HashMap<>();
        for (AbstractInsnNode insn = clinit.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn.getOpcode() == Opcodes.PUTSTATIC && insn instanceof FieldInsnNode fi && fi.owner.equals(owner)) {
                Frame<Value> f = mf.before(insn);
                if (f == null) continue;
                String key = fi.name + ":" + fi.desc;
                writes.merge(key, 1, Integer::sum);
                Value v = f.getStack(f.getStackSize() - 1);
                ClassInfo ci = program.find(owner);
                String desc = v.origin() != null ? v.origin().description() : "static initialiser";
                out.put(key, v.withOrigin(new Origin(desc + " (field " + ci.dottedName() + "." + fi.name + ")", owner,
                        "<clinit>", ci.sourcePath(), mf.line(insn))));
            }
        }
        // A field written twice, or read back in the initialiser (and so perhaps filled in place), is not constant.
        for (AbstractInsnNode insn = clinit.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn.getOpcode() == Opcodes.GETSTATIC && insn instanceof FieldInsnNode fi && fi.owner.equals(owner)) {
                writes.merge(fi.name + ":" + fi.desc, 2, Integer::sum);
            }
        }
        writes.forEach((k, n) -> {
            if (n > 1) out.remove(k);
        });
        return out;
    }

    @Override
    public Value instanceField(String owner, String name, String descriptor, int depth) {
        if (depth > MAX_DEPTH || !program.isApp(owner)) return null;
        Set<String> labels = fieldLabels.computeIfAbsent(owner, this::computeFieldLabels).get(name + ":" + descriptor);
        if (labels == null || labels.isEmpty()) return null;
        return Value.unknown(Type.getType(descriptor)).withLabels(labels);
    }

    /**
     * Labels of the values a class (and its nested classes) store in its own instance fields. The
     * methods are analysed past MAX_DEPTH, where fields are not resolved again: no recursion, and a
     * result independent of analysis order.
     */
    private Map<String, Set<String>> computeFieldLabels(String owner) {
        Map<String, Set<String>> out = new HashMap<>();
        List<String> classes = new ArrayList<>();
        classes.add(owner);
        classes.addAll(nestedClasses().getOrDefault(owner, List.of()));
        for (String cn : classes) {
            ClassNode c = classNode(cn);
            if (c == null) continue;
            for (MethodNode m : c.methods) {
                boolean writes = false;
                for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null && !writes; insn = insn.getNext()) {
                    writes = insn.getOpcode() == Opcodes.PUTFIELD && ((FieldInsnNode) insn).owner.equals(owner);
                }
                if (!writes) continue;
                MethodFrames mf = analyse(c, m, MAX_DEPTH + 1);
                if (mf == null) continue;
                for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                    if (insn.getOpcode() != Opcodes.PUTFIELD || !((FieldInsnNode) insn).owner.equals(owner)) continue;
                    Frame<Value> f = mf.before(insn);
                    if (f == null) continue;
                    FieldInsnNode fi = (FieldInsnNode) insn;
                    Set<String> l = out.computeIfAbsent(fi.name + ":" + fi.desc, k -> new java.util.TreeSet<>());
                    for (String label : f.getStack(f.getStackSize() - 1).labels()) {
                        if (!label.startsWith("@")) {
                            l.add(label);
                        } else if (m.name.equals("<init>") && capture(c, fi.name) && label.startsWith("@p")) {
                            // A local captured by an inner, anonymous or lambda class: what its creators pass.
                            l.addAll(labelsPassedTo(new MethodRef(cn, m.name, m.desc), dev.triage.analysis.value.Taint.param(label)));
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * A field that holds a value captured when the object was made: javac's {@code val$x} in inner and anonymous
     * classes, kotlinc's {@code $x}, and every field of a synthetic class, which is what D8 turns a lambda or
     * method reference into ({@code Foo$$ExternalSyntheticLambda0.f$0}).
     */
    static boolean capture(ClassNode c, String field) {
        return field.startsWith("val$") || field.startsWith("$") || (c.access & Opcodes.ACC_SYNTHETIC) != 0
                || c.name.contains("$$ExternalSyntheticLambda") || c.name.contains("$$Lambda");
    }

    private volatile Map<String, List<String>> nested;

    /** App classes nested in each app class ({@code Outer$Inner}, {@code Outer$1}), indexed once. */
    private Map<String, List<String>> nestedClasses() {
        Map<String, List<String>> n = nested;
        if (n == null) {
            synchronized (this) {
                n = nested;
                if (n == null) {
                    Map<String, List<String>> m = new HashMap<>();
                    for (Program.AppClass a : program.appClasses()) {
                        String name = a.info().name();
                        // Outer$Inner$1 is nested in Outer and in Outer$Inner.
                        for (int d = name.indexOf('$', name.lastIndexOf('/') + 1); d > 0; d = name.indexOf('$', d + 1)) {
                            m.computeIfAbsent(name.substring(0, d), k -> new ArrayList<>()).add(name);
                        }
                    }
                    nested = n = m;
                }
            }
        }
        return n;
    }

    /** Taint labels callers pass as a declared parameter of a method (callers analysed past MAX_DEPTH). */
    private Set<String> labelsPassedTo(MethodRef target, int param) {
        Set<String> out = new java.util.TreeSet<>();
        if (param < 0) return out;
        for (MethodRef caller : program.callGraph().callers(target)) {
            ClassNode c = classNode(caller.owner());
            MethodNode m = c == null ? null : findMethod(c, caller.name(), caller.descriptor());
            if (m == null) continue;
            MethodFrames mf = analyse(c, m, MAX_DEPTH + 1);
            if (mf == null) continue;
            for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                if (!(insn instanceof org.objectweb.asm.tree.MethodInsnNode mi) || !mi.owner.equals(target.owner())
                        || !mi.name.equals(target.name()) || !mi.desc.equals(target.descriptor())) continue;
                Value arg = mf.argument(mi, mi.desc, mi.getOpcode() != Opcodes.INVOKESTATIC, param);
                if (arg == null) continue;
                for (String l : arg.labels()) if (dev.triage.analysis.value.Taint.isTaint(l)) out.add(l);
            }
        }
        return out;
    }

    private final Map<String, Optional<String>> trackedKinds = new ConcurrentHashMap<>();
    private final Map<String, Optional<Map<Integer, dev.triage.analysis.value.Obj>>> parameterEffects = new ConcurrentHashMap<>();

    @Override
    public String trackedKind(Type type) {
        if (type == null || type.getSort() != Type.OBJECT || models.trackedTypes().isEmpty()) return null;
        return trackedKinds.computeIfAbsent(type.getInternalName(), n -> {
            for (Map.Entry<String, String> t : models.trackedTypes().entrySet()) {
                if (n.equals(t.getKey()) || program.isSubtype(n, t.getKey())) return Optional.of(t.getValue());
            }
            return Optional.empty();
        }).orElse(null);
    }

    @Override
    public Map<Integer, dev.triage.analysis.value.Obj> parameterEffects(MethodRef method, int depth) {
        if (depth > MAX_DEPTH) return null;
        String key = depth + " " + method;
        Optional<Map<Integer, dev.triage.analysis.value.Obj>> cached = parameterEffects.get(key);
        if (cached != null) return cached.orElse(null);
        Map<Integer, dev.triage.analysis.value.Obj> out = null;
        Optional<MethodFrames> mf = frames(method, depth);
        if (mf.isPresent()) {
            MethodNode m = mf.get().method();
            // The sites of the tracked objects the method starts with: its receiver and parameters.
            Map<Integer, String> sites = new java.util.TreeMap<>();
            if ((m.access & Opcodes.ACC_STATIC) == 0 && trackedKind(Type.getObjectType(method.owner())) != null) {
                sites.put(-1, ValueInterpreter.thisSite(method.owner()));
            }
            Type[] params = Type.getArgumentTypes(method.descriptor());
            for (int i = 0; i < params.length; i++) {
                if (trackedKind(params[i]) != null) sites.put(i, ValueInterpreter.parameterSite(method.owner(), method.name(), method.descriptor(), i));
            }
            out = new java.util.TreeMap<>();
            Set<Integer> lost = new java.util.HashSet<>();
            for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                int op = insn.getOpcode();
                if (op < Opcodes.IRETURN || op > Opcodes.RETURN) continue;
                Frame<Value> f = mf.get().before(insn);
                if (f == null) continue;
                for (Map.Entry<Integer, String> s : sites.entrySet()) {
                    dev.triage.analysis.value.Obj o = objectAt(f, s.getValue());
                    if (o == null) {
                        lost.add(s.getKey());
                    } else {
                        dev.triage.analysis.value.Obj prev = out.get(s.getKey());
                        out.put(s.getKey(), prev == null ? o : prev.merge(o));
                    }
                }
            }
            lost.forEach(out::remove);
        }
        parameterEffects.put(key, Optional.ofNullable(out));
        return out;
    }

    /** The object of a site as a frame holds it (in a local or on the stack), or null. */
    public static dev.triage.analysis.value.Obj objectAt(Frame<Value> f, String site) {
        for (int i = 0; i < f.getLocals(); i++) {
            Value v = f.getLocal(i);
            if (v != null && v.obj() != null && v.obj().site().equals(site)) return v.obj();
        }
        for (int i = 0; i < f.getStackSize(); i++) {
            Value v = f.getStack(i);
            if (v != null && v.obj() != null && v.obj().site().equals(site)) return v.obj();
        }
        return null;
    }

    @Override
    public Value returnSummary(MethodRef method, int depth) {
        // Recursion ends at MAX_DEPTH; the result is a function of (method, depth) alone.
        if (depth > MAX_DEPTH) return null;
        String key = depth + " " + method;
        Optional<Value> cached = returns.get(key);
        if (cached != null) return cached.orElse(null);
        {
            Value merged = null;
            Optional<MethodFrames> mf = frames(method, depth);
            if (mf.isPresent()) {
                MethodNode m = mf.get().method();
                for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                    int op = insn.getOpcode();
                    if (op >= Opcodes.IRETURN && op <= Opcodes.ARETURN) {
                        Frame<Value> f = mf.get().before(insn);
                        if (f == null) continue;
                        Value v = f.getStack(f.getStackSize() - 1);
                        merged = merged == null ? v : merged.merge(v);
                    }
                }
            }
            returns.put(key, Optional.ofNullable(merged));
            return merged;
        }
    }
}
