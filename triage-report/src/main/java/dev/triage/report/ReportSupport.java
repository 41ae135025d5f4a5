package dev.triage.report;

import dev.triage.findings.Finding;
import dev.triage.findings.FindingOrder;
import dev.triage.contract.Location;
import dev.triage.findings.Rule;
import dev.triage.findings.ScanResult;
import dev.triage.contract.Severity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Figures and names shared by the outputs. Package-private helpers; nothing here depends on the clock. */
final class ReportSupport {
    private ReportSupport() {
    }

    /** Findings in {@link FindingOrder} (the result should already be in that order; sorting is stable). */
    static List<Finding> ordered(ScanResult result) {
        List<Finding> list = new ArrayList<>(result.findings());
        list.sort(FindingOrder.ORDER);
        return list;
    }

    /** Severities most severe first. */
    static List<Severity> severitiesDescending() {
        List<Severity> list = new ArrayList<>(List.of(Severity.values()));
        list.sort((a, b) -> Integer.compare(b.level(), a.level()));
        return list;
    }

    /** Count per severity, every severity present (zero when none), most severe first. */
    static Map<Severity, Integer> countBySeverity(List<Finding> findings) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) counts.put(s, 0);
        for (Finding f : findings) counts.merge(f.severity(), 1, Integer::sum);
        Map<Severity, Integer> ordered = new LinkedHashMap<>();
        for (Severity s : severitiesDescending()) ordered.put(s, counts.get(s));
        return ordered;
    }

    static int highCount(List<Finding> findings) {
        int n = 0;
        for (Finding f : findings) if (f.severity().isHigh()) n++;
        return n;
    }

    /** One CWE's figures. */
    record CweCount(int cwe, int count, Severity maxSeverity, String title) {
    }

    /** Count per CWE: most findings first, then lowest CWE number. */
    static List<CweCount> countByCwe(List<Finding> findings) {
        Map<Integer, Integer> counts = new TreeMap<>();
        Map<Integer, Severity> max = new TreeMap<>();
        // Several rules may share a CWE (a hard-coded password in code and a secret in a config file):
        // the row names them all.
        Map<Integer, java.util.Set<String>> titles = new TreeMap<>();
        for (Finding f : findings) {
            counts.merge(f.cwe(), 1, Integer::sum);
            max.merge(f.cwe(), f.severity(), (a, b) -> a.level() >= b.level() ? a : b);
            titles.computeIfAbsent(f.cwe(), k -> new java.util.TreeSet<>()).add(f.rule().title());
        }
        List<CweCount> list = new ArrayList<>();
        counts.forEach((cwe, n) -> list.add(new CweCount(cwe, n, max.get(cwe), String.join("; ", titles.get(cwe)))));
        list.sort((a, b) -> a.count() != b.count() ? Integer.compare(b.count(), a.count())
                : Integer.compare(a.cwe(), b.cwe()));
        return list;
    }

    /** All rules: those that ran, in their order, then any rule a finding uses that was not listed (by id). */
    static List<Rule> ruleCatalogue(ScanResult result) {
        Map<String, Rule> byId = new LinkedHashMap<>();
        for (Rule r : result.rules()) byId.putIfAbsent(r.id(), r);
        for (Finding f : ordered(result)) byId.putIfAbsent(f.rule().id(), f.rule());
        return new ArrayList<>(byId.values());
    }

    /** {@code java/weak-cipher} → {@code JavaWeakCipher}. */
    static String camelCase(String id) {
        StringBuilder sb = new StringBuilder();
        for (String part : id.split("[^A-Za-z0-9]+")) {
            if (part.isEmpty()) continue;
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.length() == 0 ? "Rule" : sb.toString();
    }

    /** {@code VERY_HIGH} → {@code very-high}. */
    static String slug(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** SARIF security-severity as a string with one decimal: {@code "8.0"}. */
    static String securitySeverity(Severity s) {
        return String.format(Locale.ROOT, "%.1f", s.securitySeverity());
    }

    static String isoUtc(long epochMillis) {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC));
    }

    /** Tags of a rule: {@code security}, its CWE tag, then its own tags, without duplicates. */
    static List<String> tags(Rule rule) {
        Set<String> tags = new LinkedHashSet<>();
        tags.add("security");
        tags.add(rule.cweTag());
        tags.addAll(rule.tags());
        return new ArrayList<>(tags);
    }

    /**
     * Text from scanned code made safe for a terminal or a one-line display: control characters
     * (ESC included, so no ANSI injection) become {@code \\uXXXX}; line breaks become spaces.
     */
    static String oneLine(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                sb.append(' ');
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                    || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                // C0/C1 controls and bidi overrides (which can make code read differently from what it is)
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** {@code path:line}, {@code path}, {@code class.method:line} or {@code class.method}. */
    static String displayLocation(Location loc, String shownPath) {
        String base = shownPath.isEmpty() ? loc.qualifiedMethod() : shownPath;
        if (base.isEmpty()) base = loc.origin().isEmpty() ? "(unknown location)" : loc.origin();
        return loc.line() > 0 ? base + ":" + loc.line() : base;
    }

    static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
