package dev.triage.findings;

import dev.triage.contract.BundledIndex;
import dev.triage.contract.Severity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The rule catalogue: every rule Triage can report, read from the data files listed in
 * {@code dev/triage/rules/index.list}. Rules are data; detectors only name rule ids.
 */
public final class RuleCatalogue {
    private static final String BASE = "dev/triage/rules/";
    private final Map<String, Rule> rules;

    private RuleCatalogue(Map<String, Rule> rules) {
        this.rules = Collections.unmodifiableMap(rules);
    }

    /** The built-in catalogue. */
    public static RuleCatalogue builtIn() {
        return Holder.BUILT_IN;
    }

    private static final class Holder {
        static final RuleCatalogue BUILT_IN = load(RuleCatalogue.class.getClassLoader());
    }

    static RuleCatalogue load(ClassLoader loader) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ComplianceMapping compliance = ComplianceMapping.load(loader);
        Map<String, Rule> rules = new TreeMap<>();
        for (String file : BundledIndex.read(loader, BASE)) {
            try (InputStream in = loader.getResourceAsStream(BASE + file)) {
                if (in == null) throw new IllegalStateException("rule file listed but missing: " + file);
                JsonNode list = yaml.readTree(in);
                for (JsonNode n : list) {
                    Rule r = parse(n, file, compliance);
                    if (rules.put(r.id(), r) != null) {
                        throw new IllegalStateException("duplicate rule id " + r.id() + " in " + file);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read rule file " + file, e);
            }
        }
        return new RuleCatalogue(rules);
    }

    private static Rule parse(JsonNode n, String file, ComplianceMapping compliance) {
        String id = required(n, "id", file);
        String where = file + " rule " + id;
        int cwe = Integer.parseInt(required(n, "cwe", where));
        Severity severity = Severity.parse(required(n, "severity", where));
        Precision precision = Precision.valueOf(required(n, "precision", where).toUpperCase(Locale.ROOT).replace('-', '_'));
        return new Rule(id, required(n, "title", where), cwe, severity, precision,
                required(n, "description", where), required(n, "remediation", where),
                strings(n.get("references")), strings(n.get("tags")), compliance.of(id, cwe));
    }

    private static String required(JsonNode n, String key, String where) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw new IllegalStateException(where + ": missing '" + key + "'");
        }
        return v.asText().strip();
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null) n.forEach(e -> out.add(e.asText()));
        return out;
    }

    public Optional<Rule> find(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    public Rule get(String id) {
        Rule r = rules.get(id);
        if (r == null) throw new IllegalArgumentException("unknown rule id: " + id);
        return r;
    }

    /** All rules, ordered by id. */
    public Collection<Rule> all() {
        return rules.values();
    }
}
