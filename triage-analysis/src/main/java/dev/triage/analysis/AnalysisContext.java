package dev.triage.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.analysis.model.Models;
import dev.triage.analysis.model.SourceKind;
import dev.triage.analysis.value.AbstractObject;
import dev.triage.analysis.value.ComponentExposure;
import dev.triage.analysis.value.Origin;
import dev.triage.analysis.value.Value;
import dev.triage.analysis.value.ValueContext;
import dev.triage.program.MethodRef;
import dev.triage.program.Program;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the analyses of one program share: the program and models, the scan's settings (source kinds, clock, time
 * budget), the bundled properties, parsed code and method frames ({@link FrameCache}), the results of the
 * whole-program analyses ({@link AnalysisResults}: static finals, field labels, method summaries, Android exposure,
 * and the detectors' own), the taint sources met, and the problems. It answers the value interpreter's questions by
 * asking those parts. Thread-safe.
 */
public final class AnalysisContext implements ValueContext {
    /** Methods longer than this are not analysed (reported as not finished) to bound time and memory. */
    public static final int MAX_INSTRUCTIONS = 40_000;
    /** How deep helper calls are followed for return values and caller arguments. */
    public static final int MAX_DEPTH = 3;

    private final Program program;
    private final Models models;
    private final PropertiesIndex properties;
    private final Deadline deadline;
    private final Set<String> sourceKinds;
    private final Map<String, String> sourceClasses;
    private final Instant now;
    private final FrameCache code;
    private final AnalysisResults results;
    private final Map<String, Origin> sources = new ConcurrentHashMap<>();
    /** One line per problem; a method analysed at several depths fails once in the report. */
    private final Set<String> problems = Collections.synchronizedSet(new TreeSet<>());

    public AnalysisContext(Program program, Models models, Deadline deadline) {
        this(program, models, deadline, Set.of("remote"));
    }

    /**
     * @param sourceKinds the kinds of untrusted input that count (remote, environment, system-property,
     *                    command-line, file, socket, database)
     */
    public AnalysisContext(Program program, Models models, Deadline deadline, Set<String> sourceKinds) {
        this(program, models, deadline, sourceKinds, null);
    }

    /**
     * @param now the scan's clock reading, which time-dependent checks (certificate validity) judge against; null for
     *            the current time
     */
    public AnalysisContext(Program program, Models models, Deadline deadline, Set<String> sourceKinds, Instant now) {
        this.program = program;
        this.models = models;
        this.deadline = deadline;
        this.sourceKinds = Set.copyOf(sourceKinds);
        this.sourceClasses = sourceClasses(models);
        this.properties = new PropertiesIndex(program.resources());
        this.now = now == null ? Instant.now() : now;
        this.code = new FrameCache(this);
        this.results = new AnalysisResults(this);
    }

    /** The scan's clock reading: one instant for the whole scan (fixed in tests). */
    public Instant now() {
        return now;
    }

    @Override
    public Program program() { return program; }

    @Override
    public Models models() { return models; }

    public PropertiesIndex properties() { return properties; }

    public Deadline deadline() { return deadline; }

    /** The results of the whole-program analyses of this scan. */
    public AnalysisResults results() { return results; }

    /** Which Android code other apps can reach. */
    public ComponentExposure exposure() {
        return results.get(AndroidExposure.ID);
    }

    // ---- sources

    @Override
    public boolean sourceEnabled(String kind) {
        if (sourceKinds.contains(kind)) return true;
        // where data is written or read from, never a source a user picks
        String c = sourceClasses.get(kind);
        return "writable-location".equals(c) || "destination".equals(c);
    }

    @Override
    public boolean sensitiveSource(String kind) {
        return "sensitive".equals(sourceClasses.get(kind));
    }

    /** Source kind → its class (untrusted, sensitive, writable-location...), from taint.yml's source-kinds. */
    public Map<String, String> sourceClasses() {
        return sourceClasses;
    }

    private static Map<String, String> sourceClasses(Models models) {
        Map<String, String> out = new TreeMap<>();
        for (SourceKind k : models.sourceKinds) out.put(k.kind(), k.sourceClass());
        return Collections.unmodifiableMap(out);
    }

    @Override
    public void registerSource(String id, Origin where) {
        sources.putIfAbsent(id, where);
    }

    /** Where a taint source id stands (registered when its method was analysed), or null. */
    public Origin source(String id) {
        return sources.get(id);
    }

    // ---- problems and deadline

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
    public void checkDeadline() {
        deadline.check();
    }

    // ---- code

    public ClassNode classNode(String internalName) {
        return code.classNode(internalName);
    }

    public static MethodNode findMethod(ClassNode c, String name, String desc) {
        for (MethodNode m : c.methods) {
            if (m.name.equals(name) && m.desc.equals(desc)) return m;
        }
        return null;
    }

    /** Frames of an app method, cached; empty when it has no code or cannot be analysed. */
    public Optional<MethodFrames> frames(MethodRef ref, int depth) {
        return code.frames(ref, depth);
    }

    /** Runs the value analysis over one method (not cached). Null (with a problem recorded) when it cannot. */
    public MethodFrames analyse(ClassNode c, MethodNode m, int depth) {
        return code.analyse(c, m, depth, exposure());
    }

    /** The value analysis of one method seeing this exposure (the registrations' analysis sees the manifest's alone). */
    MethodFrames analyse(ClassNode c, MethodNode m, int depth, ComponentExposure exposure) {
        return code.analyse(c, m, depth, exposure);
    }

    // ---- what the value interpreter asks

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
        Value v = results.get(StaticFinals.ID).value(owner, name, descriptor, depth);
        return v != null ? v : results.get(StaticFieldLabels.ID).value(owner, name, descriptor, depth);
    }

    @Override
    public Value instanceField(String owner, String name, String descriptor, int depth) {
        return results.get(FieldLabels.ID).value(owner, name, descriptor, depth);
    }

    @Override
    public Set<String> deliveredLabels(String owner, MethodNode method, int param, int depth) {
        Set<String> intents = results.get(IntentLinks.ID).parameterLabels(owner, method, param, depth);
        Set<String> handed = results.get(CallbackHandoffs.ID).parameterLabels(owner, method, param, depth);
        if (handed.isEmpty()) return intents;
        if (intents.isEmpty()) return handed;
        Set<String> both = new TreeSet<>(intents);
        both.addAll(handed);
        return both;
    }

    @Override
    public boolean savedStateParameter(String owner, MethodNode method, int param) {
        return results.get(IntentLinks.ID).savedStateParameter(owner, method, param);
    }

    @Override
    public Set<String> deliveredCallLabels(org.objectweb.asm.tree.MethodInsnNode call, int depth) {
        return results.get(IntentLinks.ID).callLabels(call, depth);
    }

    @Override
    public Set<String> storeKeyLabels(org.objectweb.asm.tree.MethodInsnNode call, List<? extends Value> args) {
        return results.get(StoredValues.ID).keyLabels(call, args);
    }

    @Override
    public Set<String> storedLabels(org.objectweb.asm.tree.MethodInsnNode call, List<? extends Value> args, int depth) {
        return results.get(StoredValues.ID).readLabels(call, args, depth);
    }

    @Override
    public Set<Integer> viewIds(String input) {
        return results.get(LayoutViews.ID).ids(input);
    }

    private volatile dev.triage.analysis.value.LibraryCodeSummaries libraryCode;
    /** Library call sites tainted data reaches → how they were described (see {@link ValueContext#BY_MODEL}). */
    private final Map<String, Integer> reachedSites = new ConcurrentHashMap<>();
    private final Map<String, Integer> reachedMethods = new ConcurrentHashMap<>();

    /**
     * {@code -Dtriage.library-summaries=off} turns summaries computed from library code off (to measure what they
     * cost and find); they are on by default.
     */
    private static final boolean LIBRARY_SUMMARIES = !"off".equals(System.getProperty("triage.library-summaries"));

    @Override
    public dev.triage.analysis.value.LibraryCodeSummaries libraryCode() {
        if (!LIBRARY_SUMMARIES) return null;
        dev.triage.analysis.value.LibraryCodeSummaries l = libraryCode;
        if (l == null) {
            synchronized (this) {
                l = libraryCode;
                if (l == null) libraryCode = l = new dev.triage.analysis.value.LibraryCodeSummaries(program, models);
            }
        }
        return l;
    }

    @Override
    public void libraryCallReached(String site, String method, int describedBy) {
        // a site is analysed several times (fixpoint, depths): the best description it got counts
        reachedSites.merge(site, describedBy, Math::min);
        reachedMethods.merge(method, describedBy, Math::min);
    }

    /** Model coverage of the library calls tainted data reached in this scan. */
    public ModelCoverage coverage() {
        int[] sites = new int[3];
        reachedSites.values().forEach(v -> sites[v]++);
        int[] methods = new int[3];
        reachedMethods.values().forEach(v -> methods[v]++);
        return new ModelCoverage(sites[0], sites[1], sites[2], methods[0], methods[1], methods[2]);
    }

    @Override
    public Value returnSummary(MethodRef method, int depth) {
        return results.get(MethodSummaries.ID).returnValue(method, depth);
    }

    @Override
    public Map<Integer, AbstractObject> parameterEffects(MethodRef method, int depth) {
        return results.get(MethodSummaries.ID).parameterEffects(method, depth);
    }

    @Override
    public Map<Integer, dev.triage.analysis.value.ParameterGuard> parameterGuards(MethodRef method, int depth) {
        return results.get(MethodSummaries.ID).parameterGuards(method, depth);
    }

    @Override
    public String trackedKind(Type type) {
        return results.get(TrackedTypes.ID).kind(type);
    }
}
