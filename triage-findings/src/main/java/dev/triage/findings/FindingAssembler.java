package dev.triage.findings;

import dev.triage.analysis.CodeLocation;
import dev.triage.analysis.Detection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

    public List<Finding> assemble(List<Detection> detections) {
        List<Detection> sorted = new ArrayList<>(detections);
        sorted.sort(Comparator.comparing(Detection::ruleId)
                .thenComparing(d -> d.location().className())
                .thenComparing(d -> d.location().methodName())
                .thenComparing(d -> d.location().methodDesc())
                .thenComparing(d -> d.location().sourcePath())
                .thenComparingInt(d -> d.location().line())
                .thenComparing(Detection::key)
                .thenComparing(Detection::message)
                // Several paths may lead to one sink; which one is shown must not depend on thread timing.
                .thenComparing(d -> d.path().toString()));
        Set<String> seen = new HashSet<>();
        Map<String, Integer> ordinals = new HashMap<>();
        List<Finding> out = new ArrayList<>();
        for (Detection d : sorted) {
            CodeLocation l = d.location();
            String dedupe = d.ruleId() + "|" + l.className() + "|" + l.methodName() + l.methodDesc() + "|" + l.sourcePath()
                    + "|" + l.line() + "|" + d.key();
            if (!seen.add(dedupe)) continue;
            Rule rule = catalogue.find(d.ruleId()).orElseThrow(
                    () -> new IllegalStateException("detector reported unknown rule " + d.ruleId()));
            String identity = d.ruleId() + "|" + l.className() + "|" + l.methodName() + l.methodDesc() + "|"
                    + (l.className().isEmpty() ? l.sourcePath() : "") + "|" + d.key();
            int ordinal = ordinals.merge(identity, 1, Integer::sum) - 1;
            List<PathStep> path = new ArrayList<>();
            for (Detection.Step s : d.path()) path.add(new PathStep(location(s.location()), s.description()));
            Severity severity = d.severity() < 0 ? rule.severity() : Severity.ofLevel(d.severity());
            out.add(new Finding(rule, severity, Confidence.valueOf(d.confidence().toUpperCase(Locale.ROOT)),
                    location(l), d.message(), path, fingerprint(identity + "|" + ordinal), d.properties()));
        }
        out.sort(FindingOrder.ORDER);
        return out;
    }

    static Location location(CodeLocation l) {
        return new Location(l.className().replace('/', '.'), l.methodName(), l.methodDesc(), l.sourcePath(), l.line(), l.origin());
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
