package dev.triage.portfolio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.maven.artifact.versioning.ComparableVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The study's figures, defined once: each is a named query of {@code figures.sql} (counts over stored rows) and, where
 * a share, interval or survival estimate is needed, a pure function of that query's rows here. Anything that can run
 * the queries — the store over JDBC, or Spark over the same tables — gets the same report from {@link #compute}.
 */
public final class Figures {
    public static final int SCHEMA_VERSION = 1;
    /** z for a two-sided 95% interval. */
    private static final double Z95 = 1.959963984540054;
    private static final Pattern PARAM = Pattern.compile(":([a-z_]+)");

    /** Runs one named figure query with its named parameters and returns its rows (column names lower case). */
    @FunctionalInterface
    public interface QueryRunner {
        List<Map<String, Object>> run(String name, String sql, Map<String, Object> params);
    }

    private Figures() {
    }

    /** The figure queries by name, each a complete statement (the common definitions prefixed). */
    public static Map<String, String> queries() {
        String text = resource("figures.sql");
        Map<String, String> blocks = new LinkedHashMap<>();
        String name = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("-- name: ")) {
                if (name != null) blocks.put(name, body.toString().strip());
                name = line.substring("-- name: ".length()).strip();
                body.setLength(0);
            } else if (name != null && !line.startsWith("--")) {
                body.append(line).append('\n');
            }
        }
        if (name != null) blocks.put(name, body.toString().strip());
        String common = blocks.remove("common");
        Map<String, String> out = new LinkedHashMap<>();
        blocks.forEach((n, sql) -> out.put(n, common + "\n" + sql));
        return out;
    }

    /** A statement with {@code :name} parameters turned into JDBC {@code ?} and the values in their order. */
    public record Bound(String sql, List<Object> values) {
    }

    public static Bound bind(String sql, Map<String, Object> params) {
        Matcher m = PARAM.matcher(sql);
        StringBuilder out = new StringBuilder();
        List<Object> values = new ArrayList<>();
        while (m.find()) {
            if (!params.containsKey(m.group(1))) throw new IllegalArgumentException("no value for :" + m.group(1));
            values.add(params.get(m.group(1)));
            m.appendReplacement(out, "?");
        }
        m.appendTail(out);
        return new Bound(out.toString(), values);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Reference data (study.yml)

    /** Rule categories per scheme for these rules (id → CWE), and the indicators' rule sets. */
    public record Reference(Map<String, Map<String, String>> categories, Map<String, List<String>> indicatorRules,
                            Map<String, String> indicatorTitles) {
    }

    public static Reference reference(Map<String, Integer> ruleCwes) {
        JsonNode study = study();
        // the categories are the rule catalogue's compliance mapping (dev/triage/compliance.yml), the one the scan reports use
        dev.triage.findings.ComplianceMapping mapping = dev.triage.findings.ComplianceMapping.builtIn();
        Map<String, String> owasp = new TreeMap<>();
        Map<String, String> masvs = new TreeMap<>();
        for (var r : new TreeMap<>(ruleCwes).entrySet()) {
            String o = mapping.owaspTop10(r.getValue());
            if (o != null) owasp.put(r.getKey(), o);
            String m = mapping.masvs(r.getKey());
            if (m != null) masvs.put(r.getKey(), m);
        }
        Map<String, List<String>> indicators = new TreeMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        study.get("indicators").fields().forEachRemaining(e -> {
            List<String> rules = new ArrayList<>();
            e.getValue().get("rules").forEach(r -> rules.add(r.asText()));
            indicators.put(e.getKey(), rules);
            titles.put(e.getKey(), e.getValue().get("title").asText());
        });
        return new Reference(Map.of("owasp-top10-2021", owasp, "masvs-v2", masvs), indicators, titles);
    }

    private static JsonNode study() {
        try (InputStream in = Figures.class.getResourceAsStream("study.yml")) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = Figures.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The report

    /** A count out of a total, its share and Wilson 95% interval (null share when the total is 0). */
    public record Share(long count, long of, Double share, Double low, Double high) {
        public static Share of(long count, long total) {
            if (total <= 0) return new Share(count, total, null, null, null);
            double n = total, p = count / n, z2 = Z95 * Z95;
            double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
            double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
            return new Share(count, total, round(p), round(Math.max(0, centre - half)), round(Math.min(1, centre + half)));
        }
    }

    /** One table of the report (also one CSV file). */
    public record Table(String name, String title, List<String> columns, List<List<Object>> rows) {
    }

    /**
     * The whole report.
     *
     * @param asOf      the latest scan's end (epoch millis): the report says nothing past it
     * @param headline  the study's headline figures, by name
     * @param tables    the tables, in report order
     */
    public record Report(String schema, int schemaVersion, String toolVersion, long asOf, int staleYears,
                         Map<String, Object> headline, List<Table> tables) {
    }

    /** Computes the report from the figure queries (which must see the reference data of {@link #reference}). */
    public static Report compute(QueryRunner runner, Reference reference, int staleYears, String toolVersion, long asOf) {
        Map<String, String> q = queries();
        Map<String, Object> params = Map.of("stale_days", 365L * staleYears);
        Map<String, List<Map<String, Object>>> r = new LinkedHashMap<>();
        for (var e : q.entrySet()) r.put(e.getKey(), runner.run(e.getKey(), e.getValue(), params));

        Map<String, Object> h = new LinkedHashMap<>();
        long total = 0, failed = 0, androidScanned = 0;
        Map<String, Long> scannedBy = new TreeMap<>();
        for (var row : r.get("apps_by_status")) {
            long n = num(row, "apps");
            total += n;
            if ("failed".equals(row.get("status"))) failed += n;
            else scannedBy.merge((String) row.get("platform"), n, Long::sum);
        }
        long scanned = total - failed;
        androidScanned = scannedBy.getOrDefault("android", 0L);
        h.put("apps", total);
        h.put("appsScanned", scanned);
        h.put("appsFailed", failed);
        h.put("appsScannedByPlatform", scannedBy);

        long withFlaw = 0, withHigh = 0, flaws = 0, codeBytes = 0;
        Map<String, Object> byPlatform = new TreeMap<>();
        for (var row : r.get("apps_with_flaws")) {
            withFlaw += num(row, "with_flaw");
            withHigh += num(row, "with_high");
            flaws += num(row, "flaws");
            codeBytes += num(row, "code_bytes");
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("appsWithFlaw", Share.of(num(row, "with_flaw"), num(row, "scanned")));
            p.put("appsWithHighSeverityFlaw", Share.of(num(row, "with_high"), num(row, "scanned")));
            p.put("flaws", num(row, "flaws"));
            p.put("flawsPerMbOfCode", density(num(row, "flaws"), num(row, "code_bytes")));
            byPlatform.put((String) row.get("platform"), p);
        }
        h.put("appsWithFlaw", Share.of(withFlaw, scanned));
        h.put("appsWithHighSeverityFlaw", Share.of(withHigh, scanned));
        h.put("flaws", flaws);
        h.put("codeMegabytes", round(codeBytes / 1_000_000.0));
        h.put("flawsPerMbOfCode", density(flaws, codeBytes));
        h.put("byPlatform", byPlatform);

        long vulnerable = 0;
        for (var row : r.get("vulnerable_apps")) vulnerable += num(row, "apps");
        h.put("appsWithVulnerableLibrary", Share.of(vulnerable, scanned));

        long stale = 0, unknown = 0;
        for (var row : r.get("stale")) {
            stale += num(row, "stale");
            unknown += num(row, "unknown_age");
        }
        h.put("staleApps", Share.of(stale, scanned - unknown));
        h.put("appsWithUnknownAge", unknown);

        Map<String, Long> indicatorApps = new TreeMap<>();
        for (var row : r.get("indicators")) indicatorApps.put((String) row.get("indicator"), num(row, "apps"));
        Map<String, Object> android = new LinkedHashMap<>();
        for (String ind : reference.indicatorRules().keySet()) {
            android.put(ind, Share.of(indicatorApps.getOrDefault(ind, 0L), androidScanned));
        }
        h.put("android", android);

        var fix = r.get("fix_rate").isEmpty() ? Map.<String, Object>of() : r.get("fix_rate").get(0);
        h.put("fixRate", Share.of(num(fix, "fixed"), num(fix, "eligible")));
        h.put("flawHalfLifeDays", halfLifeDays(r.get("flaw_lifetimes")));

        List<Table> tables = new ArrayList<>();
        tables.add(table("apps_by_status", "Apps by platform and scan status", r.get("apps_by_status"),
                "platform", "status", "apps"));
        tables.add(table("failures", "Why apps could not be scanned", r.get("failures"), "kind", "apps"));
        tables.add(table("flaws_by_severity", "Flaws by severity", r.get("flaws_by_severity"), "severity", "flaws", "apps"));
        tables.add(table("flaws_by_cwe", "Flaws by CWE", r.get("flaws_by_cwe"), "cwe", "flaws", "apps"));
        tables.add(categoryTable("owasp_top10", "Flaws by OWASP Top 10 (2021) category", "owasp-top10-2021",
                r.get("flaws_by_category"), scanned));
        tables.add(categoryTable("masvs", "Flaws by OWASP MASVS v2 group (Android apps)", "masvs-v2",
                r.get("flaws_by_category"), androidScanned));
        tables.add(table("top_rules", "Top rules", r.get("top_rules"), "rule_id", "cwe", "severity", "flaws", "apps"));
        tables.add(vulnerableComponents(r.get("vulnerable_components"), r.get("vulnerable_component_apps")));
        tables.add(indicatorTable(reference, indicatorApps, androidScanned));
        tables.add(groupTable("by_category", "By category", r.get("by_category")));
        tables.add(groupTable("by_vendor", "By vendor", r.get("by_vendor")));
        tables.add(table("rounds", "Scan rounds: new, reopened and fixed flaws", r.get("rounds"),
                "run_id", "started_at", "scans", "new_flaws", "reopened", "fixed"));
        tables.add(table("mitigated", "Flaws under an approved mitigation (not counted)", r.get("mitigated_flaws"),
                "app_key", "rule_id", "severity", "fingerprint", "kind", "reason", "proposed_by", "reviewed_by", "reviewed_at"));
        return new Report("triage-portfolio-report", SCHEMA_VERSION, toolVersion, asOf, staleYears, h, tables);
    }

    private static Table categoryTable(String name, String title, String scheme, List<Map<String, Object>> rows, long of) {
        List<List<Object>> out = new ArrayList<>();
        for (var row : rows) {
            if (!scheme.equals(row.get("scheme"))) continue;
            Share s = Share.of(num(row, "apps"), of);
            out.add(List.of(row.get("category"), num(row, "flaws"), num(row, "apps"), nullable(s.share())));
        }
        return new Table(name, title, List.of("category", "flaws", "apps", "share_of_apps"), out);
    }

    private static Table indicatorTable(Reference ref, Map<String, Long> apps, long androidScanned) {
        List<List<Object>> out = new ArrayList<>();
        for (var e : ref.indicatorRules().entrySet()) {
            Share s = Share.of(apps.getOrDefault(e.getKey(), 0L), androidScanned);
            out.add(List.of(e.getKey(), ref.indicatorTitles().get(e.getKey()), s.count(), s.of(), nullable(s.share()),
                    nullable(s.low()), nullable(s.high())));
        }
        return new Table("android_indicators", "Android apps: configuration, signing, trackers and data leaks",
                List.of("indicator", "title", "apps", "of", "share", "ci_low", "ci_high"), out);
    }

    private static Table groupTable(String name, String title, List<Map<String, Object>> rows) {
        List<List<Object>> out = new ArrayList<>();
        for (var row : rows) {
            long scanned = num(row, "scanned");
            out.add(List.of(row.get("grp"), num(row, "apps"), scanned, num(row, "apps") - scanned, num(row, "with_flaw"),
                    nullable(Share.of(num(row, "with_flaw"), scanned).share()), num(row, "with_high"),
                    nullable(Share.of(num(row, "with_high"), scanned).share()), num(row, "flaws")));
        }
        return new Table(name, title, List.of("group", "apps", "scanned", "failed", "with_flaw", "share_with_flaw",
                "with_high", "share_with_high", "flaws"), out);
    }

    /** One row per vulnerable library version: apps, advisories, worst severity, and the version that fixes them all. */
    private static Table vulnerableComponents(List<Map<String, Object>> advisories, List<Map<String, Object>> apps) {
        Map<String, TreeSet<String>> ids = new TreeMap<>();
        Map<String, Long> worst = new TreeMap<>();
        Map<String, TreeSet<ComparableVersion>> fixes = new TreeMap<>();
        for (var row : advisories) {
            String key = row.get("group_id") + ":" + row.get("artifact_id") + ":" + row.get("version");
            String alias = (String) row.get("primary_alias");
            ids.computeIfAbsent(key, k -> new TreeSet<>()).add(alias == null || alias.isEmpty() ? (String) row.get("advisory_id") : alias);
            worst.merge(key, num(row, "severity"), Math::max);
            String fix = (String) row.get("fixed_version");
            if (fix != null && !fix.isEmpty()) fixes.computeIfAbsent(key, k -> new TreeSet<>()).add(new ComparableVersion(fix));
        }
        List<List<Object>> out = new ArrayList<>();
        for (var row : apps) {
            String key = row.get("group_id") + ":" + row.get("artifact_id") + ":" + row.get("version");
            TreeSet<ComparableVersion> f = fixes.get(key);
            out.add(List.of(key, num(row, "apps"), ids.getOrDefault(key, new TreeSet<>()).size(),
                    String.join(" ", ids.getOrDefault(key, new TreeSet<>())), worst.getOrDefault(key, 0L),
                    f == null ? "" : f.last().toString(), f == null ? "" : join(f)));
        }
        return new Table("vulnerable_components", "Top vulnerable libraries and the versions that fix them",
                List.of("component", "apps", "advisories", "advisory_ids", "max_severity", "upgrade_to", "fixed_versions"), out);
    }

    private static String join(Collection<ComparableVersion> vs) {
        List<String> s = new ArrayList<>();
        for (ComparableVersion v : vs) s.add(v.toString());
        return String.join(" ", s);
    }

    private static Table table(String name, String title, List<Map<String, Object>> rows, String... columns) {
        List<List<Object>> out = new ArrayList<>();
        for (var row : rows) {
            List<Object> cells = new ArrayList<>();
            for (String c : columns) cells.add(row.get(c) == null ? "" : row.get(c));
            out.add(cells);
        }
        return new Table(name, title, List.of(columns), out);
    }

    /**
     * Kaplan–Meier estimate of how long a flaw stays open: each flaw's first episode runs from first seen to first
     * fixed (an event), or to its app's latest successful scan (censored). The half-life is the first time at which
     * the estimated share still open is 0.5 or less; null when it never gets there.
     */
    static Double halfLifeDays(List<Map<String, Object>> lifetimes) {
        TreeMap<Double, long[]> at = new TreeMap<>(); // time → {events, censored}
        for (var row : lifetimes) {
            long start = num(row, "first_seen_at");
            Object fixed = row.get("fixed_at");
            long end = fixed == null ? num(row, "observed_until") : ((Number) fixed).longValue();
            double days = Math.max(0, end - start) / 86_400_000.0;
            long[] c = at.computeIfAbsent(days, k -> new long[2]);
            c[fixed == null ? 1 : 0]++;
        }
        long atRisk = lifetimes.size();
        double survival = 1.0;
        for (var e : at.entrySet()) {
            long events = e.getValue()[0];
            if (events > 0 && atRisk > 0) {
                survival *= 1.0 - (double) events / atRisk;
                if (survival <= 0.5) return round(e.getKey());
            }
            atRisk -= events + e.getValue()[1];
        }
        return null;
    }

    private static Double density(long flaws, long codeBytes) {
        return codeBytes <= 0 ? null : round(flaws / (codeBytes / 1_000_000.0));
    }

    static long num(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? 0 : ((Number) v).longValue();
    }

    private static Object nullable(Double d) {
        return d == null ? "" : d;
    }

    static double round(double v) {
        return Math.round(v * 1_000_000.0) / 1_000_000.0;
    }
}
