package dev.triage.findings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Findings a team has triaged away, each with a reason: a YAML (or JSON) list of entries such as
 *
 * <pre>
 * - rule: java/weak-hash            # id or prefix ending in '/'
 *   class: org.example.legacy.      # optional: class name or package prefix ending in '.'
 *   reason: accepted risk: checksums of public reference data, not patient records
 * - fingerprint: 3f2a9c...          # one finding exactly
 *   reason: false positive: the key is a test fixture excluded from the release build
 * </pre>
 *
 * An entry without a reason is refused: a suppression must say why.
 */
public final class Suppressions {
    private static final Set<String> KEYS = Set.of("rule", "class", "fingerprint", "reason");

    /** One entry. Empty strings mean "any". */
    public record Entry(String rule, String className, String fingerprint, String reason) {
        boolean matches(Finding f) {
            if (!fingerprint.isEmpty() && !fingerprint.equals(f.fingerprint())) return false;
            if (!rule.isEmpty() && !(rule.endsWith("/") ? f.rule().id().startsWith(rule) : f.rule().id().equals(rule))) return false;
            if (!className.isEmpty()) {
                String c = f.location().className();
                if (!(className.endsWith(".") ? c.startsWith(className) : c.equals(className) || c.startsWith(className + "$"))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A finding taken out, with the entry's reason. */
    public record Suppressed(Finding finding, String reason) {
    }

    private final List<Entry> entries;

    private Suppressions(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static Suppressions none() {
        return new Suppressions(List.of());
    }

    public static Suppressions read(Path file) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readAllBytes(file));
        if (root == null || !root.isArray()) throw new IOException(file + ": expected a list of suppressions");
        List<Entry> out = new ArrayList<>();
        int i = 0;
        for (JsonNode n : root) {
            i++;
            var names = n.fieldNames();
            while (names.hasNext()) {
                String k = names.next();
                if (!KEYS.contains(k)) throw new IOException(file + ": entry " + i + ": unknown key '" + k + "'");
            }
            String reason = n.path("reason").asText("").strip();
            if (reason.isEmpty()) throw new IOException(file + ": entry " + i + " has no reason");
            Entry e = new Entry(n.path("rule").asText("").strip(), n.path("class").asText("").strip(),
                    n.path("fingerprint").asText("").strip(), reason);
            if (e.rule().isEmpty() && e.className().isEmpty() && e.fingerprint().isEmpty()) {
                throw new IOException(file + ": entry " + i + " matches every finding; name a rule, class or fingerprint");
            }
            out.add(e);
        }
        return new Suppressions(out);
    }

    /** Splits findings into those kept and those suppressed (each with the first matching entry's reason). */
    public List<Finding> apply(List<Finding> findings, List<Suppressed> suppressed) {
        List<Finding> kept = new ArrayList<>();
        outer:
        for (Finding f : findings) {
            for (Entry e : entries) {
                if (e.matches(f)) {
                    suppressed.add(new Suppressed(f, e.reason()));
                    continue outer;
                }
            }
            kept.add(f);
        }
        return kept;
    }
}
