package dev.triage.analysis.detect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.analysis.CodeLocation;
import dev.triage.analysis.Detection;
import dev.triage.analysis.model.Models;
import dev.triage.analysis.value.Taint;
import dev.triage.analysis.value.Value;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The taint engine's tables (taint.yml): which rule each sink kind reports, the class of each source kind
 * (untrusted, sensitive, writable-location, destination), which source classes or kinds each sink kind reports, how
 * findings name a source, and which sources give high confidence.
 */
final class TaintRules {
    private static final Set<String> UNTRUSTED = Set.of("untrusted");

    private final Map<String, String> ruleOfKind;
    /** Source kind → class (untrusted, sensitive, writable-location); unlisted kinds are untrusted. */
    private final Map<String, String> classOfSource;
    /** Sink kind → the source classes it reports; unlisted kinds take untrusted input. */
    private final Map<String, Set<String>> acceptedBySink;
    /** Source kind → how a message names it ("location data"). */
    private final Map<String, String> sourceNames;
    private final Set<String> highConfidenceSources;

    TaintRules(Models models) {
        this.ruleOfKind = textMap(models, "sink-rules");
        this.classOfSource = textMap(models, "source-classes");
        Map<String, Set<String>> accepted = new TreeMap<>();
        JsonNode a = models.tables.get("sink-sources");
        if (a != null) a.fields().forEachRemaining(e -> {
            Set<String> set = new TreeSet<>();
            e.getValue().forEach(x -> set.add(x.asText()));
            accepted.put(e.getKey(), set);
        });
        this.acceptedBySink = accepted;
        this.sourceNames = textMap(models, "source-names");
        this.highConfidenceSources = models.stringSet("high-confidence-sources");
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

    Set<String> sinkKinds() {
        return ruleOfKind.keySet();
    }

    Set<String> rules() {
        return new TreeSet<>(ruleOfKind.values());
    }

    /** The class of a source kind: untrusted (the default), sensitive, writable-location... */
    String sourceClass(String sourceKind) {
        return classOfSource.getOrDefault(sourceKind, "untrusted");
    }

    /** Whether a sink of this kind reports data from a source of this kind. */
    boolean accepts(String sinkKind, String sourceKind) {
        Set<String> accepted = acceptedBySink.getOrDefault(sinkKind, UNTRUSTED);
        if (accepted.contains("!" + sourceKind)) return false;
        return accepted.contains(sourceKind) || accepted.contains(sourceClass(sourceKind));
    }

    /** The first (in order) taint label of a value that a sink of this kind reports, or null. */
    String firstTaint(Value v, String kind, Set<String> alsoCleared) {
        for (String l : v.labels()) {
            if (!Taint.isTaint(l) || !Taint.reaches(l, kind) || alsoCleared.contains(kind)) continue;
            String source = Taint.sourceKind(l);
            if (!accepts(kind, source)) continue;
            // a number computed from untrusted input carries no injection
            boolean number = Taint.cleared(l).contains(Taint.NUMBER) || alsoCleared.contains(Taint.NUMBER);
            if (number && sourceClass(source).equals("untrusted")) continue;
            return l;
        }
        return null;
    }

    /** The finding for a taint label reaching a sink: message names the source and the sink; confidence by source. */
    Detection detection(String kind, CodeLocation at, String sinkKey, String label, List<Detection.Step> path) {
        String source = Taint.sourceKind(label);
        String call = sinkKey.substring(0, sinkKey.indexOf('('));
        String name = call.substring(call.lastIndexOf('/') + 1);
        String what = sourceNames.getOrDefault(source, "untrusted " + source + " input");
        String message = Character.toUpperCase(what.charAt(0)) + what.substring(1) + " reaches " + name + " (" + kind + ")";
        return new Detection(ruleOf(kind), at, message, path, highConfidenceSources.contains(source) ? "HIGH" : "MEDIUM",
                sinkKey + "|" + source);
    }
}
