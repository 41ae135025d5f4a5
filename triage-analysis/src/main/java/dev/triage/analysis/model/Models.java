package dev.triage.analysis.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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
    /** Keys a row of each section may carry; anything else is a typo and fails loading. */
    private static final Map<String, Set<String>> ROW_KEYS = Map.of(
            "arguments", Set.of("kind", "class", "method", "descriptor", "subtypes", "argument", "when", "receiver-object",
                    "receiver-unless-any", "receiver-if-any", "receiver-labelled", "argument-unless-any", "method-annotated",
                    "provenance", "note"),
            "calls", Set.of("kind", "class", "method", "descriptor", "subtypes", "label", "when", "component", "name-matches",
                    "class-matches", "provenance", "note"),
            "fields", Set.of("kind", "class", "field", "label", "provenance", "note"),
            "summaries", Set.of("class", "method", "descriptor", "subtypes", "from", "to", "provenance", "note"),
            "objects", Set.of("object", "created-by", "effects", "initial", "initial-types", "copy-facts", "types", "views",
                    "provenance", "note"),
            "checks", Set.of("rule", "at", "argument", "object", "unless-any", "if-any", "when", "raise-severity", "message",
                    "provenance", "note"),
            "parameters", Set.of("kind", "annotation", "class", "method", "descriptor", "subtypes", "method-annotation",
                    "arguments", "label", "component", "provenance", "note"),
            "guards", Set.of("class", "method", "descriptor", "subtypes", "checks", "clears", "when", "provenance", "note"),
            "registrations", Set.of("kind", "class", "method", "descriptor", "subtypes", "receiver", "flags", "permission",
                    "provenance", "note"),
            "sanitizers", Set.of("class", "method", "descriptor", "subtypes", "from", "to", "clears", "when", "provenance", "note"));

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
    /** Free-form data tables detectors read (weak algorithm lists, minimum key sizes...). */
    public final Map<String, JsonNode> tables = new LinkedHashMap<>();

    private final Map<String, List<ArgumentRow>> argumentsByName = new HashMap<>();
    private final Map<String, List<CallRow>> callsByName = new HashMap<>();
    private final Map<String, List<SummaryRow>> summariesByName = new HashMap<>();
    private final Map<String, List<CheckRow>> checksByName = new HashMap<>();
    private final Map<String, List<SanitizerRow>> sanitizersByName = new HashMap<>();
    private final Map<String, List<GuardRow>> guardsByName = new HashMap<>();
    private final Map<String, List<ParameterRow>> parametersByAnnotation = new HashMap<>();
    private final Map<String, List<ParameterRow>> parametersByMethodAnnotation = new HashMap<>();
    private final Map<String, List<ParameterRow>> parametersByMethodName = new HashMap<>();
    private final Map<String, List<FieldRow>> fieldsByName = new HashMap<>();
    private final Map<String, List<CreatedBy>> creatorsByName = new HashMap<>();
    private final Map<String, List<EffectOf>> effectsByName = new HashMap<>();
    private final Map<String, List<CreatedBy>> viewsByName = new HashMap<>();
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

    public static Models load(ClassLoader loader) {
        Models m = new Models();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (String file : index(loader)) {
            try (InputStream in = loader.getResourceAsStream(BASE + file)) {
                if (in == null) throw new IllegalStateException("model file listed but missing: " + file);
                m.read(file, yaml.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read model file " + file, e);
            }
        }
        m.index();
        return m;
    }

    private static List<String> index(ClassLoader loader) {
        List<String> files = new ArrayList<>();
        try (InputStream in = loader.getResourceAsStream(BASE + "index.list")) {
            if (in == null) throw new IllegalStateException("model index missing");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) files.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private void read(String file, JsonNode root) {
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> section = it.next();
            JsonNode rows = section.getValue();
            Set<String> allowed = ROW_KEYS.get(section.getKey());
            if (allowed != null) {
                for (JsonNode r : rows) {
                    r.fieldNames().forEachRemaining(k -> {
                        if (!allowed.contains(k)) {
                            throw new IllegalStateException(file + ": unknown key '" + k + "' in " + section.getKey() + " row " + r);
                        }
                    });
                }
            }
            switch (section.getKey()) {
                case "arguments" -> rows.forEach(r -> arguments.add(argumentRow(r, file)));
                case "calls" -> rows.forEach(r -> calls.add(callRow(r, file)));
                case "fields" -> rows.forEach(r -> fields.add(new FieldRow(text(r, "kind", file),
                        internal(text(r, "class", file)), text(r, "field", file), r.path("label").asText(""),
                        provenance(r), file)));
                case "summaries" -> rows.forEach(r -> summaries.add(new SummaryRow(method(r, file),
                        positions(r.get("from"), file), argument(r.get("to"), file), provenance(r), file)));
                case "objects" -> rows.forEach(r -> objects.add(objectType(r, file)));
                case "checks" -> rows.forEach(r -> checks.add(check(r, file)));
                case "parameters" -> rows.forEach(r -> parameters.add(parameterRow(r, file)));
                case "sanitizers" -> rows.forEach(r -> {
                    List<String> clears = new ArrayList<>();
                    r.path("clears").forEach(c -> clears.add(c.asText()));
                    if (clears.isEmpty()) throw new IllegalStateException(file + ": sanitizer without 'clears': " + r);
                    sanitizers.add(new SanitizerRow(method(r, file), positions(r.get("from"), file),
                            argument(r.get("to"), file), clears, when(r.get("when"), file), provenance(r), file));
                });
                case "guards" -> rows.forEach(r -> {
                    List<String> clears = new ArrayList<>();
                    r.path("clears").forEach(c -> clears.add(c.asText()));
                    if (clears.isEmpty()) throw new IllegalStateException(file + ": guard without 'clears': " + r);
                    guards.add(new GuardRow(method(r, file), argument(r.get("checks"), file), clears,
                            when(r.get("when"), file), provenance(r), file));
                });
                case "registrations" -> rows.forEach(r -> registrations.add(new RegistrationRow(text(r, "kind", file),
                        method(r, file), argument(r.get("receiver"), file),
                        r.has("flags") ? argument(r.get("flags"), file) : -1,
                        r.has("permission") ? argument(r.get("permission"), file) : -1, provenance(r), file)));
                case "tables" -> section.getValue().fields().forEachRemaining(e -> tables.put(e.getKey(), e.getValue()));
                default -> throw new IllegalStateException(file + ": unknown section '" + section.getKey() + "'");
            }
        }
    }

    private static ArgumentRow argumentRow(JsonNode r, String file) {
        List<String> annotations = new ArrayList<>();
        r.path("method-annotated").forEach(a -> annotations.add("L" + internal(a.asText()) + ";"));
        JsonNode arg = r.get("argument");
        int argument = arg != null && arg.asText().equals("any") ? Position.ANY : argument(arg, file);
        if (argument == Position.ANY && annotations.isEmpty()) {
            throw new IllegalStateException(file + ": 'argument: any' needs 'method-annotated': " + r);
        }
        return new ArgumentRow(text(r, "kind", file), method(r, file), argument, when(r.get("when"), file),
                r.hasNonNull("receiver-object") ? r.get("receiver-object").asText() : null,
                factAlternatives(r.get("receiver-unless-any")), factAlternatives(r.get("receiver-if-any")),
                r.hasNonNull("receiver-labelled") ? r.get("receiver-labelled").asText() : null,
                factAlternatives(r.get("argument-unless-any")), List.copyOf(annotations), provenance(r), file);
    }

    private static CallRow callRow(JsonNode r, String file) {
        MethodPattern m = method(r, file);
        java.util.regex.Pattern name = r.hasNonNull("name-matches") ? java.util.regex.Pattern.compile(r.get("name-matches").asText()) : null;
        java.util.regex.Pattern cls = r.hasNonNull("class-matches") ? java.util.regex.Pattern.compile(r.get("class-matches").asText()) : null;
        if ((name != null && !m.name().equals("*")) || (cls != null && !m.anyOwner())) {
            throw new IllegalStateException(file + ": name-matches needs method \"*\", class-matches class \"*\": " + r);
        }
        return new CallRow(text(r, "kind", file), m, r.path("label").asText(""), when(r.get("when"), file),
                component(r, file), name, cls, provenance(r), file);
    }

    private static ParameterRow parameterRow(JsonNode r, String file) {
        String annotation = r.hasNonNull("annotation") ? "L" + internal(r.get("annotation").asText()) + ";" : null;
        String methodAnnotation = r.hasNonNull("method-annotation") ? "L" + internal(r.get("method-annotation").asText()) + ";" : null;
        ParameterRow p;
        MethodPattern method = r.has("class") ? method(r, file) : null;
        int forms = (annotation != null ? 1 : 0) + (methodAnnotation != null ? 1 : 0) + (method != null ? 1 : 0);
        if (forms != 1) {
            throw new IllegalStateException(file + ": a parameters row names exactly one of annotation, method-annotation, class/method: " + r);
        }
        List<Integer> args = new ArrayList<>();
        JsonNode a = r.get("arguments");
        if (a != null) {
            if (a.isArray()) a.forEach(x -> args.add(argument(x, file)));
            else args.add(argument(a, file));
        }
        if (method != null && args.isEmpty()) throw new IllegalStateException(file + ": a method parameters row needs 'arguments': " + r);
        p = new ParameterRow(text(r, "kind", file), annotation, method, methodAnnotation, List.copyOf(args),
                text(r, "label", file), component(r, file), provenance(r), file);
        return p;
    }

    /** {@code component: exposed} (the only condition on Android components so far), or null. */
    private static String component(JsonNode r, String file) {
        if (!r.hasNonNull("component")) return null;
        String c = r.get("component").asText();
        if (!c.equals("exposed")) throw new IllegalStateException(file + ": unknown component condition '" + c + "': " + r);
        return c;
    }

    private static CheckRow check(JsonNode r, String file) {
        String object = r.hasNonNull("object") ? text(r, "object", file) : null;
        if (object == null && (r.has("unless-any") || r.has("if-any"))) {
            throw new IllegalStateException(file + ": check with facts but without 'object': " + r);
        }
        int argument = object != null || r.has("argument") ? argument(r.get("argument"), file) : Position.THIS;
        Map<Integer, ConstantCondition> when = new LinkedHashMap<>();
        JsonNode w = r.get("when");
        if (w != null) {
            w.fields().forEachRemaining(e -> when.put(Integer.parseInt(e.getKey()), condition(e.getValue(), file)));
        }
        if (object == null && when.isEmpty()) throw new IllegalStateException(file + ": check without 'object' or 'when': " + r);
        SeverityRaise raise = null;
        JsonNode rs = r.get("raise-severity");
        if (rs != null) {
            raise = new SeverityRaise(rs.path("min-sdk-below").asInt(-1), rs.path("severity").asInt(-1), text(rs, "message", file));
            if (raise.minSdkBelow() < 1 || raise.severity() < 0 || raise.severity() > 5) {
                throw new IllegalStateException(file + ": raise-severity needs min-sdk-below and a severity 0-5: " + r);
            }
        }
        return new CheckRow(text(r, "rule", file), method(r.get("at"), file), argument, object,
                factAlternatives(r.get("unless-any")), factAlternatives(r.get("if-any")), Collections.unmodifiableMap(when),
                raise, text(r, "message", file), provenance(r), file);
    }

    /** {@code true}, {@code 0}, {@code {bits-any: 0x3}}, {@code {bits-none: 0x04000000}}. */
    private static ConstantCondition condition(JsonNode c, String file) {
        if (!c.isObject()) return new ConstantCondition(scalar(c), null, null);
        c.fieldNames().forEachRemaining(k -> {
            if (!Set.of("equals", "bits-any", "bits-none").contains(k)) {
                throw new IllegalStateException(file + ": unknown condition '" + k + "' in " + c);
            }
        });
        return new ConstantCondition(c.has("equals") ? scalar(c.get("equals")) : null,
                c.has("bits-any") ? c.get("bits-any").asInt() : null, c.has("bits-none") ? c.get("bits-none").asInt() : null);
    }

    /** A list of fact maps ({@code [{secure: true}, {"=maxAge": 0}]}); empty when absent. */
    private static List<Map<String, Object>> factAlternatives(JsonNode n) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (n == null) return out;
        n.forEach(alt -> {
            Map<String, Object> facts = new LinkedHashMap<>();
            alt.fields().forEachRemaining(e -> facts.put(e.getKey(), scalar(e.getValue())));
            out.add(facts);
        });
        return out;
    }

    /** {@code 0}, {@code this}, {@code [0, 1]}, or {@code any} (receiver and every argument: Integer.MIN_VALUE). */
    private static List<Integer> positions(JsonNode f, String file) {
        if (f == null) throw new IllegalStateException(file + ": row without 'from'");
        List<Integer> from = new ArrayList<>();
        if (f.isArray()) f.forEach(x -> from.add(argument(x, file)));
        else if (f.asText().equals("any")) from.add(Integer.MIN_VALUE);
        else from.add(argument(f, file));
        return from;
    }

    private ObjectType objectType(JsonNode r, String file) {
        List<MethodPattern> created = new ArrayList<>();
        List<Map<String, Object>> creationFacts = new ArrayList<>();
        r.path("created-by").forEach(c -> {
            created.add(method(c, file));
            Map<String, Object> facts = new LinkedHashMap<>();
            c.path("facts").fields().forEachRemaining(e -> facts.put(e.getKey(), scalar(e.getValue())));
            creationFacts.add(Collections.unmodifiableMap(facts));
        });
        List<String> types = new ArrayList<>();
        r.path("types").forEach(t -> types.add(internal(t.asText())));
        List<MethodPattern> views = new ArrayList<>();
        r.path("views").forEach(v -> views.add(method(v, file)));
        List<EffectRow> effects = new ArrayList<>();
        r.path("effects").forEach(e -> {
            JsonNode key = e.get("key");
            String fixedKey = null;
            Integer keyArg = null;
            if (key != null && key.isTextual() && key.asText().startsWith("argument ")) keyArg = argument(key, file);
            else if (key != null) fixedKey = key.asText();
            else throw new IllegalStateException(file + ": effect without key: " + e);
            JsonNode value = e.get("value");
            Integer valueArg = null;
            Object fixed = null;
            if (value != null && value.isTextual() && value.asText().startsWith("argument ")) valueArg = argument(value, file);
            else fixed = value == null ? Boolean.TRUE : scalar(value);
            effects.add(new EffectRow(method(e, file), fixedKey, keyArg, valueArg, fixed));
        });
        Map<String, Integer> initial = new LinkedHashMap<>();
        r.path("initial").fields().forEachRemaining(e -> initial.put(e.getKey(), argument(e.getValue(), file)));
        Map<String, Integer> initialTypes = new LinkedHashMap<>();
        r.path("initial-types").fields().forEachRemaining(e -> initialTypes.put(e.getKey(), argument(e.getValue(), file)));
        boolean copy = r.has("copy-facts");
        if (copy && !r.get("copy-facts").asText().equals("this")) throw new IllegalStateException(file + ": copy-facts must be 'this'");
        return new ObjectType(text(r, "object", file), created, creationFacts, effects, initial, initialTypes, copy,
                types, views, provenance(r), file);
    }

    /** YAML scalars as the analysis compares them: booleans as the JVM's ints, numbers as Integer. */
    static Object scalar(JsonNode v) {
        if (v.isBoolean()) return v.asBoolean() ? 1 : 0;
        if (v.isInt()) return v.asInt();
        return v.asText();
    }

    private static MethodPattern method(JsonNode r, String file) {
        if (r == null) throw new IllegalStateException(file + ": missing method");
        String owner = text(r, "class", file);
        String desc = text(r, "descriptor", file);
        return new MethodPattern(owner.equals("*") ? "*" : internal(owner), text(r, "method", file), desc,
                r.path("subtypes").asBoolean(false));
    }

    private static Map<Integer, String> when(JsonNode w, String file) {
        if (w == null) return Map.of();
        Map<Integer, String> m = new LinkedHashMap<>();
        w.fields().forEachRemaining(e -> m.put(e.getKey().equals("this") ? Position.THIS : Integer.parseInt(e.getKey()), e.getValue().asText()));
        return Collections.unmodifiableMap(m);
    }

    /** {@code 0}, {@code "argument 1"}, {@code this}, {@code return}. */
    static int argument(JsonNode n, String file) {
        if (n == null) throw new IllegalStateException(file + ": missing argument");
        if (n.isInt()) return n.asInt();
        String t = n.asText().strip();
        if (t.equals("this")) return Position.THIS;
        if (t.equals("return")) return Position.RETURN;
        if (t.startsWith("argument ")) t = t.substring("argument ".length()).strip();
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(file + ": bad argument position '" + n.asText() + "'");
        }
    }

    private static String provenance(JsonNode r) {
        return r.path("provenance").asText("manual");
    }

    private static String text(JsonNode r, String key, String file) {
        JsonNode v = r.get(key);
        if (v == null || v.asText().isBlank()) throw new IllegalStateException(file + ": row without '" + key + "': " + r);
        return v.asText();
    }

    /** {@code javax.crypto.Cipher} or {@code okhttp3.Request$Builder} → internal name. */
    static String internal(String dotted) {
        return dotted.replace('.', '/');
    }

    private void index() {
        arguments.forEach(a -> argumentsByName.computeIfAbsent(a.method().name(), k -> new ArrayList<>()).add(a));
        calls.forEach(c -> callsByName.computeIfAbsent(c.method().name(), k -> new ArrayList<>()).add(c));
        summaries.forEach(s -> summariesByName.computeIfAbsent(s.method().name(), k -> new ArrayList<>()).add(s));
        checks.forEach(c -> checksByName.computeIfAbsent(c.at().name(), k -> new ArrayList<>()).add(c));
        sanitizers.forEach(c -> sanitizersByName.computeIfAbsent(c.method().name(), k -> new ArrayList<>()).add(c));
        guards.forEach(g -> guardsByName.computeIfAbsent(g.method().name(), k -> new ArrayList<>()).add(g));
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
                sanitizersByName, guardsByName, creatorsByName, viewsByName, effectsByName)) {
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
