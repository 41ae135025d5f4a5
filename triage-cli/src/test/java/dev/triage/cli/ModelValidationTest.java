package dev.triage.cli;

import com.fasterxml.jackson.databind.JsonNode;

import dev.triage.analysis.Analyses;
import dev.triage.analysis.Detector;
import dev.triage.analysis.model.MethodPattern;
import dev.triage.analysis.model.Models;
import dev.triage.analysis.model.ArgumentRow;
import dev.triage.analysis.model.CallRow;
import dev.triage.analysis.model.RegistrationRow;
import dev.triage.analysis.model.FieldRow;
import dev.triage.analysis.model.SummaryRow;
import dev.triage.analysis.model.ParameterRow;
import dev.triage.analysis.model.NeutralRow;
import dev.triage.analysis.model.SourceKind;
import dev.triage.analysis.model.SanitizerRow;
import dev.triage.analysis.model.GuardRow;
import dev.triage.analysis.model.ObjectType;
import dev.triage.analysis.model.EffectRow;
import dev.triage.analysis.model.CheckRow;
import dev.triage.analysis.model.Position;
import dev.triage.findings.RuleCatalogue;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every model row resolves on a real class path (the JDK and the library jars this module's tests
 * depend on): the class exists, the method exists with that descriptor (in the class or a
 * supertype), argument indexes are in range, kinds are consumed by a detector, rules exist.
 * Classes are read as bytes with ASM, never loaded.
 */
class ModelValidationTest {
    private final Map<String, ClassNode> classes = new HashMap<>();
    private final List<String> errors = new ArrayList<>();

