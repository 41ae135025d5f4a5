package dev.triage.analysis.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.triage.contract.BundledIndex;
import dev.triage.contract.Severity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All models, read from the YAML files listed in {@code dev/triage/models/index.list}: one file per
 * library or API family. Rows have named keys (see docs/models.md); the {@code kind} string is the
 * only link between a model row and the detector that consumes it.
 */
public final class Models {
    private static final String BASE = "dev/triage/models/";
    public final List<ArgumentRow> arguments = new ArrayList<>();
    public final List<CallRow> calls = new ArrayList<>();
    public final List<FieldRow> fields = new ArrayList<>();
    public final List<SummaryRow> summaries = new ArrayList<>();
    public final List<ObjectType> objects = new ArrayList<>();
    public final List<CheckRow> checks = new ArrayList<>();
    public final List<ParameterRow> parameters = new ArrayList<>();
    public final List<SanitizerRow> sanitizers = new ArrayList<>();
    public final List<GuardRow> guards = new ArrayList<>();
    public final List<RegistrationRow> registrations = new ArrayList<>();
    public final List<NeutralRow> neutrals = new ArrayList<>();
    /** Handler return values that are sinks ({@code returns}). */
    public final List<ReturnRow> returns = new ArrayList<>();
    /** Constructors of the maps and lists the value analysis follows element by element ({@code containers}). */
    public final List<ContainerRow> containers = new ArrayList<>();
    /** The JDK value classes the value analysis evaluates calls of, and how ({@code value-classes}). */
    public final List<ValueClassRow> valueClasses = new ArrayList<>();
    /** The kinds of taint source, in file order (taint.yml's {@code source-kinds}). */
    public final List<SourceKind> sourceKinds = new ArrayList<>();
    /** Free-form data tables detectors read (weak algorithm lists, minimum key sizes...). */
    public final Map<String, JsonNode> tables = new LinkedHashMap<>();
    /** The model file each table was read from (a finding cites it, {@link #citeTable}). */
    final Map<String, String> tableFiles = new LinkedHashMap<>();

    private final Map<String, List<ArgumentRow>> argumentsByName = new HashMap<>();
    private final Map<String, List<CallRow>> callsByName = new HashMap<>();
    private final Map<String, List<SummaryRow>> summariesByName = new HashMap<>();
    private final Map<String, List<CheckRow>> checksByName = new HashMap<>();
    private final Map<String, List<SanitizerRow>> sanitizersByName = new HashMap<>();
    private final Map<String, List<GuardRow>> guardsByName = new HashMap<>();
    private final Map<String, List<NeutralRow>> neutralsByName = new HashMap<>();
    private final Map<String, SourceKind> sourceKindsByName = new LinkedHashMap<>();
    private final Map<String, List<ParameterRow>> parametersByAnnotation = new HashMap<>();
    private final Map<String, List<ParameterRow>> parametersByMethodAnnotation = new HashMap<>();
    private final Map<String, List<ParameterRow>> parametersByMethodName = new HashMap<>();
    private final Map<String, List<FieldRow>> fieldsByName = new HashMap<>();
    private final Map<String, List<CreatedBy>> creatorsByName = new HashMap<>();
    private final Map<String, List<EffectOf>> effectsByName = new HashMap<>();
    private final Map<String, List<CreatedBy>> viewsByName = new HashMap<>();
    /** Container constructors: owner → descriptor → kind ({@code map}, {@code list}); looked up without building a key. */
    private final Map<String, Map<String, ContainerRow>> containerRows = new HashMap<>();
    /** Value-class rows by their class (internal name), in file order; those that cover subtypes also in the list below. */
    private final Map<String, List<ValueClassRow>> valueClassRows = new HashMap<>();
    private final List<ValueClassRow> valueClassSubtypeRows = new ArrayList<>();
    /** Value-class kind → the classes of its rows. */
    private final Map<String, Set<String>> valueClassesByKind = new HashMap<>();
    /** Internal type name → object kind, for objects tracked by type ({@code types}). */
    private final Map<String, String> trackedTypes = new LinkedHashMap<>();

