package dev.triage.findings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one compliance mapping ({@code dev/triage/compliance.yml}): HIPAA Security Rule technical safeguards by
 * rule id, OWASP Top 10 (2021) categories by CWE, OWASP MASVS v2 groups by rule id or id prefix. The rule catalogue
 * gives each rule its {@link Compliance}; the portfolio study counts flaws by the same categories.
 */
public final class ComplianceMapping {
    private static final String FILE = "dev/triage/compliance.yml";

    /** Safeguard ("164.312(a)") → its title, in the order of the regulation. */
    private final Map<String, String> safeguardTitles;
    /** Rule id → the safeguards it undermines, in the order of the regulation. */
    private final Map<String, List<String>> safeguardsByRule;
    private final Map<Integer, String> owaspByCwe;
    private final Map<String, String> masvsByRule;

    private ComplianceMapping(Map<String, String> safeguardTitles, Map<String, List<String>> safeguardsByRule,
                              Map<Integer, String> owaspByCwe, Map<String, String> masvsByRule) {
        this.safeguardTitles = Collections.unmodifiableMap(safeguardTitles);
        this.safeguardsByRule = Collections.unmodifiableMap(safeguardsByRule);
        this.owaspByCwe = Collections.unmodifiableMap(owaspByCwe);
        this.masvsByRule = Collections.unmodifiableMap(masvsByRule);
    }

    public static ComplianceMapping builtIn() {
        return Holder.BUILT_IN;
    }

    private static final class Holder {
        static final ComplianceMapping BUILT_IN = load(ComplianceMapping.class.getClassLoader());
    }

    static ComplianceMapping load(ClassLoader loader) {
        JsonNode root;
        try (InputStream in = loader.getResourceAsStream(FILE)) {
            if (in == null) throw new IllegalStateException("compliance mapping missing: " + FILE);
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
        Map<String, String> titles = new LinkedHashMap<>();
        Map<String, List<String>> byRule = new TreeMap<>();
        root.path("hipaa-safeguards").fields().forEachRemaining(e -> {
            titles.put(e.getKey(), e.getValue().path("title").asText());
            e.getValue().path("rules").forEach(r -> {
                List<String> list = byRule.computeIfAbsent(r.asText(), k -> new ArrayList<>());
                if (!list.contains(e.getKey())) list.add(e.getKey());
            });
        });
        Map<Integer, String> owasp = new TreeMap<>();
        for (String section : List.of("owasp-top10-2021", "extra-cwes")) {
            root.path(section).fields().forEachRemaining(e -> e.getValue().forEach(c -> {
                String prev = owasp.put(c.asInt(), e.getKey());
                if (prev != null && !prev.equals(e.getKey())) {
                    throw new IllegalStateException(FILE + ": CWE-" + c.asInt() + " in both " + prev + " and " + e.getKey());
                }
            }));
        }
        Map<String, String> masvs = new TreeMap<>();
        root.path("masvs-v2").fields().forEachRemaining(e -> e.getValue().forEach(r -> masvs.put(r.asText(), e.getKey())));
        return new ComplianceMapping(titles, byRule, owasp, masvs);
    }

    /** A rule's place in every framework. */
    public Compliance of(String ruleId, int cwe) {
        return new Compliance(hipaaSafeguards(ruleId), owaspTop10(cwe), masvs(ruleId));
    }

    /** The HIPAA technical safeguards ("164.312(a)"...) and their titles, in the regulation's order. */
    public Map<String, String> hipaaSafeguardTitles() {
        return safeguardTitles;
    }

    public List<String> hipaaSafeguards(String ruleId) {
        return List.copyOf(safeguardsByRule.getOrDefault(ruleId, List.of()).stream()
                .sorted(java.util.Comparator.comparingInt(s -> new ArrayList<>(safeguardTitles.keySet()).indexOf(s))).toList());
    }

    /** The OWASP Top 10 (2021) category of a CWE, or null. */
    public String owaspTop10(int cwe) {
        return owaspByCwe.get(cwe);
    }

    /** The MASVS v2 group of a rule: its exact id's, else the longest matching prefix's ({@code java/}); or null. */
    public String masvs(String ruleId) {
        if (masvsByRule.containsKey(ruleId)) return masvsByRule.get(ruleId);
        String best = null;
        for (var e : masvsByRule.entrySet()) {
            if (e.getKey().endsWith("/") && ruleId.startsWith(e.getKey()) && (best == null || e.getKey().length() > best.length())) {
                best = e.getKey();
            }
        }
        return best == null ? null : masvsByRule.get(best);
    }

    /** Rule ids the HIPAA section names (to check that each is a rule of the catalogue). */
    public java.util.Set<String> hipaaRuleIds() {
        return safeguardsByRule.keySet();
    }
}
