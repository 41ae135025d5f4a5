package dev.triage.spark;

import dev.triage.contract.TriageVersion;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.cli.Main;
import dev.triage.portfolio.Figures;
import dev.triage.portfolio.PortfolioReport;
import dev.triage.store.Store;
import dev.triage.testkit.PortfolioFixture;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portfolio study on real Spark (local[2], one session for the class) against the single-machine portfolio scan,
 * on the testkit's generated portfolio (JVM wars and signed APKs with planted flaws, dates and corrupt artifacts) over
 * two rounds, the second with new versions that fix and add flaws:
 * <ul>
 * <li>the Spark report equals the single-machine report figure by figure — but for what depends on when the scans
 *     ran (the report's date, the rounds' start times, and the flaw half-life, which is a duration between scans);</li>
 * <li>the first attempt of one app's task dies midway (after handing its first row to the writer; local[2,4] allows
 *     four attempts), and the figures do not change: the app is counted once, from its second attempt;</li>
 * <li>the Spark scans imported into a store give, through the store's own SQL, exactly the Spark report, times and
 *     half-life included (the same scans on both sides).</li>
 * </ul>
 */
class SparkPortfolioTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SparkSession spark;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[2,4]").appName("triage-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.default.parallelism", "2")
                .getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) spark.stop();
    }

    @Test
    void sparkReportEqualsSingleMachineReportAndSurvivesAKilledTask() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        PortfolioFixture fixture = new PortfolioFixture(tmp.resolve("pf"), 7, today, 4);
        PortfolioFixture.Plan plan = fixture.generate(9, 8, 3);
        Path db = tmp.resolve("db");
        assertEquals(0, Main.execute("db", "import", plan.advisories().toString(), "--db", db.toString()));
        Map<String, PortfolioFixture.Traits> changes = new LinkedHashMap<>();
        for (PortfolioFixture.App a : plan.apps()) {
            if (a.corrupt() || changes.size() == 4) continue;
            PortfolioFixture.Traits t = a.traits();
            // flip the weak hash: fixes it where it was, adds it where it was not
            changes.put(a.key(), new PortfolioFixture.Traits(!t.weakHash(), t.hardcodedKey(), t.vulnerableLib(),
                    t.debuggable(), t.cleartext(), t.tracker(), t.debugCert()));
        }
        PortfolioFixture.Plan round2 = fixture.nextRound(plan, changes, "1.1");

        // the single-machine portfolio scan, two rounds into an embedded store
        String local = tmp.resolve("local").resolve("store").toString();
        for (Path manifest : List.of(plan.manifest(), round2.manifest())) {
            assertEquals(0, Main.execute("portfolio", "scan", manifest.toString(), "--store", local, "--db", db.toString(),
                    "--exclude-rules", "app/stale-app", "-j", "2", "--worker-heap", "512m", "--no-progress"));
        }
        Figures.Report single;
        try (Store s = Store.open(local)) {
            single = PortfolioReport.of(s, 2, TriageVersion.get());
        }

        // the same two rounds on Spark; the first attempt of one app's task dies midway
        String out = tmp.resolve("spark-out").toUri().toString();
        String victim = plan.apps().get(1).key();
        Path markers = Files.createDirectories(tmp.resolve("markers"));
        ScanTask.Settings killOnce = settings(db, victim, markers.toString());
        long t0 = System.nanoTime();
        SparkScan.Summary r1 = SparkScan.run(spark, plan.manifest().toString(), out, null, killOnce);
        assertEquals(1, r1.round());
        assertEquals(plan.apps().size(), r1.scanned() + r1.failed(), "every listed app is a scan, once");
        SparkScan.Summary r2 = SparkScan.run(spark, round2.manifest().toString(), out, null, settings(db, null, null));
        assertEquals(2, r2.round());
        System.out.printf("[spark] two rounds scanned in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertEquals(changes.size(), r2.scanned() + r2.failed(), "round 2 scans the new versions only");
        assertEquals(plan.apps().size() - changes.size(), r2.skipped());

        List<Row> victimRows = spark.read().parquet(out + "/results").where("app_key = '" + victim + "' AND round = 1").collectAsList();
        assertEquals(1, victimRows.size(), "the killed app has one result");
        assertEquals(1, victimRows.get(0).<Integer>getAs("task_attempt"), "from its task's second attempt");
        assertTrue(Files.exists(markers.resolve("failed-once-" + victim)), "the first attempt died");

        // the job's report: computed in Spark SQL, written by the portfolio module's writers through Hadoop's FileSystem
        long t1 = System.nanoTime();
        TriageSpark.Opts o = TriageSpark.Opts.parse("report", List.of(out));
        Figures.Report onSpark = TriageSpark.writeReport(spark, out, o.output(out), o);
        System.out.printf("[spark] report computed and written in %.1f s%n", (System.nanoTime() - t1) / 1e9);
        Path written = tmp.resolve("spark-out").resolve("report");
        assertTrue(Files.isRegularFile(written.resolve("portfolio.html")));
        assertTrue(Files.isRegularFile(written.resolve("csv").resolve("headline.csv")));
        JsonNode sparkJson = tree(onSpark);
        JsonNode singleJson = tree(single);
        assertEquals(sparkJson, tree(JSON.readTree(written.resolve("portfolio.json").toFile())), "portfolio.json is the report");
        assertEquals(plan.apps().size(), sparkJson.at("/headline/apps").asInt());
        assertTrue(sparkJson.at("/headline/flaws").asInt() > 0, sparkJson.toPrettyString());
        assertEquals(3, sparkJson.at("/headline/appsFailed").asInt(), "the corrupt artifacts");
        assertEquals(withoutTimes(singleJson), withoutTimes(sparkJson),
                "the Spark report equals the single-machine report, figure by figure");
        assertEquals(singleJson.at("/headline/flawHalfLifeDays").isNull(), sparkJson.at("/headline/flawHalfLifeDays").isNull());

        // the flattened tables hold the same findings as the records
        long findings = spark.read().parquet(out + "/findings").count();
        long recorded = spark.read().parquet(out + "/results").where("status = 'ok'").selectExpr("SUM(finding_count)").first().getLong(0);
        assertEquals(recorded, findings);

        // the Spark scans imported into a store: the store's SQL gives exactly the Spark figures
        String imported = tmp.resolve("imported").resolve("store").toString();
        try (Store s = Store.open(imported)) {
            SparkImport.Summary sum = SparkImport.run(spark, out, s, TriageVersion.get(), "test");
            assertEquals(plan.apps().size() + changes.size(), sum.imported());
            assertEquals(0, SparkImport.run(spark, out, s, TriageVersion.get(), "test").imported(), "importing again adds nothing");
            JsonNode fromStore = tree(PortfolioReport.of(s, 2, TriageVersion.get()));
            assertEquals(sparkJson, fromStore, "the store's figures over the imported scans equal Spark's, times included");
        }
    }

    /** A report as its JSON file has it (numbers as parsed, objects compared without regard to key order). */
    private static JsonNode tree(Object report) throws java.io.IOException {
        return JSON.readTree(JSON.writeValueAsString(report));
    }

    private static ScanTask.Settings settings(Path db, String failOnceApp, String marker) {
        return new ScanTask.Settings("512m", 600_000, db.toString(), List.of(), List.of("app/stale-app"), false,
                TriageVersion.get(), failOnceApp, marker);
    }

    /** The report less what depends on when the scans ran: its date, the rounds' start times, the half-life. */
    private static JsonNode withoutTimes(JsonNode report) {
        ObjectNode r = report.deepCopy();
        r.remove("asOf");
        ((ObjectNode) r.get("headline")).remove("flawHalfLifeDays");
        for (JsonNode t : r.get("tables")) {
            if (!"rounds".equals(t.get("name").asText())) continue;
            int at = -1;
            for (int i = 0; i < t.get("columns").size(); i++) if ("started_at".equals(t.get("columns").get(i).asText())) at = i;
            for (JsonNode row : t.get("rows")) ((ArrayNode) row).remove(at);
        }
        return r;
    }
}
