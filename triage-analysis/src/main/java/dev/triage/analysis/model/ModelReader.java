package dev.triage.analysis.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.contract.Severity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads model files into typed rows: each section's rows are checked for unknown keys (a typo fails loading) and
 * bound to their records ({@link ArgumentRow}, {@link CallRow}, ...), positions parsed as declared indexes,
 * {@code this} or {@code return}, class names made internal.
 *
 * <p>About 600 lines, on purpose: it is the model file format in one place, the allowed keys of every section
 * ({@link #ROW_KEYS}) beside the few lines that bind each section's rows, sharing the parsers of positions, method
 * keys, conditions and patterns. It holds no analysis; a new section adds a key set and a row binder here.
 */
final class ModelReader {
    /** Keys a row of each section may carry; anything else is a typo and fails loading. */
    static final Map<String, Set<String>> ROW_KEYS = Map.ofEntries(
            Map.entry("arguments", Set.of("kind", "class", "method", "descriptor", "subtypes", "argument", "when",
                    "receiver-object", "receiver-unless-any", "receiver-if-any", "receiver-labelled", "receiver-unhardened",
                    "argument-unless-any", "method-annotated", "unless-result-only", "mybatis-substituted", "if-prefix", "unless-prefix",
                    "receiver-at", "if-text", "if-bundled", "if-labelled", "if-target-polymorphic", "unless-app-calls", "if-template-unescaped", "provenance", "note")),
            Map.entry("calls", Set.of("kind", "class", "method", "descriptor", "subtypes", "label", "when", "component",
                    "name-matches", "class-matches", "clean-for", "view-input", "provenance", "note")),
            Map.entry("fields", Set.of("kind", "class", "field", "label", "platform", "provenance", "note")),
            Map.entry("summaries", Set.of("class", "method", "descriptor", "subtypes", "from", "to", "restores", "provenance", "note")),
            Map.entry("neutrals", Set.of("class", "method", "descriptor", "subtypes", "provenance", "note")),
            Map.entry("objects", Set.of("object", "created-by", "effects", "initial", "initial-types", "copy-facts", "types",
                    "views", "provenance", "note")),
            Map.entry("checks", Set.of("rule", "at", "argument", "object", "unless-any", "if-any", "when", "raise-severity", "severity",
                    "message", "unless-result-only", "unless-result-any", "lower-if-result-only", "lower-if-arguments",
                    "provenance", "note")),
            Map.entry("parameters", Set.of("kind", "annotation", "class", "method", "descriptor", "subtypes", "method-annotation",
                    "arguments", "label", "component", "named", "provenance", "note")),
            Map.entry("guards", Set.of("class", "method", "descriptor", "subtypes", "checks", "clears", "when", "pattern", "makes",
                    "requires", "untainted", "provenance", "note")),
            Map.entry("registrations", Set.of("kind", "class", "method", "descriptor", "subtypes", "receiver", "flags",
                    "permission", "provenance", "note")),
            Map.entry("sanitizers", Set.of("class", "method", "descriptor", "subtypes", "from", "to", "clears", "when",
                    "provenance", "note")),
            Map.entry("returns", Set.of("kind", "method-annotated", "if-annotated", "unless-annotated", "types",
                    "unless-produces", "if-prefix", "unless-prefix", "what", "provenance", "note")),
            Map.entry("containers", Set.of("kind", "class", "method", "descriptor", "if-labelled", "provenance", "note")),
            Map.entry("value-classes", Set.of("kind", "class", "method", "descriptor", "subtypes", "provenance", "note")),
            Map.entry("source-kinds", Set.of("kind", "class", "default", "confidence", "name", "provenance", "note")));

    /** Named patterns ({@code patterns} sections of any file), by name: rows refer to them as {@code {pattern: name}}. */
    private final Map<String, String> patterns = new LinkedHashMap<>();
    private final Map<String, String> patternFiles = new LinkedHashMap<>();
    private final Set<String> patternsUsed = new java.util.TreeSet<>();

    /** Collects a file's named patterns (before any rows are read, so that a row may use a pattern of any file). */
    void patterns(String file, JsonNode root) {
        JsonNode section = root.get("patterns");
        if (section == null) return;
        section.fields().forEachRemaining(e -> {
            String name = e.getKey();
            String regex = e.getValue().asText();
            if (!e.getValue().isTextual() || regex.isBlank()) throw new IllegalStateException(file + ": pattern '" + name + "' is not a regular expression");
            java.util.regex.Pattern.compile(regex); // fails loading on a bad expression
            String prev = patternFiles.putIfAbsent(name, file);
            if (prev != null) throw new IllegalStateException(file + ": pattern '" + name + "' is already defined in " + prev);
            patterns.put(name, regex);
        });
    }

    /** Named patterns no row uses (a leftover, or a typo in a reference elsewhere). */
    Set<String> unusedPatterns() {
        Set<String> out = new java.util.TreeSet<>(patterns.keySet());
        out.removeAll(patternsUsed);
        return out;
    }

    /** A regular expression written in place ({@code "get(Ssn|Mrn)"}) or by reference ({@code {pattern: phi-key}}). */
    private String regex(JsonNode n, String file) {
        if (n.isObject()) {
            n.fieldNames().forEachRemaining(k -> {
                if (!k.equals("pattern")) throw new IllegalStateException(file + ": unknown key '" + k + "' in " + n + " (only 'pattern')");
            });
            String name = n.path("pattern").asText();
            String regex = patterns.get(name);
            if (regex == null) throw new IllegalStateException(file + ": unknown pattern '" + name + "'");
            patternsUsed.add(name);
            return regex;
        }
        return n.asText();
    }

    /** Binds one model file's sections to rows of {@code m}. */
    void read(Models m, String file, JsonNode root) {
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
                case "arguments" -> rows.forEach(r -> m.arguments.add(argumentRow(r, file)));
                case "calls" -> rows.forEach(r -> m.calls.add(callRow(r, file)));
                case "fields" -> rows.forEach(r -> m.fields.add(new FieldRow(text(r, "kind", file),
                        internal(text(r, "class", file)), text(r, "field", file), r.path("label").asText(""),
                        provenance(r), file, platform(r, file))));
                case "summaries" -> rows.forEach(r -> m.summaries.add(new SummaryRow(method(r, file),
                        positions(r.get("from"), file), argument(r.get("to"), file), texts(r.get("restores")), provenance(r), file)));
                case "objects" -> rows.forEach(r -> m.objects.add(objectType(r, file)));
                case "checks" -> rows.forEach(r -> m.checks.add(check(r, file)));
                case "parameters" -> rows.forEach(r -> m.parameters.add(parameterRow(r, file)));
                case "sanitizers" -> rows.forEach(r -> {
                    List<String> clears = new ArrayList<>();
                    r.path("clears").forEach(c -> clears.add(c.asText()));
                    if (clears.isEmpty()) throw new IllegalStateException(file + ": sanitizer without 'clears': " + r);
                    m.sanitizers.add(new SanitizerRow(method(r, file), positions(r.get("from"), file),
                            argument(r.get("to"), file), clears, when(r.get("when"), file), provenance(r), file));
                });
                case "guards" -> rows.forEach(r -> {
                    List<String> clears = new ArrayList<>();
                    r.path("clears").forEach(c -> clears.add(c.asText()));
                    String makes = r.hasNonNull("makes") ? r.get("makes").asText() : null;
                    Integer pattern = r.hasNonNull("pattern") ? argument(r.get("pattern"), file) : null;
                    if (makes != null && !Set.of("regex", "matcher", "normalized").contains(makes)) {
                        throw new IllegalStateException(file + ": guard makes an unknown kind: " + r);
                    }
                    if (makes == null && clears.isEmpty() && pattern == null) {
                        throw new IllegalStateException(file + ": guard without 'clears' or 'pattern': " + r);
                    }
                    List<Integer> untainted = new ArrayList<>();
                    r.path("untainted").forEach(u -> untainted.add(argument(u, file)));
                    int checks = r.hasNonNull("checks") ? argument(r.get("checks"), file) : Position.THIS;
                    m.guards.add(new GuardRow(method(r, file), checks, clears, when(r.get("when"), file), pattern, makes,
                            r.hasNonNull("requires") ? r.get("requires").asText() : null, untainted, provenance(r), file));
                });
                case "registrations" -> rows.forEach(r -> m.registrations.add(new RegistrationRow(text(r, "kind", file),
                        method(r, file), argument(r.get("receiver"), file),
                        r.has("flags") ? argument(r.get("flags"), file) : -1,
                        r.has("permission") ? argument(r.get("permission"), file) : -1, provenance(r), file)));
                case "neutrals" -> rows.forEach(r -> m.neutrals.add(new NeutralRow(method(r, file), provenance(r), file)));
                case "returns" -> rows.forEach(r -> m.returns.add(returnRow(r, file)));
                case "containers" -> rows.forEach(r -> m.containers.add(containerRow(r, file)));
                case "value-classes" -> rows.forEach(r -> m.valueClasses.add(valueClassRow(r, file)));
                case "source-kinds" -> rows.forEach(r -> m.sourceKinds.add(sourceKind(r, file)));
                case "patterns" -> {
                    // read before any rows (patterns())
                }
                case "tables" -> section.getValue().fields().forEachRemaining(e -> {
                    m.tables.put(e.getKey(), e.getValue());
                    m.tableFiles.put(e.getKey(), file);
                });
                default -> throw new IllegalStateException(file + ": unknown section '" + section.getKey() + "'");
            }
        }
    }

    /** A row's {@code platform}: {@code android} (Android apps only), {@code server} (every other app) or absent (every app). */
    private static String platform(JsonNode r, String file) {
        if (!r.hasNonNull("platform")) return null;
        String p = r.get("platform").asText();
        if (!p.equals("android") && !p.equals("server")) throw new IllegalStateException(file + ": unknown platform '" + p + "': " + r);
        return p;
    }

    private ArgumentRow argumentRow(JsonNode r, String file) {
        List<String> annotations = new ArrayList<>();
        r.path("method-annotated").forEach(a -> annotations.add("L" + internal(a.asText()) + ";"));
        JsonNode arg = r.get("argument");
        int argument = arg != null && arg.asText().equals("any") ? Position.ANY : argument(arg, file);
        boolean mapper = r.path("mybatis-substituted").asBoolean(false);
        if (argument == Position.ANY && annotations.isEmpty() && !mapper) {
            throw new IllegalStateException(file + ": 'argument: any' needs 'method-annotated' or 'mybatis-substituted': " + r);
        }
        return new ArgumentRow(text(r, "kind", file), method(r, file), argument, when(r.get("when"), file),
                r.hasNonNull("receiver-object") ? r.get("receiver-object").asText() : null,
                factAlternatives(r.get("receiver-unless-any")), factAlternatives(r.get("receiver-if-any")),
                r.hasNonNull("receiver-labelled") ? r.get("receiver-labelled").asText() : null,
                factAlternatives(r.get("argument-unless-any")), List.copyOf(annotations), r.path("receiver-unhardened").asBoolean(false),
                resultUses(r.get("unless-result-only"), file), mapper, pattern(r.get("if-prefix"), file),
                pattern(r.get("unless-prefix"), file),
                r.has("receiver-at") ? argument(r.get("receiver-at"), file) : Position.THIS, pattern(r.get("if-text"), file),
                bundledRange(r.get("if-bundled"), file), labelledArguments(r.get("if-labelled")),
                r.has("if-target-polymorphic") ? argument(r.get("if-target-polymorphic"), file) : -1, appCalls(r.get("unless-app-calls"), file),
                templateCondition(r.get("if-template-unescaped"), file), provenance(r), file);
    }

    /**
     * {@code if-template-unescaped: {at: this, engine: freemarker, name-fact: template-name, escaped-if-any: [...],
     * escaped-names: regex, escaped-names-if-any: [...]}}; null when absent.
     */
    private TemplateCondition templateCondition(JsonNode n, String file) {
        if (n == null) return null;
        n.fieldNames().forEachRemaining(k -> {
            if (!Set.of("at", "engine", "name-fact", "escaped-if-any", "escaped-names", "escaped-names-if-any").contains(k)) {
                throw new IllegalStateException(file + ": unknown key '" + k + "' in if-template-unescaped " + n);
            }
        });
        return new TemplateCondition(argument(n.get("at"), file), text(n, "engine", file), text(n, "name-fact", file),
                factAlternatives(n.get("escaped-if-any")), pattern(n.get("escaped-names"), file),
                factAlternatives(n.get("escaped-names-if-any")));
    }

    /** {@code unless-app-calls: [{class, method, descriptor, when: {0: "1"}, labelled: {this: label}}]}. */
    private List<ArgumentRow.AppCall> appCalls(JsonNode n, String file) {
        List<ArgumentRow.AppCall> out = new ArrayList<>();
        if (n == null) return out;
        n.forEach(c -> {
            c.fieldNames().forEachRemaining(k -> {
                if (!Set.of("class", "method", "descriptor", "subtypes", "when", "labelled").contains(k)) {
                    throw new IllegalStateException(file + ": unknown key '" + k + "' in unless-app-calls " + c);
                }
            });
            Map<Integer, String> labelled = new LinkedHashMap<>();
            c.path("labelled").fields().forEachRemaining(e -> labelled.put(e.getKey().equals("this") ? Position.THIS
                    : Integer.parseInt(e.getKey()), e.getValue().asText()));
            out.add(new ArgumentRow.AppCall(method(c, file), when(c.get("when"), file), Collections.unmodifiableMap(labelled)));
        });
        return List.copyOf(out);
    }

    /** {@code if-labelled: {2: some-label}}: argument index → label. */
    private static Map<Integer, String> labelledArguments(JsonNode n) {
        Map<Integer, String> m = new LinkedHashMap<>();
        if (n != null) n.fields().forEachRemaining(e -> m.put(Integer.parseInt(e.getKey()), e.getValue().asText()));
        return Collections.unmodifiableMap(m);
    }

    /** {@code if-bundled: {component: xstream, below: 1.4.18}} (and/or {@code from}), or null. */
    private static ArgumentRow.BundledRange bundledRange(JsonNode n, String file) {
        if (n == null || n.isNull()) return null;
        n.fieldNames().forEachRemaining(k -> {
            if (!Set.of("component", "from", "below").contains(k)) throw new IllegalStateException(file + ": unknown key '" + k + "' in if-bundled " + n);
        });
        if (!n.hasNonNull("component") || !n.hasNonNull("from") && !n.hasNonNull("below")) {
            throw new IllegalStateException(file + ": if-bundled needs a component and a bound (from, below): " + n);
        }
        return new ArgumentRow.BundledRange(n.get("component").asText(), n.hasNonNull("from") ? n.get("from").asText() : null,
                n.hasNonNull("below") ? n.get("below").asText() : null);
    }

    /** One constructor or static factory of an exactly named class (a full descriptor), of a known container kind. */
    private static ContainerRow containerRow(JsonNode r, String file) {
        String kind = text(r, "kind", file);
        if (!ContainerRow.KINDS.contains(kind)) throw new IllegalStateException(file + ": unknown container kind '" + kind + "' " + ContainerRow.KINDS + ": " + r);
        MethodPattern m = method(r, file);
        if (m.name().equals("*") || m.anyOwner() || m.anyDescriptor()) {
            throw new IllegalStateException(file + ": a containers row names one constructor or factory of one class: " + r);
        }
        return new ContainerRow(kind, m, labelledArguments(r.get("if-labelled")), provenance(r), file);
    }

    /** One JDK value class (its methods, or some by name) and the evaluation its calls get. */
    private static ValueClassRow valueClassRow(JsonNode r, String file) {
        String kind = text(r, "kind", file);
        if (!ValueClassRow.KINDS.contains(kind)) throw new IllegalStateException(file + ": unknown value-class kind '" + kind + "' " + ValueClassRow.KINDS + ": " + r);
        MethodPattern m = method(r, file);
        if (m.anyOwner()) throw new IllegalStateException(file + ": a value-classes row names one class: " + r);
        return new ValueClassRow(kind, m, provenance(r), file);
    }

    private ReturnRow returnRow(JsonNode r, String file) {
        List<String> handlers = handlerAnnotations(r.get("method-annotated"), file);
        List<String> types = texts(r.get("types"));
        if (handlers.isEmpty() || types.isEmpty()) throw new IllegalStateException(file + ": a returns row needs method-annotated and types: " + r);
        return new ReturnRow(text(r, "kind", file), handlers, annotations(r.get("if-annotated")), annotations(r.get("unless-annotated")),
                types, pattern(r.get("unless-produces"), file), pattern(r.get("if-prefix"), file), pattern(r.get("unless-prefix"), file),
                text(r, "what", file), provenance(r), file);
    }

    /**
     * A returns row's handler annotations: dotted names, or {@code {handlers: spring-mvc}}, the annotations of that kind
     * of entry point in the program model's list ({@link dev.triage.program.HandlerAnnotations}), so that which methods
     * are handlers is written once.
     */
    private static List<String> handlerAnnotations(JsonNode n, String file) {
        if (n == null || !n.isObject()) return annotations(n);
        n.fieldNames().forEachRemaining(k -> {
            if (!k.equals("handlers")) throw new IllegalStateException(file + ": unknown key '" + k + "' in " + n + " (only 'handlers')");
        });
        String kind = n.path("handlers").asText();
        List<String> out = new ArrayList<>();
        for (dev.triage.program.HandlerAnnotations.Handler h : dev.triage.program.HandlerAnnotations.builtIn().handlers()) {
            if (h.entryPoint().equals(kind)) out.add(h.descriptor());
        }
        if (out.isEmpty()) throw new IllegalStateException(file + ": no handler annotations of entry-point kind '" + kind + "'");
        return List.copyOf(out);
    }

    /** Dotted annotation class names as descriptors ({@code Lorg/springframework/web/bind/annotation/GetMapping;}). */
    private static List<String> annotations(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null) n.forEach(a -> out.add("L" + internal(a.asText()) + ";"));
        return List.copyOf(out);
    }

    private java.util.regex.Pattern pattern(JsonNode n, String file) {
        return n == null || n.isNull() ? null : java.util.regex.Pattern.compile(regex(n, file));
    }

    private CallRow callRow(JsonNode r, String file) {
        MethodPattern m = method(r, file);
        java.util.regex.Pattern name = r.hasNonNull("name-matches") ? java.util.regex.Pattern.compile(regex(r.get("name-matches"), file)) : null;
        java.util.regex.Pattern cls = r.hasNonNull("class-matches") ? java.util.regex.Pattern.compile(regex(r.get("class-matches"), file)) : null;
        if ((name != null && !m.name().equals("*")) || (cls != null && !m.anyOwner())) {
            throw new IllegalStateException(file + ": name-matches needs method \"*\", class-matches class \"*\": " + r);
        }
        return new CallRow(text(r, "kind", file), m, r.path("label").asText(""), when(r.get("when"), file),
                viewInput(r, file), component(r, file), name, cls, texts(r.get("clean-for")), provenance(r), file);
    }

    private ParameterRow parameterRow(JsonNode r, String file) {
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
        java.util.regex.Pattern named = pattern(r.get("named"), file);
        if (named != null && annotation == null) throw new IllegalStateException(file + ": 'named' needs 'annotation': " + r);
        p = new ParameterRow(text(r, "kind", file), annotation, method, methodAnnotation, List.copyOf(args),
                text(r, "label", file), component(r, file), named, provenance(r), file);
        return p;
    }

    /**
     * {@code view-input: {0: password}}: the argument at each index is the resource id of a view the app's layouts
     * declare with that kind of input ({@link CallRow#VIEW_INPUTS}); empty when absent.
     */
    private static Map<Integer, String> viewInput(JsonNode r, String file) {
        JsonNode v = r.get("view-input");
        if (v == null) return Map.of();
        if (!v.isObject()) throw new IllegalStateException(file + ": view-input is a map of argument index to input kind: " + r);
        Map<Integer, String> m = new LinkedHashMap<>();
        v.fields().forEachRemaining(e -> {
            if (!CallRow.VIEW_INPUTS.contains(e.getValue().asText())) {
                throw new IllegalStateException(file + ": unknown view input '" + e.getValue().asText() + "' " + CallRow.VIEW_INPUTS + ": " + r);
            }
            int index = argument(com.fasterxml.jackson.databind.node.TextNode.valueOf(e.getKey()), file);
            if (index < 0) throw new IllegalStateException(file + ": view-input names an argument by its index: " + r);
            m.put(index, e.getValue().asText());
        });
        return Collections.unmodifiableMap(m);
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
            int level = rs.path("severity").asInt(-1);
            if (rs.path("min-sdk-below").asInt(-1) < 1 || level < 0 || level > 5) {
                throw new IllegalStateException(file + ": raise-severity needs min-sdk-below and a severity 0-5: " + r);
            }
            raise = new SeverityRaise(rs.path("min-sdk-below").asInt(), Severity.ofLevel(level), text(rs, "message", file));
        }
        return new CheckRow(text(r, "rule", file), method(r.get("at"), file), argument, object,
                factAlternatives(r.get("unless-any")), factAlternatives(r.get("if-any")), Collections.unmodifiableMap(when),
                raise, text(r, "message", file), resultUses(r.get("unless-result-only"), file),
                factAlternatives(r.get("unless-result-any")), lowering(r.get("lower-if-result-only"), file),
                argumentLowering(r.get("lower-if-arguments"), file), provenance(r), file,
                checkSeverity(r, file));
    }

    /**
     * {@code lower-if-arguments: {labelled: {0: app-resource}, severity: n, message: "..."}}, or null: the checked call's
     * own arguments carry these labels (a parser judged where it parses, given only the app's own resource).
     */
    private static SeverityLowering argumentLowering(JsonNode n, String file) {
        if (n == null) return null;
        int level = n.path("severity").asInt(-1);
        Map<Integer, String> labelled = new java.util.TreeMap<>();
        JsonNode l = n.get("labelled");
        if (l != null) l.fields().forEachRemaining(e -> labelled.put(Integer.parseInt(e.getKey()), e.getValue().asText()));
        n.fieldNames().forEachRemaining(k -> {
            if (!Set.of("labelled", "severity", "message").contains(k)) throw new IllegalStateException(file + ": unknown key '" + k + "' in " + n);
        });
        if (labelled.isEmpty() || level < 0 || level > 5) {
            throw new IllegalStateException(file + ": lower-if-arguments needs labelled and a severity 0-5: " + n);
        }
        return new SeverityLowering(List.of(new CheckRow.ResultUse("*", Map.of(), Collections.unmodifiableMap(labelled))),
                Severity.ofLevel(level), text(n, "message", file));
    }

    /** {@code severity: n} (0-5): the check's findings differ from their rule's severity; null when not given. */
    private static Severity checkSeverity(JsonNode r, String file) {
        if (!r.has("severity")) return null;
        int level = r.get("severity").asInt(-1);
        if (!r.get("severity").isInt() || level < 0 || level > 5) throw new IllegalStateException(file + ": severity must be 0-5: " + r);
        return Severity.ofLevel(level);
    }

    /** {@code lower-if-result-only: {uses: [...], severity: n, message: "..."}}, or null. */
    private static SeverityLowering lowering(JsonNode n, String file) {
        if (n == null) return null;
        int level = n.path("severity").asInt(-1);
        List<CheckRow.ResultUse> uses = resultUses(n.get("uses"), file);
        if (uses.isEmpty() || level < 0 || level > 5) {
            throw new IllegalStateException(file + ": lower-if-result-only needs uses and a severity 0-5: " + n);
        }
        return new SeverityLowering(uses, Severity.ofLevel(level), text(n, "message", file));
    }

    private static List<CheckRow.ResultUse> resultUses(JsonNode n, String file) {
        List<CheckRow.ResultUse> out = new ArrayList<>();
        if (n == null) return out;
        for (JsonNode u : n) {
            Map<Integer, String> madeAs = new java.util.TreeMap<>();
            JsonNode m = u.get("made-as");
            if (m != null) m.fields().forEachRemaining(e -> madeAs.put(Integer.parseInt(e.getKey()), internal(e.getValue().asText())));
            Map<Integer, String> labelled = new java.util.TreeMap<>();
            JsonNode l = u.get("labelled");
            if (l != null) l.fields().forEachRemaining(e -> labelled.put(Integer.parseInt(e.getKey()), e.getValue().asText()));
            u.fieldNames().forEachRemaining(k -> {
                if (!Set.of("method", "made-as", "labelled").contains(k)) throw new IllegalStateException(file + ": unknown key '" + k + "' in " + u);
            });
            out.add(new CheckRow.ResultUse(text(u, "method", file), Collections.unmodifiableMap(madeAs), Collections.unmodifiableMap(labelled)));
        }
        return List.copyOf(out);
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
            alt.fields().forEachRemaining(e -> facts.put(e.getKey(), e.getValue().isObject() ? bound(e.getValue()) : scalar(e.getValue())));
            out.add(facts);
        });
        return out;
    }

    /** {@code 0}, {@code this}, {@code [0, 1]}, or {@code any} (receiver and every argument: Integer.MIN_VALUE). */
    /** A list of strings (absent: empty). */
    private static List<String> texts(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null) n.forEach(x -> out.add(x.asText()));
        return List.copyOf(out);
    }

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
            EffectRow.Callback returnedBy = null;
            if (value != null && value.isObject()) {
                // {returned-by: argument 0, method: resolveEntity, descriptor: "(...)..."}
                value.fieldNames().forEachRemaining(k -> {
                    if (!Set.of("returned-by", "method", "descriptor").contains(k)) {
                        throw new IllegalStateException(file + ": unknown key '" + k + "' in effect value " + value);
                    }
                });
                returnedBy = new EffectRow.Callback(argument(value.get("returned-by"), file), text(value, "method", file),
                        text(value, "descriptor", file));
            } else if (value != null && value.isTextual() && value.asText().startsWith("argument ")) valueArg = argument(value, file);
            else if (value != null && value.isNull()) fixed = EffectRow.REMOVE;
            else fixed = value == null ? Boolean.TRUE : scalar(value);
            Integer add = null;
            if (e.has("add")) {
                if (value != null || !e.get("add").isInt()) throw new IllegalStateException(file + ": an effect adds a number or sets a value: " + e);
                add = e.get("add").asInt();
                fixed = null;
            }
            Map<Integer, String> effectWhen = e.has("when") ? when(e.get("when"), file) : Map.of();
            Integer target = e.has("on") ? argument(e.get("on"), file) : null;
            Map<Integer, String> labelled = new LinkedHashMap<>();
            e.path("labelled").fields().forEachRemaining(l -> labelled.put(Integer.parseInt(l.getKey()), l.getValue().asText()));
            effects.add(new EffectRow(method(e, file), fixedKey, keyArg, valueArg, fixed, returnedBy, add, e.path("once").asBoolean(false),
                    effectWhen, labelled, target));
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
    /** A range of numbers a fact must lie in: {@code {above: 0}}, {@code {at-most: 0}}. */
    private static FactBound bound(JsonNode v) {
        v.fieldNames().forEachRemaining(k -> {
            if (!k.equals("above") && !k.equals("at-most")) throw new IllegalStateException("unknown key in a fact range: " + k + " in " + v);
        });
        return new FactBound(v.has("above") ? v.get("above").asLong() : null, v.has("at-most") ? v.get("at-most").asLong() : null);
    }

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

    private Map<Integer, String> when(JsonNode w, String file) {
        if (w == null) return Map.of();
        Map<Integer, String> m = new LinkedHashMap<>();
        w.fields().forEachRemaining(e -> m.put(e.getKey().equals("this") ? Position.THIS : Integer.parseInt(e.getKey()), regex(e.getValue(), file)));
        return Collections.unmodifiableMap(m);
    }

    private static SourceKind sourceKind(JsonNode r, String file) {
        String cls = text(r, "class", file);
        if (!SourceKind.CLASSES.contains(cls)) throw new IllegalStateException(file + ": unknown source class '" + cls + "' " + SourceKind.CLASSES + ": " + r);
        String confidence = r.path("confidence").asText("medium");
        dev.triage.contract.Confidence c;
        try {
            c = dev.triage.contract.Confidence.valueOf(confidence.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + ": unknown confidence '" + confidence + "': " + r);
        }
        return new SourceKind(text(r, "kind", file), cls, r.path("default").asBoolean(false), c, r.path("name").asText(""),
                provenance(r), file);
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
}