    @Test
    void everyModelRowResolves() {
        Models models = Models.builtIn();
        Set<String> kinds = new HashSet<>();
        for (Detector d : Analyses.builtInDetectors(models)) kinds.addAll(d.modelKinds());
        Set<String> objects = new HashSet<>();
        models.objects.forEach(o -> objects.add(o.name()));

        for (ArgumentRow a : models.arguments) {
            kind(a.kind(), kinds, a.file());
            method(a.method(), a.file(), a.argument() == Position.ANY ? null : a.argument());
            a.when().keySet().forEach(i -> method(a.method(), a.file(), i));
            for (String ann : a.methodAnnotations()) annotation(ann, a.file());
        }
        for (CallRow c : models.calls) {
            kind(c.kind(), kinds, c.file());
            method(c.method(), c.file(), null);
            c.when().keySet().forEach(i -> method(c.method(), c.file(), i));
            c.viewInput().keySet().forEach(i -> method(c.method(), c.file(), i));
        }
        for (RegistrationRow r : models.registrations) {
            kind(r.kind(), kinds, r.file());
            method(r.method(), r.file(), r.receiver());
            if (r.flags() >= 0) method(r.method(), r.file(), r.flags());
            if (r.permission() >= 0) method(r.method(), r.file(), r.permission());
        }
        for (FieldRow f : models.fields) {
            kind(f.kind(), kinds, f.file());
            ClassNode c = cls(f.owner());
            if (c == null) errors.add(f.file() + ": class not found " + f.owner());
            else if (c.fields.stream().map((FieldNode n) -> n.name).noneMatch(f.name()::equals)) {
                errors.add(f.file() + ": no field " + f.owner() + "." + f.name());
            }
        }
        for (SummaryRow s : models.summaries) {
            for (int i : s.from()) if (i != Integer.MIN_VALUE) method(s.method(), s.file(), i);
            method(s.method(), s.file(), s.to());
        }
        for (ObjectType o : models.objects) {
            o.createdBy().forEach(m -> method(m, o.file(), null));
            o.views().forEach(m -> method(m, o.file(), Position.RETURN));
            o.types().forEach(t -> {
                if (cls(t) == null) errors.add(o.file() + ": tracked type not found " + t);
            });
            o.initialFromArguments().values().forEach(i -> o.createdBy().forEach(m -> method(m, o.file(), i)));
            for (EffectRow e : o.effects()) {
                method(e.method(), o.file(), e.keyArgument());
                method(e.method(), o.file(), e.valueArgument());
            }
        }
        for (CheckRow c : models.checks) {
            method(c.at(), c.file(), c.argument());
            c.when().keySet().forEach(i -> method(c.at(), c.file(), i));
            if (RuleCatalogue.builtIn().find(c.rule()).isEmpty()) errors.add(c.file() + ": unknown rule " + c.rule());
            if (c.object() != null && !objects.contains(c.object())) errors.add(c.file() + ": unknown object " + c.object());
            // the harmless uses of a call's result are methods of what it returns, and the classes they name exist
            for (CheckRow.ResultUse u : c.resultOnly()) {
                if (c.at().anyDescriptor()) {
                    errors.add(c.file() + ": unless-result-only needs the descriptor of " + c.at());
                    continue;
                }
                String ret = Type.getReturnType(c.at().descriptor()).getInternalName();
                if (hierarchy(ret).stream().noneMatch(cn -> cn.methods.stream().anyMatch(m -> m.name.equals(u.method())))) {
                    errors.add(c.file() + ": no method " + u.method() + " on " + ret);
                }
                u.madeAs().values().forEach(t -> {
                    if (cls(t) == null) errors.add(c.file() + ": class not found " + t);
                });
            }
        }
        Set<String> sinkKinds = new HashSet<>();
        models.tables.get("sink-rules").fieldNames().forEachRemaining(sinkKinds::add);
        for (ParameterRow p : models.parameters) {
            kind(p.kind(), kinds, p.file());
            if (p.annotation() != null) annotation(p.annotation(), p.file());
            if (p.methodAnnotation() != null) annotation(p.methodAnnotation(), p.file());
            if (p.method() != null) {
                method(p.method(), p.file(), null);
                p.arguments().forEach(i -> method(p.method(), p.file(), i));
            }
        }
        // which source classes each sink kind reports: known sink kinds, known classes or source kinds
        Set<String> sourceClasses = new HashSet<>(SourceKind.CLASSES);
        Set<String> sourceKinds = new HashSet<>();
        for (SourceKind k : models.sourceKinds) sourceKinds.add(k.kind());
        // every source row names a declared source kind (its class, default and confidence come from there)
        for (CallRow c : models.calls) {
            if (c.kind().equals("source") && !sourceKinds.contains(c.label())) errors.add(c.file() + ": undeclared source kind " + c.label());
        }
        for (FieldRow f : models.fields) {
            if (f.kind().equals("source") && !sourceKinds.contains(f.label())) errors.add(f.file() + ": undeclared source kind " + f.label());
        }
        for (ParameterRow p : models.parameters) {
            if (p.kind().equals("source") && !sourceKinds.contains(p.label())) errors.add(p.file() + ": undeclared source kind " + p.label());
        }
        // handler return sinks: a sink kind, annotations and returned types that exist
        for (dev.triage.analysis.model.ReturnRow r : models.returns) {
            if (!sinkKinds.contains(r.kind())) errors.add(r.file() + ": returns row of unknown sink kind " + r.kind());
            for (String a : r.methodAnnotated()) annotation(a, r.file());
            for (String a : r.ifAnnotated()) annotation(a, r.file());
            for (String a : r.unlessAnnotated()) annotation(a, r.file());
            for (String t : r.types()) {
                String base = t.contains("<") ? t.substring(0, t.indexOf('<')) + ";" : t;
                Type type = Type.getType(base);
                if (type.getSort() == Type.OBJECT && cls(type.getInternalName()) == null) errors.add(r.file() + ": returned type not found " + t);
            }
        }
        // the program model's handler annotations (entry points, and what taint their parameters carry) exist
        dev.triage.program.HandlerAnnotations handlers = dev.triage.program.HandlerAnnotations.builtIn();
        handlers.handlers().forEach(h -> annotation(h.descriptor(), "handler-annotations.yml"));
        handlers.classAnnotations().values().forEach(set -> set.forEach(a -> annotation(a, "handler-annotations.yml")));
        // MyBatis: the statement, provider and parameter annotations exist
        for (String table : List.of("mybatis-statement-annotations", "mybatis-provider-annotations", "mybatis-param-annotations")) {
            for (String a : models.stringSet(table)) annotation("L" + a.replace('.', '/') + ";", "taint/mybatis.yml " + table);
        }
        // tables naming methods as "owner.name(descriptor)" with an argument index (Android intents, callbacks, stores)
        for (String table : List.of("intent-target-class", "intent-target-action")) {
            JsonNode t = models.tables.get(table);
            if (t == null) {
                errors.add("missing table " + table);
                continue;
            }
            t.fields().forEachRemaining(e -> method(tableMethod(e.getKey()), "table " + table, e.getValue().asInt()));
        }
        JsonNode handoffs = models.tables.get("callback-handoffs");
        if (handoffs == null) errors.add("missing table callback-handoffs");
        else for (JsonNode r : handoffs) {
            if (r.has("call")) {
                MethodPattern call = tableMethod(r.get("call").asText());
                method(call, "table callback-handoffs", r.get("argument").asInt());
                method(new MethodPattern(call.owner(), tableMethod("x." + r.get("callback").asText()).name(),
                        tableMethod("x." + r.get("callback").asText()).descriptor(), true), "table callback-handoffs", r.get("parameter").asInt());
            } else {
                method(tableMethod(r.get("callback-result").asText()), "table callback-handoffs", null);
                method(tableMethod(r.get("callback").asText()), "table callback-handoffs", r.get("parameter").asInt());
            }
        }
        for (String table : List.of("stored-value-writes", "stored-value-reads", "stored-file-opens", "stored-stream-writes")) {
            JsonNode t = models.tables.get(table);
            if (t == null) {
                errors.add("missing table " + table);
                continue;
            }
            for (JsonNode r : t) {
                MethodPattern call = tableMethod(r.get("call").asText());
                if (r.has("key")) method(call, "table " + table, r.get("key").asInt());
                if (r.has("value")) method(call, "table " + table, r.get("value").asInt());
            }
        }
        for (String table : List.of("reflective-class-lookups", "reflective-class-of", "reflective-method-lookups", "reflective-invocations",
                "reflective-field-lookups", "reflective-field-reads", "reflective-field-writes")) {
            JsonNode t = models.tables.get(table);
            if (t == null) {
                errors.add("missing table " + table);
                continue;
            }
            for (JsonNode r : t) {
                MethodPattern call = tableMethod(r.get("call").asText());
                for (String position : List.of("name", "target", "arguments", "value")) {
                    if (r.has(position)) method(call, "table " + table, r.get(position).asInt());
                }
            }
        }
        // container constructors and factories exist, and each makes a java.util.Map, java.util.List or
        // android.os.Parcel as its kind says
        for (dev.triage.analysis.model.ContainerRow c : models.containers) {
            method(c.constructor(), c.file(), null);
            String contract = switch (c.kind()) {
                case "map" -> "java/util/Map";
                case "list" -> "java/util/List";
                default -> "android/os/Parcel";
            };
            if (hierarchy(c.constructor().owner()).stream().noneMatch(cn -> cn.name.equals(contract))) {
                errors.add(c.file() + ": " + c.constructor().owner() + " is no " + contract);
            }
            if (!c.constructor().name().equals("<init>")
                    && !Type.getReturnType(c.constructor().descriptor()).getInternalName().equals(c.constructor().owner())) {
                errors.add(c.file() + ": factory " + c.constructor() + " does not return its class");
            }
        }
        // value classes exist with the methods named, and are what their kind evaluates: String itself, a builder
        // (a CharSequence and an Appendable), a primitive wrapper (a static valueOf), a lookup by a String key that
        // returns a String
        for (dev.triage.analysis.model.ValueClassRow v : models.valueClasses) {
            method(v.calls(), v.file(), null);
            String owner = v.calls().owner();
            if (cls(owner) == null) continue;
            Set<String> supers = new java.util.HashSet<>();
            hierarchy(owner).forEach(cn -> supers.add(cn.name));
            boolean fits = switch (v.kind()) {
                case "string" -> owner.equals("java/lang/String");
                case "builder" -> supers.contains("java/lang/CharSequence") && supers.contains("java/lang/Appendable");
                case "box" -> cls(owner).methods.stream().anyMatch(m -> m.name.equals("valueOf")
                        && (m.access & org.objectweb.asm.Opcodes.ACC_STATIC) != 0 && Type.getReturnType(m.desc).getInternalName().equals(owner));
                default -> hierarchy(owner).stream().flatMap(cn -> cn.methods.stream())
                        .filter(m -> m.name.equals(v.calls().name()) && (v.calls().anyDescriptor() || m.desc.equals(v.calls().descriptor())))
                        .allMatch(m -> Type.getReturnType(m.desc).equals(Type.getType(String.class))
                                && Type.getArgumentTypes(m.desc).length >= 1 && Type.getArgumentTypes(m.desc)[0].equals(Type.getType(String.class)));
            };
            if (!fits) errors.add(v.file() + ": " + owner + " is no " + v.kind() + " value class");
        }
        // classes whose fields travel between Android components exist
        for (String t : models.stringSet("transported-types")) {
            if (cls(t.strip().replace('.', '/')) == null) errors.add("taint/android-flow.yml transported-types: class not found " + t);
        }
        for (NeutralRow n : models.neutrals) {
            method(n.method(), n.file(), null);
            // a neutral row wins over wildcard summaries; one that contradicts a summary written for the method is a mistake
            for (SummaryRow x : models.summaries) {
                if (x.method().equals(n.method())) errors.add(n.file() + ": neutral row and summary for the same method " + n.method());
            }
        }
        if (!models.unusedPatterns().isEmpty()) errors.add("named patterns no row uses: " + models.unusedPatterns());
        models.tables.get("sink-sources").fields().forEachRemaining(e -> {
            if (!sinkKinds.contains(e.getKey())) errors.add("taint.yml: sink-sources names unknown sink kind " + e.getKey());
            e.getValue().forEach(x -> {
                String t = x.asText().startsWith("!") ? x.asText().substring(1) : x.asText();
                if (!sourceClasses.contains(t) && !sourceKinds.contains(t)) errors.add("taint.yml: sink-sources: unknown " + t);
            });
        });
        for (SanitizerRow z : models.sanitizers) {
            for (int i : z.from()) if (i != Integer.MIN_VALUE) method(z.method(), z.file(), i);
            method(z.method(), z.file(), z.to());
            for (String c : z.clears()) {
                if (!c.equals("all") && !sinkKinds.contains(c)) errors.add(z.file() + ": sanitizer clears unknown kind " + c);
            }
        }
        // kinds a source cannot feed and kinds a summary restores are sink kinds
        for (CallRow c : models.calls) {
            for (String k : c.cleanFor()) if (!sinkKinds.contains(k)) errors.add(c.file() + ": clean-for names unknown sink kind " + k);
        }
        for (SummaryRow x : models.summaries) {
            for (String k : x.restores()) if (!sinkKinds.contains(k)) errors.add(x.file() + ": restores names unknown sink kind " + k);
        }
        for (GuardRow g : models.guards) {
            method(g.method(), g.file(), g.checks());
            if (g.pattern() != null) method(g.method(), g.file(), g.pattern());
            g.untainted().forEach(i -> method(g.method(), g.file(), i));
            g.when().keySet().forEach(i -> method(g.method(), g.file(), i));
            for (String c : g.clears()) {
                if (!c.equals("all") && !sinkKinds.contains(c)) errors.add(g.file() + ": guard clears unknown kind " + c);
            }
        }
        // the dangerous texts a pattern guard weighs are per sink kind, and what a fixed URL prefix clears are sink kinds
        models.tables.get("guard-dangerous-text").fieldNames().forEachRemaining(k -> {
            if (!sinkKinds.contains(k)) errors.add("guards.yml: guard-dangerous-text names unknown sink kind " + k);
        });
        // the characters a hand-written escaper must remove are per sink kind; replacement calls exist, positions fit
        models.tables.get("escaped-characters-clear").fields().forEachRemaining(e -> {
            if (!sinkKinds.contains(e.getKey())) errors.add("sanitizers.yml: escaped-characters-clear names unknown sink kind " + e.getKey());
            if (!e.getValue().path("characters").isArray() || e.getValue().path("characters").isEmpty()) {
                errors.add("sanitizers.yml: escaped-characters-clear: no characters for " + e.getKey());
            }
            e.getValue().path("characters").forEach(c -> {
                if (c.asText().length() != 1) errors.add("sanitizers.yml: escaped-characters-clear: not one character: " + c.asText());
            });
        });
        for (JsonNode r : models.tables.get("character-replacements")) {
            MethodPattern call = tableMethod(r.get("call").asText());
            for (String position : List.of("text", "target", "pattern", "replacement")) {
                if (!r.has(position)) continue;
                method(call, "table character-replacements", r.get(position).asText().equals("this") ? null : r.get(position).asInt());
            }
            if (r.has("target") == r.has("pattern")) errors.add("table character-replacements: one of target and pattern: " + r);
        }
        models.tables.get("guard-url-prefix-clears").forEach(k -> {
            if (!sinkKinds.contains(k.asText())) errors.add("guards.yml: guard-url-prefix-clears names unknown sink kind " + k.asText());
        });
        // a component escalation turns a sink kind's findings into a catalogue rule
        models.tables.get("component-escalations").forEach(e -> {
            if (!sinkKinds.contains(e.path("sink-kind").asText())) errors.add("component-escalations: unknown sink kind " + e.path("sink-kind").asText());
            if (RuleCatalogue.builtIn().find(e.path("rule").asText()).isEmpty()) errors.add("component-escalations: unknown rule " + e.path("rule").asText());
        });
        models.tables.get("sink-rules").fields().forEachRemaining(e -> {
            if (RuleCatalogue.builtIn().find(e.getValue().asText()).isEmpty()) errors.add("taint.yml: unknown rule " + e.getValue().asText());
        });
        // class and field names in tables that detectors match instructions against
        models.tables.get("csrf-configurer-types").forEach(t -> {
            if (cls(t.asText()) == null) errors.add("spring-security.yml: csrf-configurer-types names unknown class " + t.asText());
        });
        models.tables.get("stateless-session-fields").forEach(t -> {
            String f = t.asText();
            ClassNode owner = cls(f.substring(0, f.lastIndexOf('.')));
            String name = f.substring(f.lastIndexOf('.') + 1);
            if (owner == null || owner.fields.stream().noneMatch(x -> x.name.equals(name))) {
                errors.add("spring-security.yml: stateless-session-fields names unknown field " + f);
            }
        });
        // detector-tables: every key a built-in detector, every table one the models declare (cited in provenance)
        Set<String> detectorNames = new HashSet<>();
        Analyses.builtInDetectors(models).forEach(d -> detectorNames.add(d.getClass().getSimpleName()));
        JsonNode detectorTables = models.tables.get(dev.triage.analysis.Provenance.DETECTOR_TABLES);
        if (detectorTables == null) errors.add("missing table " + dev.triage.analysis.Provenance.DETECTOR_TABLES);
        else detectorTables.fields().forEachRemaining(e -> {
            if (!detectorNames.contains(e.getKey())) errors.add("detector-tables.yml: no built-in detector " + e.getKey());
            e.getValue().forEach(t -> {
                if (!models.tables.containsKey(t.asText()) || t.asText().equals(dev.triage.analysis.Provenance.DETECTOR_TABLES)) {
                    errors.add("detector-tables.yml: " + e.getKey() + " names no table " + t.asText());
                }
            });
        });
        assertEquals(List.of(), errors, "model rows that do not resolve");
        long resolved = classes.values().stream().filter(java.util.Objects::nonNull).count();
        org.junit.jupiter.api.Assertions.assertTrue(resolved > 40, "the check must really read classes: " + resolved);
    }