    /** A creation call of an object type, with the fixed facts it records. */
    public record CreatedBy(ObjectType type, MethodPattern method, Map<String, Object> facts) {
    }

    /** An effect with its object type. */
    public record EffectOf(ObjectType type, EffectRow effect) {
    }

    private static final class Holder {
        static final Models BUILT_IN = load(Models.class.getClassLoader());
    }

    public static Models builtIn() {
        return Holder.BUILT_IN;
    }

    /** The model files loaded, in index order. */
    public List<String> files() {
        return Collections.unmodifiableList(files);
    }

    private final List<String> files = new ArrayList<>();

    public static Models load(ClassLoader loader) {
        Models m = new Models();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ModelReader reader = new ModelReader();
        Map<String, JsonNode> trees = new LinkedHashMap<>();
        for (String file : BundledIndex.read(loader, BASE)) {
            m.files.add(file);
            try (InputStream in = loader.getResourceAsStream(BASE + file)) {
                if (in == null) throw new IllegalStateException("model file listed but missing: " + file);
                JsonNode root = yaml.readTree(in);
                trees.put(file, root);
                reader.patterns(file, root);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read model file " + file, e);
            }
        }
        trees.forEach((file, root) -> reader.read(m, file, root));
        m.unusedPatterns = reader.unusedPatterns();
        m.sanitizeAlike();
        m.index();
        return m;
    }

    private Set<String> unusedPatterns = Set.of();

    /**
     * {@code sink-kind-sanitized-as} (taint.yml): a sink kind that the same encoders and checks make safe as another
     * kind (an error page's message is HTML: what clears {@code xss} clears {@code error-page} too). Every sanitizer
     * and guard row that clears the other kind clears this one as well.
     */
    private void sanitizeAlike() {
        JsonNode t = tables.get("sink-kind-sanitized-as");
        if (t == null) return;
        Map<String, List<String>> alikeOf = new LinkedHashMap<>();
        t.fields().forEachRemaining(e -> alikeOf.computeIfAbsent(e.getValue().asText(), k -> new ArrayList<>()).add(e.getKey()));
        sanitizers.replaceAll(r -> {
            List<String> c = withAlike(r.clears(), alikeOf);
            return c == r.clears() ? r : new SanitizerRow(r.method(), r.from(), r.to(), c, r.when(), r.provenance(), r.file());
        });
        guards.replaceAll(g -> {
            List<String> c = withAlike(g.clears(), alikeOf);
            return c == g.clears() ? g : new GuardRow(g.method(), g.checks(), c, g.when(), g.pattern(), g.makes(), g.requires(),
                    g.untainted(), g.provenance(), g.file());
        });
    }

    private static List<String> withAlike(List<String> clears, Map<String, List<String>> alikeOf) {
        List<String> out = null;
        for (String k : clears) {
            for (String alike : alikeOf.getOrDefault(k, List.of())) {
                if (clears.contains(alike)) continue;
                if (out == null) out = new ArrayList<>(clears);
                if (!out.contains(alike)) out.add(alike);
            }
        }
        return out == null ? clears : out;
    }

    /** Named patterns that no row refers to (kept empty by a test). */
    public Set<String> unusedPatterns() {
        return unusedPatterns;
    }

