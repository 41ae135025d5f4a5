package dev.triage.components;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads one OSV document (schema 1.x) into per-package advisories for the Maven ecosystem.
 *
 * <ul>
 *   <li>{@code withdrawn} advisories yield nothing;</li>
 *   <li>only {@code ECOSYSTEM} ranges are kept ({@code SEMVER} and {@code GIT} ranges say nothing about
 *       Maven versions); explicit {@code versions} lists are kept too;</li>
 *   <li>{@code aliases} (CVE, GHSA) are merged with {@code related} GHSA/CVE ids of the same record;</li>
 *   <li>severity: a CVSS v3 vector's computed base score, else a v4 vector's conservative mapping, and
 *       never below {@code database_specific.severity} (GitHub's word) when that is given;</li>
 *   <li>vulnerable symbols, where an advisory names them: {@code ecosystem_specific.imports[].symbols}
 *       (with {@code path} as the class), or a list of strings in {@code ecosystem_specific} /
 *       {@code database_specific} under {@code affected_functions}, {@code vulnerable_functions} or
 *       {@code symbols}.</li>
 * </ul>
 */
public final class OsvParser {
    public static final String ECOSYSTEM = "Maven";

    private OsvParser() {
    }

    /** The advisory as it applies to each Maven package it names; empty when withdrawn or not Maven. */
    public static Map<String, Advisory.ForPackage> parse(JsonNode doc) {
        Map<String, Advisory.ForPackage> out = new LinkedHashMap<>();
        if (doc == null || !doc.isObject()) throw new IllegalArgumentException("not a JSON object");
        String id = doc.path("id").asText("");
        if (id.isBlank()) throw new IllegalArgumentException("OSV record without an id");
        if (doc.hasNonNull("withdrawn") && !doc.path("withdrawn").asText("").isBlank()) return out;

        TreeSet<String> aliases = new TreeSet<>();
        doc.path("aliases").forEach(a -> aliases.add(a.asText()));
        aliases.remove(id);

        double score = -1;
        String vector = "";
        for (JsonNode s : doc.path("severity")) {
            String type = s.path("type").asText("");
            String sv = s.path("score").asText("");
            if (type.equals("CVSS_V3")) {
                double v = Cvss.score(sv);
                if (v >= 0) {
                    score = v;
                    vector = sv;
                }
            }
        }
        if (score < 0) {
            for (JsonNode s : doc.path("severity")) {
                if (s.path("type").asText("").equals("CVSS_V4")) {
                    double v = Cvss.score(s.path("score").asText(""));
                    if (v >= 0) {
                        score = v;
                        vector = s.path("score").asText("");
                    }
                }
            }
        }
        int level = Cvss.level(score);
        int word = Cvss.levelOfWord(doc.path("database_specific").path("severity").asText(null));
        if (score < 0 && word >= 0) level = word;
        else if (word > level) level = word;

        List<String> refs = new ArrayList<>();
        for (JsonNode r : doc.path("references")) {
            String url = r.path("url").asText("");
            if (url.startsWith("https://") || url.startsWith("http://")) {
                if (r.path("type").asText("").equals("ADVISORY") && !url.contains("nvd.nist.gov")) refs.add(0, url);
                else refs.add(url);
            }
        }
        if (id.startsWith("GHSA-")) refs.add(0, "https://github.com/advisories/" + id);
        List<String> dedup = new ArrayList<>(new java.util.LinkedHashSet<>(refs));
        Advisory advisory = new Advisory(id, new ArrayList<>(aliases), firstLine(doc.path("summary").asText(""), doc.path("details").asText("")),
                doc.path("published").asText(""), doc.path("modified").asText(""), score, vector, level,
                dedup.subList(0, Math.min(dedup.size(), 8)));

        Map<String, List<Advisory.Affected>> byKey = new LinkedHashMap<>();
        for (JsonNode a : doc.path("affected")) {
            JsonNode pkg = a.path("package");
            if (!ECOSYSTEM.equals(pkg.path("ecosystem").asText(""))) continue;
            String name = pkg.path("name").asText("").strip();
            if (name.indexOf(':') <= 0) continue;
            List<List<Advisory.Event>> ranges = new ArrayList<>();
            for (JsonNode r : a.path("ranges")) {
                if (!r.path("type").asText("").equals("ECOSYSTEM")) continue;
                List<Advisory.Event> events = new ArrayList<>();
                for (JsonNode e : r.path("events")) {
                    e.fieldNames().forEachRemaining(k -> {
                        if (k.equals("introduced") || k.equals("fixed") || k.equals("last_affected") || k.equals("limit")) {
                            events.add(new Advisory.Event(k, e.path(k).asText("")));
                        }
                    });
                }
                if (!events.isEmpty()) ranges.add(events);
            }
            List<String> versions = new ArrayList<>();
            a.path("versions").forEach(v -> versions.add(v.asText()));
            List<String> symbols = new ArrayList<>();
            symbols(a.path("ecosystem_specific"), symbols);
            symbols(a.path("database_specific"), symbols);
            if (ranges.isEmpty() && versions.isEmpty()) continue;
            byKey.computeIfAbsent(name, k -> new ArrayList<>()).add(new Advisory.Affected(name, ranges, versions, symbols));
        }
        byKey.forEach((k, list) -> out.put(k, new Advisory.ForPackage(advisory, list)));
        return out;
    }

    private static void symbols(JsonNode spec, List<String> out) {
        if (!spec.isObject()) return;
        for (JsonNode imp : spec.path("imports")) {
            String path = imp.path("path").asText("");
            if (imp.path("symbols").isArray() && !imp.path("symbols").isEmpty()) {
                for (JsonNode s : imp.path("symbols")) out.add(symbol(path.isEmpty() ? s.asText() : path + "#" + s.asText()));
            } else if (!path.isEmpty()) {
                out.add(symbol(path));
            }
        }
        for (String key : List.of("affected_functions", "vulnerable_functions", "symbols")) {
            for (JsonNode s : spec.path(key)) if (s.isTextual()) out.add(symbol(s.asText()));
        }
    }

    /** {@code org.acme.Foo.bar} / {@code org.acme.Foo#bar} / {@code org.acme.Foo::bar} → {@code org.acme.Foo#bar}. */
    static String symbol(String s) {
        String t = s.strip().replace("::", "#").replace('/', '.');
        int paren = t.indexOf('(');
        if (paren >= 0) t = t.substring(0, paren);
        if (t.contains("#")) return t;
        int dot = t.lastIndexOf('.');
        if (dot > 0 && dot < t.length() - 1 && Character.isLowerCase(t.charAt(dot + 1))
                && Character.isUpperCase(t.charAt(t.lastIndexOf('.', dot - 1) + 1))) {
            return t.substring(0, dot) + "#" + t.substring(dot + 1);
        }
        return t;
    }

    private static String firstLine(String summary, String details) {
        String s = summary.isBlank() ? details : summary;
        s = s.strip();
        int nl = s.indexOf('\n');
        if (nl >= 0) s = s.substring(0, nl).strip();
        return s.length() > 300 ? s.substring(0, 297) + "..." : s;
    }
}