    private void annotation(String descriptor, String file) {
        String owner = descriptor.substring(1, descriptor.length() - 1);
        if (cls(owner) == null) errors.add(file + ": annotation not found " + owner);
    }

    private void kind(String kind, Set<String> known, String file) {
        if (!known.contains(kind)) errors.add(file + ": kind '" + kind + "' is consumed by no detector");
    }

    /**
     * The method must exist; an argument index (declared parameter, or this/return) must fit it. A row the class
     * path cannot resolve may name an older API than the class path's (Hibernate 6 dropped {@code createSQLQuery}):
     * it resolves when the older jars in {@code target/test-jars} ({@link #OLDER_APIS}) have it.
     */
    /** A table's "owner/name.method(descriptor)" as a pattern on that exact class. */
    private static MethodPattern tableMethod(String key) {
        int dot = key.lastIndexOf('.', key.indexOf('('));
        return new MethodPattern(key.substring(0, dot), key.substring(dot + 1, key.indexOf('(')), key.substring(key.indexOf('(')), false);
    }

    private void method(MethodPattern p, String file, Integer argument) {
        int before = errors.size();
        methodIn(p, file, argument);
        if (errors.size() == before) return;
        List<String> primary = new ArrayList<>(errors.subList(before, errors.size()));
        for (String jar : OLDER_APIS) {
            errors.subList(before, errors.size()).clear();
            older = Path.of("target", "test-jars", jar);
            try {
                methodIn(p, file, argument);
            } finally {
                older = null;
            }
            if (errors.size() == before) return;
        }
        errors.subList(before, errors.size()).clear();
        errors.addAll(primary);
    }

