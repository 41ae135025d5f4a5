package dev.triage.spark;

import dev.triage.findings.Rule;
import dev.triage.findings.RuleCatalogue;
import dev.triage.portfolio.Figures;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portfolio report from the job's Parquet tables, with the figures computed in Spark SQL: the scans of every
 * round become temporary views shaped like the store's tables ({@link StoreShape}), the reference data of
 * {@code study.yml} two more, and then the very queries of the portfolio module's {@code figures.sql} run on them and
 * {@link Figures#compute} — the function the single-machine report uses — turns their rows into the same report.
 * No approved mitigations exist on this path (decisions live in a store: see the import).
 */
final class SparkReport {
    private static final Pattern PARAM = Pattern.compile(":([a-z_]+)");

    private SparkReport() {
    }

    /** The scans of every round: results rows that are scans, one per key even if an output was ever committed twice. */
    static Dataset<Row> scans(SparkSession spark, String out) {
        return spark.read().parquet(out + "/" + ParquetTables.RESULTS)
                .where("status IN ('ok', 'failed')")
                .dropDuplicates("round", "app_key", "seq", "artifact_sha256");
    }

    static Figures.Report report(SparkSession spark, String out, int staleYears, String toolVersion) {
        scans(spark, out).createOrReplaceTempView("triage_scans");
        Dataset<Row> ordered = spark.sql("""
                SELECT *, row_number() OVER (ORDER BY round, app_key, seq) AS scan_id,
                       dense_rank() OVER (ORDER BY app_key) AS app_id
                FROM triage_scans""");
        JavaRDD<StoreShape> shaped = ordered.javaRDD()
                .groupBy(r -> (String) r.getAs("app_key"))
                .map(g -> {
                    List<Row> rows = new ArrayList<>();
                    g._2().forEach(rows::add);
                    rows.sort(java.util.Comparator.comparingLong(r -> r.<Number>getAs("scan_id").longValue()));
                    return StoreShape.derive(rows);
                })
                .persist(StorageLevel.MEMORY_AND_DISK());
        List<Dataset<Row>> cached = new ArrayList<>();
        try {
            for (var t : StoreShape.TABLES.entrySet()) {
                String name = t.getKey();
                // each table is read by many figure queries: keep it in Spark's columnar cache
                Dataset<Row> df = spark.createDataFrame(shaped.flatMap(s -> s.rows(name).iterator()), t.getValue()).cache();
                cached.add(df);
                df.createOrReplaceTempView(name);
            }
            spark.createDataFrame(List.of(), ParquetTables.schema("id", "long", "flaw_id", "long", "kind", "string",
                    "reason", "string", "proposed_by", "string", "proposed_at", "long", "status", "string",
                    "reviewed_by", "string", "reviewed_at", "long", "review_note", "string")).createOrReplaceTempView("decision");

            Map<String, Integer> ruleCwes = new TreeMap<>();
            for (Rule r : RuleCatalogue.builtIn().all()) ruleCwes.put(r.id(), r.cwe());
            for (Row r : spark.sql("SELECT DISTINCT rule_id, cwe FROM flaw").collectAsList()) {
                ruleCwes.putIfAbsent(r.getString(0), r.getInt(1));
            }
            Figures.Reference reference = Figures.reference(ruleCwes);
            List<Row> categories = new ArrayList<>();
            for (var scheme : new TreeMap<>(reference.categories()).entrySet()) {
                for (var rule : new TreeMap<>(scheme.getValue()).entrySet()) {
                    categories.add(RowFactory.create(scheme.getKey(), rule.getKey(), rule.getValue()));
                }
            }
            spark.createDataFrame(categories, ParquetTables.schema("scheme", "string", "rule_id", "string", "category", "string"))
                    .createOrReplaceTempView("rule_category");
            List<Row> indicators = new ArrayList<>();
            for (var ind : new TreeMap<>(reference.indicatorRules()).entrySet()) {
                for (String rule : new java.util.TreeSet<>(ind.getValue())) indicators.add(RowFactory.create(ind.getKey(), rule));
            }
            spark.createDataFrame(indicators, ParquetTables.schema("indicator", "string", "rule_id", "string"))
                    .createOrReplaceTempView("indicator_rule");

            Row last = spark.sql("SELECT MAX(finished_at) FROM scan").first();
            long asOf = last.isNullAt(0) ? 0 : last.getLong(0);
            return Figures.compute((name, sql, params) -> rows(spark, sql, params), reference, staleYears, toolVersion, asOf);
        } finally {
            cached.forEach(df -> df.unpersist(false));
            shaped.unpersist(false);
        }
    }

    /** Runs one figure query with its named parameters; rows as the store returns them (integers as Long). */
    static List<Map<String, Object>> rows(SparkSession spark, String sql, Map<String, Object> params) {
        Map<String, Object> used = new HashMap<>();
        Matcher m = PARAM.matcher(sql);
        while (m.find()) {
            if (!params.containsKey(m.group(1))) throw new IllegalArgumentException("no value for :" + m.group(1));
            used.put(m.group(1), params.get(m.group(1)));
        }
        Dataset<Row> df = used.isEmpty() ? spark.sql(sql) : spark.sql(sql, used);
        String[] columns = df.columns();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row r : df.collectAsList()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < columns.length; i++) {
                Object v = r.get(i);
                if (v instanceof Integer || v instanceof Short || v instanceof Byte) v = ((Number) v).longValue();
                else if (v instanceof java.math.BigDecimal b) v = b.scale() <= 0 ? (Object) b.longValueExact() : b.doubleValue();
                else if (v instanceof Float f) v = f.doubleValue();
                row.put(columns[i].toLowerCase(java.util.Locale.ROOT), v);
            }
            out.add(row);
        }
        return out;
    }
}