    private void index() {
        arguments.forEach(a -> argumentsByName.computeIfAbsent(a.method().name(), k -> new ArrayList<>()).add(a));
        calls.forEach(c -> callsByName.computeIfAbsent(c.method().name(), k -> new ArrayList<>()).add(c));
        summaries.forEach(s -> summariesByName.computeIfAbsent(s.method().name(), k -> new ArrayList<>()).add(s));
        checks.forEach(c -> checksByName.computeIfAbsent(c.at().name(), k -> new ArrayList<>()).add(c));
        sanitizers.forEach(c -> sanitizersByName.computeIfAbsent(c.method().name(), k -> new ArrayList<>()).add(c));
        guards.forEach(g -> guardsByName.computeIfAbsent(g.method().name(), k -> new ArrayList<>()).add(g));
        neutrals.forEach(n -> neutralsByName.computeIfAbsent(n.method().name(), k -> new ArrayList<>()).add(n));
        for (ContainerRow c : containers) {
            Map<String, ContainerRow> byKey = containerRows.computeIfAbsent(c.constructor().owner(), k -> new HashMap<>());
            if (byKey.putIfAbsent(c.constructor().name() + c.constructor().descriptor(), c) != null) throw new IllegalStateException(c.file() + ": container constructor twice: " + c.constructor());
        }
        for (ValueClassRow v : valueClasses) {
            valueClassRows.computeIfAbsent(v.calls().owner(), k -> new ArrayList<>()).add(v);
            if (v.calls().subtypes()) valueClassSubtypeRows.add(v);
            valueClassesByKind.computeIfAbsent(v.kind(), k -> new HashSet<>()).add(v.calls().owner());
        }
        for (SourceKind k : sourceKinds) {
            if (sourceKindsByName.putIfAbsent(k.kind(), k) != null) throw new IllegalStateException(k.file() + ": source kind '" + k.kind() + "' twice");
        }
        parameters.forEach(p -> {
            if (p.annotation() != null) parametersByAnnotation.computeIfAbsent(p.annotation(), k -> new ArrayList<>()).add(p);
            else if (p.methodAnnotation() != null) parametersByMethodAnnotation.computeIfAbsent(p.methodAnnotation(), k -> new ArrayList<>()).add(p);
            else parametersByMethodName.computeIfAbsent(p.method().name(), k -> new ArrayList<>()).add(p);
        });
        fields.forEach(f -> fieldsByName.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f));
        for (ObjectType t : objects) {
            for (int i = 0; i < t.createdBy().size(); i++) {
                MethodPattern m = t.createdBy().get(i);
                creatorsByName.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(new CreatedBy(t, m, t.creationFacts().get(i)));
            }
            t.views().forEach(m -> viewsByName.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(new CreatedBy(t, m, Map.of())));
            for (String type : t.types()) trackedTypes.put(type, t.name());
            t.effects().forEach(e -> effectsByName.computeIfAbsent(e.method().name(), k -> new ArrayList<>()).add(new EffectOf(t, e)));
        }
        // Rows for every method ("*") join each name's list once here, not at every lookup (a call site asks many times).
        for (Map<String, ? extends List<?>> byName : List.of(argumentsByName, callsByName, summariesByName, checksByName,
                sanitizersByName, guardsByName, neutralsByName, creatorsByName, viewsByName, effectsByName)) {
            withAny(byName);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void withAny(Map<String, ? extends List<?>> map) {
        Map<String, List<T>> byName = (Map<String, List<T>>) map;
        List<T> any = byName.get("*");
        if (any == null) return;
        for (Map.Entry<String, List<T>> e : byName.entrySet()) {
            if (!e.getKey().equals("*")) e.getValue().addAll(any);
        }
    }

    public List<ArgumentRow> argumentsNamed(String name) {
        return named(argumentsByName, name);
    }

    public List<CallRow> callsNamed(String name) {
        return named(callsByName, name);
    }

    public List<SummaryRow> summariesNamed(String name) {
        return named(summariesByName, name);
    }

    public List<GuardRow> guardsNamed(String name) {
        return named(guardsByName, name);
    }

    public List<NeutralRow> neutralsNamed(String name) {
        return named(neutralsByName, name);
    }

    /**
     * The {@code containers} row of a constructor or factory call {@code owner.name descriptor} ({@code owner}
     * internal, full descriptor): the container kind it makes ({@code map}, {@code list}, {@code parcel}), or null
     * when it makes none the value analysis follows.
     */
    public ContainerRow container(String owner, String name, String descriptor) {
        Map<String, ContainerRow> byKey = containerRows.get(owner);
        return byKey == null ? null : byKey.get(name + descriptor);
    }

    /**
     * The {@code value-classes} row of a call {@code owner.name descriptor} ({@code owner} internal): the first row of
     * that class naming the method, else the first row covering subtypes that names it and whose class
     * {@code isSubtypeOf} says the owner extends; null when the call is on no value class.
     */
    public ValueClassRow valueClass(String owner, String name, String descriptor, java.util.function.Predicate<String> isSubtypeOf) {
        List<ValueClassRow> rows = valueClassRows.get(owner);
        if (rows != null) {
            for (ValueClassRow v : rows) if (v.names(name, descriptor)) return v;
        }
        for (ValueClassRow v : valueClassSubtypeRows) {
            if (v.names(name, descriptor) && isSubtypeOf.test(v.calls().owner())) return v;
        }
        return null;
    }

    /** The classes (internal names) of the {@code value-classes} rows of {@code kind}. */
    public Set<String> valueClassesOf(String kind) {
        return valueClassesByKind.getOrDefault(kind, Set.of());
    }

    /**
     * How a finding names the model row behind a source or sink: its file and the row's {@code provenance}
     * ({@code taint/jdbc.yml (manual)}).
     */
    public static String cite(String file, String provenance) {
        return file + " (" + provenance + ")";
    }

    /**
     * How a finding names a table it was judged by: the file it was read from and the table's name
     * ({@code crypto.yml (weak-ciphers)}); the name alone when no file declared it.
     */
    public String citeTable(String name) {
        String file = tableFiles.get(name);
        return file == null ? name : file + " (" + name + ")";
    }

    /** A source kind by its label, or null when the models do not declare it. */
    public SourceKind sourceKind(String kind) {
        return sourceKindsByName.get(kind);
    }

    public List<SanitizerRow> sanitizersNamed(String name) {
        return named(sanitizersByName, name);
    }

    /** Source rows for a parameter annotation descriptor ({@code Lorg/springframework/.../RequestParam;}). */
    public List<ParameterRow> parameterSources(String annotationDescriptor) {
        return parametersByAnnotation.getOrDefault(annotationDescriptor, List.of());
    }

    /** Source rows for parameters of methods carrying this annotation ({@code Landroid/webkit/JavascriptInterface;}). */
    public List<ParameterRow> methodAnnotationSources(String annotationDescriptor) {
        return parametersByMethodAnnotation.getOrDefault(annotationDescriptor, List.of());
    }

    /** Source rows for parameters of app methods overriding a framework method of this name. */
    public List<ParameterRow> overrideSources(String methodName) {
        return parametersByMethodName.getOrDefault(methodName, List.of());
    }

    /** Rows about a static field of this name. */
    public List<FieldRow> fieldsNamed(String name) {
        return fieldsByName.getOrDefault(name, List.of());
    }

    public List<CheckRow> checksNamed(String name) {
        return named(checksByName, name);
    }

    public List<CreatedBy> creatorsNamed(String name) {
        return named(creatorsByName, name);
    }

    public List<EffectOf> effectsNamed(String name) {
        return named(effectsByName, name);
    }

    /** View calls ({@code views}) of that name: the call's result is the receiver object itself. */
    public List<CreatedBy> viewsNamed(String name) {
        return named(viewsByName, name);
    }

    /** Types whose values are tracked as objects wherever they come from: internal name → object kind. */
    public Map<String, String> trackedTypes() {
        return Collections.unmodifiableMap(trackedTypes);
    }

    /** Whether objects of this kind are tracked by type ({@code types}), and so may enter a method unseen. */
    public boolean trackedKind(String kind) {
        return kind != null && trackedTypes.containsValue(kind);
    }

    /** Rows for a method name, plus rows written for every method ("*"). */
    private static <T> List<T> named(Map<String, List<T>> byName, String name) {
        List<T> rows = byName.get(name);
        if (rows != null) return rows; // already holds the "*" rows (index())
        return byName.getOrDefault("*", List.of());
    }

    private final Map<String, Set<String>> stringTables = new java.util.concurrent.ConcurrentHashMap<>();

    /** A table that is a list of strings, as a set (cached); empty when the table is absent. */
    public Set<String> stringSet(String name) {
        return stringTables.computeIfAbsent(name, n -> {
            JsonNode t = tables.get(n);
            Set<String> out = new java.util.TreeSet<>();
            if (t != null) t.forEach(x -> out.add(x.asText()));
            return java.util.Collections.unmodifiableSet(out);
        });
    }

    public JsonNode table(String name) {
        JsonNode t = tables.get(name);
        if (t == null) throw new IllegalStateException("model table missing: " + name);
        return t;
    }
}