    /** Jars of older API versions than the test class path's, copied to target/test-jars by the build. */
    private static final List<String> OLDER_APIS = List.of("hibernate-core-5.6.15.Final.jar", "hibernate-core-4.3.11.Final.jar");
    /** While set, classes are looked up in this jar first. */
    private Path older;
    private final Map<Path, Map<String, ClassNode>> olderClasses = new HashMap<>();

    private void methodIn(MethodPattern p, String file, Integer argument) {
        if (p.anyOwner()) {
            if (!p.anyDescriptor() && argument != null && argument >= Type.getArgumentTypes(p.descriptor()).length) {
                errors.add(file + ": argument " + argument + " out of range for " + p);
            }
            return;
        }
        if (cls(p.owner()) == null) {
            errors.add(file + ": class not found " + p.owner());
            return;
        }
        List<MethodNode> found = new ArrayList<>();
        for (ClassNode c : hierarchy(p.owner())) {
            for (MethodNode m : c.methods) {
                if ((p.name().equals("*") || m.name.equals(p.name())) && (p.anyDescriptor() || m.desc.equals(p.descriptor()))) found.add(m);
            }
        }
        if (found.isEmpty()) {
            errors.add(file + ": no method " + p);
            return;
        }
        if (argument == null || argument == Position.THIS) return;
        if (argument == Position.RETURN) {
            if (found.stream().allMatch(m -> Type.getReturnType(m.desc) == Type.VOID_TYPE && !m.name.equals("<init>"))) {
                errors.add(file + ": " + p + " returns nothing");
            }
            return;
        }
        if (found.stream().noneMatch(m -> argument < Type.getArgumentTypes(m.desc).length)) {
            errors.add(file + ": argument " + argument + " out of range for " + p);
        }
    }

