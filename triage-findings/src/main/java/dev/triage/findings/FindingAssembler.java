package dev.triage.findings;

import dev.triage.contract.PathStep;
import dev.triage.contract.Severity;
import dev.triage.contract.Confidence;
import dev.triage.contract.Location;
import dev.triage.contract.Detection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Turns detections into findings: attaches the rule, drops duplicates, gives each a fingerprint,
 * and orders them. The fingerprint hashes the rule, the class, the method, and the detection's
 * line-independent key, plus an ordinal among equal keys in one method (ordered by line), so it
 * survives line shifts and recompilation.
 */
public final class FindingAssembler {
    private final RuleCatalogue catalogue;

    public FindingAssembler(RuleCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The findings of these detections; a detection of a rule the catalogue does not have is an error. */
    public List<Finding> assemble(List<Detection> detections) {
        return assemble(detections, id -> {
            throw new IllegalStateException("detector reported unknown rule " + id);
        });
    }

    /**
     * The findings of these detections. A detection of a rule the catalogue does not have (a detector and the
     * catalogue out of step) is dropped and its rule id handed to {@code unknownRule}, once per id, so that a scan
     * says so instead of failing.
     */
    public List<Finding> assemble(List<Detection> detections, Consumer<String> unknownRule) {
        List<Detection> sorted = new ArrayList<>(detections);
        // Ordered (and fingerprinted) by the JVM's internal class names, as detections always were.
        sorted.sort(Comparator.comparing(Detection::ruleId)
                .thenComparing(d -> d.location().internalClassName())
                .thenComparing(d -> d.location().methodName())
                .thenComparing(d -> d.location().methodDescriptor())
                .thenComparing(d -> d.location().sourcePath())
                .thenComparingInt(d -> d.location().line())
                .thenComparing(Detection::key)
                .thenComparing(Detection::message)
                // Several paths may lead to one sink; which one is shown must not depend on thread timing.
                .thenComparing(d -> pathKey(d.path()))
                // and one sink may be so by two model rows (their provenance differs): the first by name is kept
                .thenComparing(d -> d.properties().toString()));
        Set<String> seen = new HashSet<>();
        Set<String> unknown = new TreeSet<>();
        Map<String, Integer> ordinals = new HashMap<>();
        List<Finding> out = new ArrayList<>();
        for (Detection d : sorted) {
            Location l = d.location();
            String cls = l.internalClassName();
            String dedupe = d.ruleId() + "|" + cls + "|" + l.methodName() + l.methodDescriptor() + "|" + l.sourcePath()
                    + "|" + l.line() + "|" + d.key();
            if (!seen.add(dedupe)) continue;
            Rule rule = catalogue.find(d.ruleId()).orElse(null);
            if (rule == null) {
                if (unknown.add(d.ruleId())) unknownRule.accept(d.ruleId());
                continue;
            }
            String identity = d.ruleId() + "|" + cls + "|" + l.methodName() + l.methodDescriptor() + "|"
                    + (cls.isEmpty() ? l.sourcePath() : "") + "|" + d.key();
            int ordinal = ordinals.merge(identity, 1, Integer::sum) - 1;
            Severity severity = d.severity() == null ? rule.severity() : d.severity();
            out.add(new Finding(rule, severity, d.confidence(), l, d.message(), d.path(), fingerprint(identity + "|" + ordinal),
                    d.properties()));
        }
        out.sort(FindingOrder.ORDER);
        return out;
    }

    /**
     * A path as the order of equal detections compares it (which of several paths to one sink is shown). It spells
     * each step exactly as the analyses' own step records printed before the finding contract moved to the bottom
     * module, internal class names included, so that the path shown for a finding did not change with the move.
     */
    private static String pathKey(List<PathStep> path) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < path.size(); i++) {
            PathStep s = path.get(i);
            Location l = s.location();
            if (i > 0) sb.append(", ");
            sb.append("Step[location=CodeLocation[className=").append(l.internalClassName())
                    .append(", methodName=").append(l.methodName())
                    .append(", methodDesc=").append(l.methodDescriptor())
                    .append(", sourcePath=").append(l.sourcePath())
                    .append(", line=").append(l.line())
                    .append(", origin=").append(l.origin())
                    .append("], description=").append(s.description()).append(']');
        }
        return sb.append(']').toString();
    }

    static String fingerprint(String identity) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
