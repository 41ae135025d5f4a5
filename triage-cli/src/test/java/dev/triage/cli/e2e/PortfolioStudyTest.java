package dev.triage.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.cli.Main;
import dev.triage.store.Store;
import dev.triage.testkit.PortfolioFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The study end to end on a generated portfolio of a few hundred real apps (wars and signed APKs with planted flaws
 * and dates): {@code triage portfolio scan} and {@code report} give exactly the figures this test computes on its own
 * from the fixture's plan; a run killed with {@code kill -9} midway (a real child process) and resumed gives the same
 * report, in PostgreSQL (when the CI server is there) as in the embedded H2 store; a second round of new versions
 * gives the lifecycle figures (new, fixed, reopened, fix rate); an approved mitigation leaves the counts and is
 * listed apart.
 */
class PortfolioStudyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int JVM = 110, ANDROID = 84, CORRUPT = 6;

    @TempDir
    Path tmp;

    @Test
    void studyFiguresResumeStoresAndLifecycle() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        PortfolioFixture fixture = new PortfolioFixture(tmp.resolve("pf"), 42, today, 4);
        PortfolioFixture.Plan plan = fixture.generate(JVM, ANDROID, CORRUPT);
        Path db = tmp.resolve("db");
        assertEquals(0, CliTest.triage("db", "import", plan.advisories().toString(), "--db", db.toString()).exit());
        List<String> scanOptions = List.of("--db", db.toString(), "--exclude-rules", "app/stale-app", "-j", "2");

        // 1. An uninterrupted run into the embedded store: the figures equal the ones computed from the plan.
        String h2 = tmp.resolve("h2").resolve("store").toString();
        CliTest.Run a = scan(plan.manifest(), h2, scanOptions);
        assertEquals(0, a.exit(), a.err());
        System.out.println("[portfolio] uninterrupted run: " + a.out().strip());
        assertPlannedFlawsPerApp(plan, h2);
        JsonNode reportA = report(h2, tmp.resolve("report-a"));
        assertFigures(plan, Set.of(), reportA);
        com.networknt.schema.JsonSchema reportSchema;
        try (var in = Files.newInputStream(Path.of("..", "docs", "portfolio-report-schema.json"))) {
            reportSchema = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V7).getSchema(in);
        }
        assertEquals(Set.of(), reportSchema.validate(reportA), "portfolio.json follows docs/portfolio-report-schema.json");

        // 2. The same portfolio into the other store, killed with SIGKILL midway in a real child process, then resumed.
        String pgBase = System.getenv("TRIAGE_TEST_POSTGRES_URL");
        if (pgBase == null && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("TRIAGE_TEST_POSTGRES_URL is not set: .ci/run must start PostgreSQL");
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String other = pgBase == null ? tmp.resolve("h2-b").resolve("store").toString()
                : pgBase + (pgBase.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        if (pgBase != null) sql(pgBase, "CREATE SCHEMA " + schema);
        try {
            int killedAt = killMidway(plan.manifest(), other, scanOptions, JVM / 3);
            System.out.println("[portfolio] killed with SIGKILL after " + killedAt + " apps; resuming in " + (pgBase == null ? "H2" : "PostgreSQL"));
            CliTest.Run b = scan(plan.manifest(), other, scanOptions);
            assertEquals(0, b.exit(), b.err());
            assertTrue(b.out().contains("resumed"), b.out());
            try (Store s = Store.open(other)) {
                assertEquals((long) plan.apps().size(), s.query("SELECT COUNT(*) AS n FROM scan").get(0).get("n"),
                        "each app scanned exactly once over the killed and the resumed run");
                assertEquals(1L, s.query("SELECT COUNT(*) AS n FROM portfolio_run").get(0).get("n"), "one run, resumed");
            }
            JsonNode reportB = report(other, tmp.resolve("report-b"));
            assertEquals(withoutTimes(reportA), withoutTimes(reportB), "the resumed run in the other store reports the same");
        } finally {
            if (pgBase != null) sql(pgBase, "DROP SCHEMA " + schema + " CASCADE");
        }

        // 3. A second round: new versions fix some flaws, add others, and reintroduce none yet.
        Map<String, PortfolioFixture.Traits> changes = new LinkedHashMap<>();
        List<PortfolioFixture.App> withHash = plan.apps().stream().filter(x -> !x.corrupt() && x.traits().weakHash()).toList();
        for (PortfolioFixture.App x : withHash.subList(0, 6)) { // fix the weak hash, keep the rest
            PortfolioFixture.Traits t = x.traits();
            changes.put(x.key(), new PortfolioFixture.Traits(false, t.hardcodedKey(), t.vulnerableLib(), t.debuggable(),
                    t.cleartext(), t.tracker(), t.debugCert()));
        }
        List<PortfolioFixture.App> noKey = plan.apps().stream()
                .filter(x -> !x.corrupt() && !x.traits().hardcodedKey() && !changes.containsKey(x.key())).toList();
        for (PortfolioFixture.App x : noKey.subList(0, 4)) { // introduce a hard-coded key
            PortfolioFixture.Traits t = x.traits();
            changes.put(x.key(), new PortfolioFixture.Traits(t.weakHash(), true, t.vulnerableLib(), t.debuggable(),
                    t.cleartext(), t.tracker(), t.debugCert()));
        }
        PortfolioFixture.Plan round2 = fixture.nextRound(plan, changes, "1.1");
        CliTest.Run r2 = scan(round2.manifest(), h2, scanOptions);
        assertEquals(0, r2.exit(), r2.err());
        assertTrue(r2.out().contains(changes.size() + " scanned"), r2.out());
        JsonNode report2 = report(h2, tmp.resolve("report-2"));
        assertFigures(round2, Set.of(), report2);
        // fix rate: of the flaws first seen before their app's latest scan (the changed apps' round-1 flaws), the
        // fixed weak hashes
        int eligible = 0;
        for (PortfolioFixture.App x : plan.apps()) if (changes.containsKey(x.key())) eligible += x.flaws().size();
        assertShare(report2.at("/headline/fixRate"), 6, eligible);
        JsonNode rounds = table(report2, "rounds");
        assertEquals(2, rounds.size());
        assertEquals(List.of(6L, 0L, 4L), List.of(rounds.get(1).get(5).asLong(), rounds.get(1).get(4).asLong(), rounds.get(1).get(3).asLong()),
                "round 2: 6 fixed, 0 reopened, 4 new");
        long round1New = plan.apps().stream().mapToLong(x -> x.flaws().size()).sum();
        assertEquals(round1New, rounds.get(0).get(3).asLong(), "round 1: every flaw is new");
        assertEquals(plan.apps().size(), rounds.get(0).get(2).asInt());
        assertEquals(changes.size(), rounds.get(1).get(2).asInt());

        try (Store s = Store.open(h2)) {
            assertEquals(6, s.flaws(null, "fixed").size());
            assertEquals(0, s.flaws(null, "reopened").size());
        }

        // 4. Round 3 reintroduces one fixed weak hash: reopened.
        String back = withHash.get(0).key();
        Map<String, PortfolioFixture.Traits> again = Map.of(back, withHash.get(0).traits());
        PortfolioFixture.Plan round3 = fixture.nextRound(round2, again, "1.2");
        CliTest.Run r3 = scan(round3.manifest(), h2, scanOptions);
        assertEquals(0, r3.exit(), r3.err());
        CliTest.Run reopened = CliTest.triage("findings", "list", "--store", h2, "--state", "reopened");
        assertEquals(0, reopened.exit(), reopened.err());
        assertTrue(reopened.out().contains("java/weak-hash") && reopened.out().contains(back) && reopened.out().contains("1 flaw(s)"),
                reopened.out());

        // 5. Mitigation: proposed by one person, approved by another; out of the counts, listed apart.
        PortfolioFixture.App target = round3.apps().stream()
                .filter(x -> !x.corrupt() && x.flaws().size() == 1 && x.flaws().get(0).severity() >= 4).findFirst().orElseThrow();
        long flawId;
        try (Store s = Store.open(h2)) {
            flawId = s.flaws(target.key(), null).stream().filter(f -> !f.state().equals("fixed")).findFirst().orElseThrow().id();
        }
        CliTest.Run proposed = CliTest.triage("findings", "triage", String.valueOf(flawId), "--store", h2, "--as",
                "mitigated-by-environment", "--reason", "the key only protects a test fixture", "--by", "alice");
        assertEquals(0, proposed.exit(), proposed.err());
        String decision = proposed.out().replaceAll("(?s)^Decision (\\d+).*", "$1");
        CliTest.Run self = CliTest.triage("findings", "approve", decision, "--store", h2, "--by", "alice");
        assertEquals(6, self.exit(), "the proposer cannot approve: " + self.err());
        assertEquals(0, CliTest.triage("findings", "approve", decision, "--store", h2, "--by", "bob").exit());
        JsonNode report3 = report(h2, tmp.resolve("report-3"));
        assertFigures(round3, Set.of(target.key()), report3);
        assertEquals(Set.of(), reportSchema.validate(report3));
        JsonNode mitigated = table(report3, "mitigated");
        assertEquals(1, mitigated.size());
        assertEquals(target.key(), mitigated.get(0).get(0).asText());
        assertEquals("mitigated-by-environment", mitigated.get(0).get(4).asText());

        // the HTML and CSV outputs exist and carry the headline
        String html = Files.readString(tmp.resolve("report-3").resolve("portfolio.html"));
        assertTrue(html.contains("Content-Security-Policy") && !html.contains("<script"), "self-contained, no script");
        assertTrue(html.contains("<svg"), "charts");
        assertTrue(Files.readString(tmp.resolve("report-3").resolve("csv").resolve("headline.csv")).contains("appsWithFlaw,"));
    }

    // -------------------------------------------------------------------------------------------------------------

    /** The plants mean what the plan says: every app stores exactly its planned flaws, the corrupt ones a failure. */
    private static void assertPlannedFlawsPerApp(PortfolioFixture.Plan plan, String store) {
        Set<String> planted = new TreeSet<>();
        plan.apps().forEach(x -> x.flaws().forEach(f -> planted.add(f.rule())));
        assertEquals(Set.of("java/weak-hash", "java/hardcoded-key", "component/vulnerable-dependency", "android/debuggable",
                "android/cleartext-traffic", "android/tracker-sdk", "android/debug-certificate"), planted,
                "the fixture plants every kind of flaw");
        Map<String, List<String>> expected = new TreeMap<>(), actual = new TreeMap<>();
        Map<String, String> expectedStatus = new TreeMap<>(), status = new TreeMap<>();
        for (PortfolioFixture.App x : plan.apps()) {
            List<String> rules = new ArrayList<>();
            for (PortfolioFixture.Flaw f : x.flaws()) rules.add(f.rule() + "/" + f.severity());
            rules.sort(null);
            expected.put(x.key(), rules);
            expectedStatus.put(x.key(), x.corrupt() ? "failed" : "ok");
        }
        try (Store s = Store.open(store)) {
            for (var row : s.query("SELECT a.app_key, s.status FROM scan s JOIN app a ON a.id = s.app_id")) {
                status.put((String) row.get("app_key"), (String) row.get("status"));
                actual.put((String) row.get("app_key"), new ArrayList<>());
            }
            for (var row : s.query("""
                    SELECT a.app_key, g.rule_id, g.severity FROM finding g JOIN scan s ON s.id = g.scan_id
                    JOIN app a ON a.id = s.app_id""")) {
                actual.get((String) row.get("app_key")).add(row.get("rule_id") + "/" + row.get("severity"));
            }
            for (var row : s.query("SELECT failure_reason FROM scan WHERE status = 'failed'")) {
                assertTrue(String.valueOf(row.get("failure_reason")).startsWith("no app code was analysed"), row.toString());
            }
        }
        actual.values().forEach(l -> l.sort(null));
        assertEquals(expectedStatus, status);
        assertEquals(expected, actual);
    }

    /** Checks every figure against the plan (one version per app: the latest), with {@code mitigatedApps}' one flaw left out. */
    private static void assertFigures(PortfolioFixture.Plan plan, Set<String> mitigatedApps, JsonNode report) {
        long today = plan.today().toEpochDay();
        int apps = plan.apps().size(), failed = 0, scanned = 0, androidScanned = 0, withFlaw = 0, withHigh = 0, flaws = 0;
        int vulnerable = 0, stale = 0, unknownAge = 0;
        Map<String, int[]> byCwe = new TreeMap<>(), byRule = new TreeMap<>();
        Map<String, Integer> indicators = new TreeMap<>(Map.of("cleartext-traffic", 0, "debuggable", 0, "trackers", 0,
                "weak-signing", 0, "sensitive-data-leaks", 0));
        Map<String, int[]> byCategory = new TreeMap<>(), byVendor = new TreeMap<>();
        for (PortfolioFixture.App a : plan.apps()) {
            int[] cat = byCategory.computeIfAbsent(a.category(), k -> new int[4]);
            int[] ven = byVendor.computeIfAbsent(a.vendor(), k -> new int[4]);
            cat[0]++;
            ven[0]++;
            if (a.corrupt()) {
                failed++;
                continue;
            }
            scanned++;
            cat[1]++;
            ven[1]++;
            if (a.platform().equals("android")) androidScanned++;
            List<PortfolioFixture.Flaw> fs = new ArrayList<>(a.flaws());
            if (mitigatedApps.contains(a.key())) fs.remove(0);
            if (!fs.isEmpty()) {
                withFlaw++;
                cat[2]++;
                ven[2]++;
            }
            if (fs.stream().anyMatch(f -> f.severity() >= 4)) {
                withHigh++;
                cat[3]++;
                ven[3]++;
            }
            flaws += fs.size();
            Set<String> rules = new TreeSet<>(), cwes = new TreeSet<>();
            for (PortfolioFixture.Flaw f : fs) {
                byCwe.computeIfAbsent(String.valueOf(f.cwe()), k -> new int[2])[0]++;
                byRule.computeIfAbsent(f.rule(), k -> new int[2])[0]++;
                rules.add(f.rule());
                cwes.add(String.valueOf(f.cwe()));
            }
            rules.forEach(r -> byRule.get(r)[1]++);
            cwes.forEach(c -> byCwe.get(c)[1]++);
            if (rules.contains("component/vulnerable-dependency")) vulnerable++;
            if (rules.contains("android/cleartext-traffic")) indicators.merge("cleartext-traffic", 1, Integer::sum);
            if (rules.contains("android/debuggable")) indicators.merge("debuggable", 1, Integer::sum);
            if (rules.contains("android/tracker-sdk")) indicators.merge("trackers", 1, Integer::sum);
            if (rules.contains("android/debug-certificate")) indicators.merge("weak-signing", 1, Integer::sum);
            int last = a.storeUpdatedDay() != null ? a.storeUpdatedDay() : a.buildDay();
            if (today - last >= 730) stale++;
        }
        JsonNode h = report.get("headline");
        assertEquals(apps, h.get("apps").asInt());
        assertEquals(scanned, h.get("appsScanned").asInt());
        assertEquals(failed, h.get("appsFailed").asInt());
        assertShare(h.get("appsWithFlaw"), withFlaw, scanned);
        assertShare(h.get("appsWithHighSeverityFlaw"), withHigh, scanned);
        assertEquals(flaws, h.get("flaws").asInt());
        assertShare(h.get("appsWithVulnerableLibrary"), vulnerable, scanned);
        assertShare(h.get("staleApps"), stale, scanned - unknownAge);
        for (var e : indicators.entrySet()) assertShare(h.get("android").get(e.getKey()), e.getValue(), androidScanned);
        assertTrue(h.get("flawsPerMbOfCode").asDouble() > 0);

        assertEquals(counts(byCwe), rows(table(report, "flaws_by_cwe"), 0, 1, 2));
        assertEquals(counts(byRule), rows(table(report, "top_rules"), 0, 3, 4));
        Map<String, int[]> owasp = new TreeMap<>(), masvs = new TreeMap<>();
        Map<String, String> owaspOf = Map.of("java/weak-hash", "A02 Cryptographic Failures", "java/hardcoded-key", "A02 Cryptographic Failures",
                "component/vulnerable-dependency", "A06 Vulnerable and Outdated Components",
                "android/debuggable", "A05 Security Misconfiguration", "android/cleartext-traffic", "A02 Cryptographic Failures",
                "android/tracker-sdk", "A01 Broken Access Control", "android/debug-certificate", "A05 Security Misconfiguration");
        Map<String, String> masvsOf = Map.of("java/weak-hash", "MASVS-CRYPTO", "java/hardcoded-key", "MASVS-CRYPTO",
                "android/debuggable", "MASVS-RESILIENCE", "android/cleartext-traffic", "MASVS-NETWORK",
                "android/tracker-sdk", "MASVS-PRIVACY", "android/debug-certificate", "MASVS-RESILIENCE");
        for (PortfolioFixture.App a : plan.apps()) {
            List<PortfolioFixture.Flaw> fs = new ArrayList<>(a.flaws());
            if (mitigatedApps.contains(a.key())) fs.remove(0);
            Set<String> o = new TreeSet<>(), m = new TreeSet<>();
            for (PortfolioFixture.Flaw f : fs) {
                owasp.computeIfAbsent(owaspOf.get(f.rule()), k -> new int[2])[0]++;
                o.add(owaspOf.get(f.rule()));
                if (a.platform().equals("android")) {
                    masvs.computeIfAbsent(masvsOf.get(f.rule()), k -> new int[2])[0]++;
                    m.add(masvsOf.get(f.rule()));
                }
            }
            o.forEach(k -> owasp.get(k)[1]++);
            m.forEach(k -> masvs.get(k)[1]++);
        }
        assertEquals(counts(owasp), rows(table(report, "owasp_top10"), 0, 1, 2));
        assertEquals(counts(masvs), rows(table(report, "masvs"), 0, 1, 2));
        assertEquals(counts(byCategory), rows(table(report, "by_category"), 0, 1, 2, 4, 6));
        assertEquals(counts(byVendor), rows(table(report, "by_vendor"), 0, 1, 2, 4, 6));

        JsonNode comps = table(report, "vulnerable_components");
        if (vulnerable > 0) {
            assertEquals(1, comps.size());
            assertEquals(PortfolioFixture.VULNERABLE_LIB, comps.get(0).get(0).asText());
            assertEquals(PortfolioFixture.FIXED_VERSION, comps.get(0).get(5).asText());
            assertTrue(comps.get(0).get(1).asInt() >= vulnerable);
        }
        JsonNode failures = table(report, "failures");
        assertEquals(failed, failures.get(0).get(1).asInt());
        assertEquals("no-code", failures.get(0).get(0).asText());
    }

    private static void assertShare(JsonNode share, int count, int of) {
        assertEquals(count, share.get("count").asInt(), share.toString());
        assertEquals(of, share.get("of").asInt(), share.toString());
        if (of > 0) assertEquals((double) count / of, share.get("share").asDouble(), 1e-6);
    }

    private static Map<String, List<Integer>> counts(Map<String, int[]> m) {
        Map<String, List<Integer>> out = new TreeMap<>();
        m.forEach((k, v) -> {
            List<Integer> l = new ArrayList<>();
            for (int x : v) l.add(x);
            out.put(k, l);
        });
        return out;
    }

    private static Map<String, List<Integer>> rows(JsonNode table, int key, int... values) {
        Map<String, List<Integer>> out = new TreeMap<>();
        for (JsonNode row : table) {
            List<Integer> l = new ArrayList<>();
            for (int v : values) l.add(row.get(v).asInt());
            out.put(row.get(key).asText(), l);
        }
        return out;
    }

    static JsonNode table(JsonNode report, String name) {
        for (JsonNode t : report.get("tables")) if (t.get("name").asText().equals(name)) return t.get("rows");
        throw new AssertionError("no table " + name);
    }

    /** The report less what depends on when the scans ran. */
    private static JsonNode withoutTimes(JsonNode report) {
        ObjectNode copy = report.deepCopy();
        copy.remove("asOf");
        for (JsonNode t : copy.get("tables")) {
            if (t.get("name").asText().equals("rounds")) {
                for (JsonNode row : t.get("rows")) ((com.fasterxml.jackson.databind.node.ArrayNode) row).set(1, 0);
            }
        }
        return copy;
    }

    private static CliTest.Run scan(Path manifest, String store, List<String> options) {
        List<String> args = new ArrayList<>(List.of("portfolio", "scan", manifest.toString(), "--store", store, "--no-progress"));
        args.addAll(options);
        return CliTest.triage(args.toArray(String[]::new));
    }

    private static JsonNode report(String store, Path out) throws IOException {
        CliTest.Run r = CliTest.triage("portfolio", "report", "--store", store, "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        return JSON.readTree(out.resolve("portfolio.json").toFile());
    }

    /**
     * Starts {@code triage portfolio scan} as a real child process and kills it with SIGKILL once at least
     * {@code after} apps are done (read from its progress lines). Returns the count it had reached.
     */
    private static int killMidway(Path manifest, String store, List<String> options, int after) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "portfolio", "scan",
                manifest.toString(), "--store", store));
        cmd.addAll(options);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = new HashMap<>(pb.environment());
        Process p = pb.start();
        int reached = -1;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                var m = java.util.regex.Pattern.compile("\\] (\\d+)/(\\d+) apps").matcher(line);
                if (m.find() && Integer.parseInt(m.group(1)) >= after) {
                    reached = Integer.parseInt(m.group(1));
                    p.destroyForcibly(); // SIGKILL on Unix: no shutdown hook, no clean-up
                    break;
                }
            }
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertTrue(reached > 0 && reached < JVM + ANDROID + CORRUPT, "killed midway, at " + reached + " (env " + env.size() + ")");
        assertEquals(137, p.exitValue(), "killed by SIGKILL");
        // the orphaned workers see their input end and exit; give them a moment to let go of the store files
        Thread.sleep(2000);
        return reached;
    }

    private static void sql(String url, String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }
}