    private List<ClassNode> hierarchy(String owner) {
        List<ClassNode> out = new ArrayList<>();
        Deque<String> work = new ArrayDeque<>(List.of(owner));
        Set<String> seen = new HashSet<>();
        while (!work.isEmpty()) {
            String n = work.poll();
            if (!seen.add(n)) continue;
            ClassNode c = cls(n);
            if (c == null) continue;
            out.add(c);
            if (c.superName != null) work.add(c.superName);
            work.addAll(c.interfaces);
        }
        return out;
    }

    private ClassNode cls(String internalName) {
        if (older != null) {
            Path jar = older;
            ClassNode c = olderClasses.computeIfAbsent(jar, k -> new HashMap<>()).computeIfAbsent(internalName, n -> {
                if (!Files.isRegularFile(jar)) return null;
                try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(jar.toFile())) {
                    java.util.zip.ZipEntry e = z.getEntry(n + ".class");
                    if (e == null) return null;
                    try (InputStream in = z.getInputStream(e)) {
                        ClassNode node = new ClassNode();
                        new ClassReader(in.readAllBytes()).accept(node, ClassReader.SKIP_CODE);
                        return node;
                    }
                } catch (IOException ex) {
                    return null;
                }
            });
            if (c != null) return c;
        }
        return classes.computeIfAbsent(internalName, n -> {
            try (InputStream in = ClassLoader.getSystemResourceAsStream(n + ".class")) {
                if (in == null) return null;
                ClassNode c = new ClassNode();
                new ClassReader(in.readAllBytes()).accept(c, ClassReader.SKIP_CODE);
                return c;
            } catch (IOException e) {
                return null;
            }
        });
    }
}
