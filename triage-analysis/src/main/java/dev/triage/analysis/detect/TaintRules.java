package dev.triage.analysis.detect;

import dev.triage.contract.Confidence;
import dev.triage.contract.PathStep;
import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.contract.Location;
import dev.triage.contract.Detection;
import dev.triage.analysis.model.Models;
import dev.triage.analysis.model.SourceKind;
import dev.triage.analysis.value.Taint;
import dev.triage.analysis.value.Value;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The taint engine's tables (taint.yml): which rule each sink kind reports and which source classes or kinds each
 * sink kind reports; with the declared source kinds ({@code source-kinds}: class, message name, confidence).
 */
final class TaintRules {
    private static final Set<String> UNTRUSTED = Set.of("untrusted");

    private final Map<String, String> ruleOfKind;
    /** Sink kind → the source classes it reports; unlisted kinds take untrusted input. */
    private final Map<String, Set<String>> acceptedBySink;
    private final Models models;
    /** Sink kind → the pattern a value's known prefix matches when that prefix alone keeps it safe for the kind. */
    private final Map<String, java.util.regex.Pattern> safePrefix = new TreeMap<>();
    /** Sink kinds that judge sizes and durations: they see numbers parsed from untrusted text, and only numbers. */
    private final Set<String> numberOnly;
    /** Instruction (not call) sinks: {@code array-allocation}, {@code loop-condition} → their sink kind. */
    private final Map<String, String> instructionSinks;
    /**
     * Sink kind → the kind whose sanitizers decide whether sensitive data is still itself there
     * ({@code sensitive-judged-as}): at a logging call, a digest (which clears {@code phi-log}) hides a name, while
     * removing line breaks (which clears only {@code log-injection}) leaves a password a password.
     */
    private final Map<String, String> judgedAs;

    TaintRules(Models models) {
        this.models = models;
        this.ruleOfKind = textMap(models, "sink-rules");
        this.numberOnly = models.stringSet("number-only-sink-kinds");
        this.instructionSinks = textMap(models, "instruction-sinks");
        this.judgedAs = textMap(models, "sensitive-judged-as");
        textMap(models, "sink-safe-prefixes").forEach((k, re) -> safePrefix.put(k, java.util.regex.Pattern.compile(re, java.util.regex.Pattern.DOTALL)));
        Map<String, Set<String>> accepted = new TreeMap<>();
        JsonNode a = models.tables.get("sink-sources");
        if (a != null) a.fields().forEachRemaining(e -> {
            Set<String> set = new TreeSet<>();
            e.getValue().forEach(x -> set.add(x.asText()));
            accepted.put(e.getKey(), set);
        });
        this.acceptedBySink = accepted;
    }

    private static Map<String, String> textMap(Models models, String table) {
        Map<String, String> m = new TreeMap<>();
        JsonNode t = models.tables.get(table);
        if (t != null) t.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    /** The rule a sink kind reports, or null when the kind is not a taint sink. */
    String ruleOf(String sinkKind) {
        return ruleOfKind.get(sinkKind);
    }

    /** The sink kind of an instruction sink ({@code array-allocation}, {@code loop-condition}), or null. */
    String instructionSink(String what) {
        return instructionSinks.get(what);
    }

    Set<String> sinkKinds() {
        return ruleOfKind.keySet();
    }

    /** The rule data from this source kind reaching a sink of this kind reports ({@code source-kind-rules}, else the kind's). */
    String ruleOf(String sinkKind, String sourceKind) {
        JsonNode t = models.tables.get("source-kind-rules");
        JsonNode r = t == null ? null : t.path(sinkKind).get(sourceKind);
        return r == null ? ruleOf(sinkKind) : r.asText();
    }

    /**
     * A size or loop finding whose number went through arithmetic that can wrap around ({@link Taint#ARITHMETIC} on the
     * label, or among what a callee's path cleared) is reported as the rule {@code arithmetic-sink-rules} names for
     * the sink kind (integer overflow), else unchanged.
     */
    Detection byArithmetic(Detection d, String kind, String label, Set<String> alsoCleared) {
        JsonNode t = models.tables.get("arithmetic-sink-rules");
        if (d == null || t == null || !t.has(kind)) return d;
        if (!Taint.cleared(label).contains(Taint.ARITHMETIC) && !alsoCleared.contains(Taint.ARITHMETIC)) return d;
        return new Detection(t.get(kind).asText(), d.location(), d.message() + " after arithmetic that can overflow", d.path(),
                d.confidence(), d.key());
    }

    /** The rules sink kinds report, and those a bundled component's version turns them into. */
    Set<String> rules() {
        Set<String> r = new TreeSet<>(ruleOfKind.values());
        JsonNode arithmetic = models.tables.get("arithmetic-sink-rules");
        if (arithmetic != null) arithmetic.forEach(x -> r.add(x.asText()));
        JsonNode bySource = models.tables.get("source-kind-rules");
        if (bySource != null) bySource.forEach(k -> k.forEach(x -> r.add(x.asText())));
        JsonNode sens = models.tables.get("sensitive-sink-rules");
        if (sens != null) sens.forEach(bySourceKind -> bySourceKind.forEach(x -> r.add(x.asText())));
        JsonNode esc = models.tables.get("component-escalations");
        if (esc != null) esc.forEach(e -> r.add(e.path("rule").asText()));
        JsonNode platform = models.tables.get("android-sink-rules");
        if (platform != null) platform.forEach(x -> r.add(x.asText()));
        return r;
    }

    /**
     * A finding reported as another rule in an Android app ({@code android-sink-rules}): PHI handed to an analytics or
     * error-reporting SDK in an app on the patient's phone is android/phi-to-tracker, on a server
     * java/phi-to-third-party.
     */
    Detection byPlatform(dev.triage.analysis.AnalysisContext ctx, Detection d, String kind) {
        JsonNode t = models.tables.get("android-sink-rules");
        if (t == null || t.get(kind) == null || ctx.program().android() == null) return d;
        return new Detection(t.get(kind).asText(), d.location(), d.message(), d.path(), d.confidence(), d.key(), null, d.properties());
    }

    /** The kinds of {@code calls} rows the {@code companion-severity} table looks for beside a sink. */
    Set<String> companionKinds() {
        Set<String> out = new TreeSet<>();
        JsonNode t = models.tables.get("companion-severity");
        if (t != null) t.forEach(r -> out.add(r.path("companion").asText()));
        return out;
    }

    /**
     * A finding whose impact another call of the same flow decides ({@code companion-severity}): at the severity of
     * the table's row, saying why, when a method on the finding's path (the sink's, the callers' it went through)
     * also makes a call of the row's {@code companion} kind with the constants its {@code when} asks for (an origin
     * echoed into Access-Control-Allow-Origin of a response that also allows credentials).
     */
    Detection byCompanion(dev.triage.analysis.AnalysisContext ctx, Detection d, String kind) {
        JsonNode rows = models.tables.get("companion-severity");
        if (rows == null) return d;
        for (JsonNode r : rows) {
            if (!kind.equals(r.path("sink-kind").asText())) continue;
            String companion = r.path("companion").asText();
            Set<dev.triage.program.MethodRef> methods = new java.util.LinkedHashSet<>();
            methods.add(methodOf(d.location()));
            for (PathStep step : d.path()) methods.add(methodOf(step.location()));
            for (dev.triage.program.MethodRef m : methods) {
                if (m == null || !callsCompanion(ctx, m, companion)) continue;
                return new Detection(d.ruleId(), d.location(), d.message() + r.path("message").asText(), d.path(),
                        d.confidence(), d.key(), dev.triage.contract.Severity.ofLevel(r.path("severity").asInt()), d.properties());
            }
        }
        return d;
    }

    private static dev.triage.program.MethodRef methodOf(Location l) {
        if (l == null || l.className().isEmpty() || l.methodName().isEmpty()) return null;
        return new dev.triage.program.MethodRef(l.className().replace('.', '/'), l.methodName(), l.methodDescriptor());
    }

    /** Whether the method makes a call of a {@code calls} row of that kind whose constant conditions hold. */
    private boolean callsCompanion(dev.triage.analysis.AnalysisContext ctx, dev.triage.program.MethodRef m, String kind) {
        var frames = ctx.frames(m, 0);
        if (frames.isEmpty()) return false;
        for (var insn = frames.get().method().instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (!(insn instanceof org.objectweb.asm.tree.MethodInsnNode mi) || frames.get().before(mi) == null) continue;
            for (dev.triage.analysis.model.CallRow row : models.callsNamed(mi.name)) {
                if (!kind.equals(row.kind())) continue;
                if (!dev.triage.analysis.value.ModelMatch.matches(row.method(), mi, ctx.program())) continue;
                boolean receiver = mi.getOpcode() != org.objectweb.asm.Opcodes.INVOKESTATIC;
                if (ArgumentDetector.whenHolds(row.when(), i -> frames.get().argument(mi, mi.desc, receiver, i))) return true;
            }
        }
        return false;
    }

    /** The class of a source kind: untrusted (for a kind the models do not declare), sensitive, writable-location... */
    String sourceClass(String sourceKind) {
        SourceKind k = models.sourceKind(sourceKind);
        return k == null ? "untrusted" : k.sourceClass();
    }

    /** Whether a sink of this kind reports data from a source of this kind. */
    boolean accepts(String sinkKind, String sourceKind) {
        Set<String> accepted = acceptedBySink.getOrDefault(sinkKind, UNTRUSTED);
        if (accepted.contains("!" + sourceKind)) return false;
        return accepted.contains(sourceKind) || accepted.contains(sourceClass(sourceKind));
    }

    /**
     * Whether the value's known constant prefix alone makes it safe for this sink kind ({@code sink-safe-prefixes}: a
     * redirect to "/portal/search?q=" + input stays on the site whatever the input is).
     */
    boolean safePrefix(Value v, String kind) {
        java.util.regex.Pattern p = safePrefix.get(kind);
        return p != null && v.prefix() != null && p.matcher(v.prefix()).matches();
    }

    /**
     * Whether sensitive data under this label still is that data at a sink of this kind: not when a sanitizer cleared
     * the kind (a digest of a name is not the name), nor when it is a number a library computed from data of a kind
     * in {@code numbers-drop-sources} (a bundle's entry count, a name's length or hash code is no patient's data).
     */
    private boolean sensitiveReaches(String label, String kind) {
        if (!Taint.reaches(label, kind)) return false;
        return !(Taint.cleared(label).contains(Taint.NUMBER) && models.stringSet("numbers-drop-sources").contains(Taint.sourceKind(label)));
    }

    /** The first (in order) taint label of a value that a sink of this kind reports, or null. */
    String firstTaint(Value v, String kind, Set<String> alsoCleared) {
        if (safePrefix(v, kind)) return null;
        for (String l : v.labels()) {
            if (!Taint.isTaint(l) || !Taint.reaches(l, kind) || alsoCleared.contains(kind)) continue;
            String source = Taint.sourceKind(l);
            if (!accepts(kind, source)) continue;
            // a number computed from untrusted input carries no injection
            boolean number = Taint.cleared(l).contains(Taint.NUMBER) || alsoCleared.contains(Taint.NUMBER);
            boolean parsed = Taint.cleared(l).contains(Taint.PARSED) || alsoCleared.contains(Taint.PARSED);
            if (numberOnly.contains(kind)) {
                // sizes and durations: only a number the attacker wrote (not the length of what was sent, nor a
                // count a library computed from it: bytes read, an intent's int extra)
                if (!parsed) continue;
                return l;
            }
            if (parsed) continue;
            if (number && sourceClass(source).equals("untrusted")) continue;
            if (sourceClass(source).equals("sensitive") && !sensitiveReaches(l, kind)) continue;
            return l;
        }
        return null;
    }

    /**
     * The rule sensitive data reaching a sink of this kind reports besides the kind's own ({@code sensitive-sink-rules}:
     * sink kind → source kind → rule, {@code default} for the other sensitive kinds: PHI written to a log is
     * java/phi-logged, a password java/sensitive-data-logged), with the first sensitive label; null when none applies.
     */
    Detection sensitive(String kind, dev.triage.contract.Location at, String sinkKey, Value v, List<PathStep> tail,
                        java.util.function.Function<String, List<PathStep>> sourceSteps,
                        java.util.function.Function<String, String> sourceProvenance, String sinkProvenance) {
        JsonNode t = models.tables.get("sensitive-sink-rules");
        if (t == null || t.get(kind) == null) return null;
        for (String l : v.labels()) {
            if (!Taint.isTaint(l) || !"sensitive".equals(sourceClass(Taint.sourceKind(l)))) continue;
            if (Taint.cleared(l).contains(Taint.PARSED)) continue;
            if (!sensitiveReaches(l, judgedAs.getOrDefault(kind, kind))) continue;
            JsonNode rule = t.get(kind).has(Taint.sourceKind(l)) ? t.get(kind).get(Taint.sourceKind(l)) : t.get(kind).get("default");
            if (rule == null) continue;
            SourceKind declared = models.sourceKind(Taint.sourceKind(l));
            String what = declared == null ? Taint.sourceKind(l) + " data" : declared.displayName();
            String call = sinkKey.substring(0, sinkKey.indexOf('('));
            String name = call.substring(call.lastIndexOf('/') + 1);
            List<PathStep> path = new java.util.ArrayList<>(sourceSteps.apply(l));
            path.addAll(tail);
            return withProvenance(new Detection(rule.asText(), at, Character.toUpperCase(what.charAt(0)) + what.substring(1)
                    + " is written to a log by " + name, path, declared == null ? Confidence.MEDIUM : declared.confidence(),
                    sinkKey + "|" + Taint.sourceKind(l)), sourceProvenance.apply(l), sinkProvenance);
        }
        return null;
    }

    /**
     * A finding whose impact a bundled component's version decides ({@code component-escalations}): untrusted text
     * logged through an API that reaches a bundled log4j-core 2.0-beta9 to 2.14.1 is Log4Shell. {@code api} is the
     * internal name of the class called at the sink.
     */
    Detection byComponent(dev.triage.analysis.AnalysisContext ctx, Detection d, String kind, String api) {
        JsonNode rows = models.tables.get("component-escalations");
        if (rows == null) return d;
        dev.triage.analysis.BundledJars jars = ctx.results().get(dev.triage.analysis.BundledJars.ID);
        for (JsonNode r : rows) {
            if (!kind.equals(r.path("sink-kind").asText())) continue;
            String version = null;
            for (String v : jars.versions(r.path("component").asText())) {
                if (dev.triage.analysis.BundledJars.compare(v, r.path("versions").path("from").asText()) >= 0
                        && dev.triage.analysis.BundledJars.compare(v, r.path("versions").path("to").asText()) <= 0) version = v;
            }
            if (version == null) continue;
            boolean routed = false;
            for (JsonNode route : r.path("routes")) {
                if (!api.startsWith(route.path("api").asText())) continue;
                if (!route.has("bridge") || jars.bundles(route.path("bridge").asText())) routed = true;
            }
            if (!routed) continue;
            String what = d.message().substring(0, d.message().indexOf(" reaches "));
            String message = what + " " + r.path("message").asText().replace("{version}", version);
            Map<String, String> props = new TreeMap<>(d.properties());
            props.put("component", r.path("component").asText() + "@" + version);
            return new Detection(r.path("rule").asText(), d.location(), message, d.path(), d.confidence(), d.key(), null, props);
        }
        return d;
    }

    /**
     * A finding at a logging call (a sink kind of {@code level-lowered-sink-kinds}) whose level (by the method's name,
     * {@code log-method-levels}) is below the lowest level the app's own logging configuration writes: at the
     * severity {@code below-logging-threshold-severity}, saying so. Unchanged when the app bundles no configuration.
     */
    Detection byLoggingLevel(dev.triage.analysis.AnalysisContext ctx, Detection d, String kind, String method) {
        if (!models.stringSet("level-lowered-sink-kinds").contains(kind)) return d;
        JsonNode levels = models.tables.get("log-method-levels");
        String levelName = levels == null || levels.get(method) == null ? null : levels.get(method).asText();
        int level = dev.triage.analysis.LoggingConfiguration.level(levelName);
        if (level < 0) return d;
        dev.triage.analysis.LoggingConfiguration.Threshold t = ctx.results().get(dev.triage.analysis.LoggingConfiguration.ID).threshold();
        if (t == null || level >= t.level()) return d;
        JsonNode sev = models.tables.get("below-logging-threshold-severity");
        dev.triage.contract.Severity severity = dev.triage.contract.Severity.ofLevel(sev == null ? 0 : sev.asInt());
        String message = d.message() + "; written at " + levelName + ", below the lowest level (" + t.levelName()
                + ") the app's own logging configuration (" + t.file() + ") writes";
        return new Detection(d.ruleId(), d.location(), message, d.path(), d.confidence(), d.key(), severity, d.properties());
    }

    /** Provenance of the sinks that are instructions (array lengths, loop conditions): taint.yml's table. */
    static final String INSTRUCTION_SINKS = Models.cite("taint.yml", "instruction-sinks");
    /**
     * The finding with the model rows behind it as its {@link dev.triage.analysis.Provenance} ("source: FILE
     * (provenance); sink: FILE (provenance)"), so a reviewer can tell which row to question. A part that is unknown is
     * left out.
     */
    static Detection withProvenance(Detection d, String source, String sink) {
        if (d == null) return null;
        return dev.triage.analysis.Provenance.with(d, dev.triage.analysis.Provenance.join(
                source == null || source.isEmpty() ? null : dev.triage.analysis.Provenance.part("source", source),
                sink == null || sink.isEmpty() ? null : dev.triage.analysis.Provenance.part("sink", sink)));
    }

    /** The finding for a taint label in a value a handler returns to the framework ({@code returns} rows). */
    Detection returned(String kind, String what, Location at, String key, String label, List<PathStep> path) {
        String source = Taint.sourceKind(label);
        SourceKind declared = models.sourceKind(source);
        String text = declared == null ? "untrusted " + source + " input" : declared.displayName();
        Confidence confidence = declared == null ? Confidence.MEDIUM : declared.confidence();
        String message = Character.toUpperCase(text.charAt(0)) + text.substring(1) + " is returned as " + what + " (" + kind + ")";
        return new Detection(ruleOf(kind), at, message, path, confidence, key + "|" + kind + "|" + source);
    }

    /** The finding for a taint label reaching a sink: message names the source and the sink; confidence by source. */
    Detection detection(String kind, Location at, String sinkKey, String label, List<PathStep> path) {
        String source = Taint.sourceKind(label);
        String call = sinkKey.substring(0, sinkKey.indexOf('('));
        String name = call.substring(call.lastIndexOf('/') + 1);
        SourceKind declared = models.sourceKind(source);
        String what = declared == null ? "untrusted " + source + " input" : declared.displayName();
        Confidence confidence = declared == null ? Confidence.MEDIUM : declared.confidence();
        String message = Character.toUpperCase(what.charAt(0)) + what.substring(1) + " reaches " + name + " (" + kind + ")";
        return new Detection(ruleOf(kind, source), at, message, path, confidence, sinkKey + "|" + source);
    }
}
