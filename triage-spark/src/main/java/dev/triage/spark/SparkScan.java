package dev.triage.spark;

import dev.triage.portfolio.PortfolioSource;
import dev.triage.store.ScanRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scan round on Spark: the manifest read through Hadoop's FileSystem (local, HDFS, S3 ...), one task per app (its
 * versions in listing order, as the single-machine scan gives one worker all versions of an app), the {@code results}
 * of the round written as Parquet, then flattened into {@code findings}, {@code components}, {@code advisories} and
 * {@code scan_problems}. Each table's round partition is replaced as a whole (dynamic partition overwrite), and the
 * job's commit protocol keeps one attempt's output per task, so a retried or speculative task cannot add a row twice;
 * the report also keys scans by round, app, position and artifact SHA-256.
 */
final class SparkScan {
    private static final long MAX_MANIFEST_BYTES = 64L << 20;

    /** What a round did. */
    record Summary(int round, int listed, long scanned, long failed, long skipped, long unreadable, List<String> problems) {
    }

    private SparkScan() {
    }

    static Summary run(SparkSession spark, String manifest, String out, Integer roundOption, ScanTask.Settings settings)
            throws IOException {
        spark.conf().set("spark.sql.sources.partitionOverwriteMode", "dynamic");
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path manifestPath = new Path(manifest);
        FileSystem fs = manifestPath.getFileSystem(conf);
        manifestPath = fs.makeQualified(manifestPath);
        if (fs.getFileStatus(manifestPath).getLen() > MAX_MANIFEST_BYTES) {
            throw new IOException("manifest larger than 64 MiB: " + manifest);
        }
        List<String> problems = new ArrayList<>();
        List<PortfolioSource.ManifestRow> rows;
        try (Reader r = new InputStreamReader(fs.open(manifestPath), StandardCharsets.UTF_8)) {
            rows = PortfolioSource.rows(r, manifestPath.getName(), problems);
        }

        Path resultsPath = new Path(out, ParquetTables.RESULTS);
        boolean hasResults = resultsPath.getFileSystem(conf).exists(resultsPath);
        int round;
        if (roundOption != null) {
            round = roundOption;
        } else if (hasResults) {
            Row max = spark.read().parquet(resultsPath.toString()).selectExpr("MAX(round)").first();
            round = max.isNullAt(0) ? 1 : max.getInt(0) + 1;
        } else {
            round = 1;
        }
        Map<String, String[]> prior = new HashMap<>();
        if (hasResults) {
            spark.read().parquet(resultsPath.toString()).createOrReplaceTempView("triage_prior");
            for (Row r : spark.sql("""
                    SELECT app_key, artifact_sha256, status FROM (
                      SELECT app_key, artifact_sha256, status,
                             row_number() OVER (PARTITION BY app_key ORDER BY round DESC, seq DESC) AS rn
                      FROM triage_prior WHERE round < %d AND status IN ('ok', 'failed')) WHERE rn = 1""".formatted(round))
                    .collectAsList()) {
                prior.put(r.getString(0), new String[]{r.getString(1), r.getString(2)});
            }
        }

        Map<String, List<AppUnit.Version>> byApp = new LinkedHashMap<>();
        Path base = manifestPath.getParent();
        for (PortfolioSource.ManifestRow row : rows) {
            Path p = new Path(row.path());
            Path resolved = p.toUri().getScheme() != null || p.isAbsolute() ? p : new Path(base, row.path());
            String uri = resolved.getFileSystem(conf).makeQualified(resolved).toString();
            var a = row.app();
            byApp.computeIfAbsent(a.key(), k -> new ArrayList<>()).add(new AppUnit.Version(uri, row.line(), a.name(),
                    a.platform(), a.category(), a.vendor(), a.storeUpdatedDay(), row.version()));
        }
        List<AppUnit> units = new ArrayList<>();
        byApp.forEach((key, versions) -> {
            String[] p = prior.get(key);
            units.add(new AppUnit(key, versions, p == null ? null : p[0], p == null ? null : p[1]));
        });

        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Map<String, String> confMap = new HashMap<>();
        conf.forEach(e -> confMap.put(e.getKey(), e.getValue()));
        Broadcast<Map<String, String>> hadoopConf = jsc.broadcast(confMap);
        final int r = round;
        try {
            // one app per task; the rows then go to a few output files (not one small file per app)
            JavaRDD<Row> results = jsc.parallelize(units, Math.max(1, units.size()))
                    .flatMap(u -> ScanTask.run(r, u, settings, hadoopConf.value()))
                    .repartition(Math.max(1, (units.size() + 1999) / 2000));
            spark.createDataFrame(results, ParquetTables.RESULTS_SCHEMA).write().mode(SaveMode.Overwrite).partitionBy("round")
                    .parquet(resultsPath.toString());
        } finally {
            hadoopConf.destroy();
            WorkerPool.closeAll(); // the driver's own workers (local mode); executors close theirs on exit
        }
        Dataset<Row> written = spark.read().parquet(resultsPath.toString()).where("round = " + round);
        flatten(spark, written.where("status IN ('ok', 'failed')"), out, round);

        Map<String, Long> byStatus = new HashMap<>();
        for (Row s : written.groupBy("status").count().collectAsList()) byStatus.put(s.getString(0), s.getLong(1));
        long scanned = byStatus.getOrDefault(ScanRecord.OK, 0L), failed = byStatus.getOrDefault(ScanRecord.FAILED, 0L);
        long unreadable = byStatus.getOrDefault(ParquetTables.UNREADABLE, 0L);
        for (Row u : written.where("status = '" + ParquetTables.UNREADABLE + "'").select("path", "failure_reason").collectAsList()) {
            problems.add(u.getString(0) + ": " + u.getString(1));
        }
        return new Summary(round, rows.size(), scanned, failed, rows.size() - scanned - failed - unreadable, unreadable, problems);
    }

    /** The round's scan records flattened into the findings, components, advisories and scan_problems tables. */
    private static void flatten(SparkSession spark, Dataset<Row> scans, String out, int round) throws IOException {
        JavaRDD<Row> rows = scans.select("round", "app_key", "seq", "artifact_sha256", "record_json").javaRDD();
        write(spark, rows.flatMap(r -> {
            ScanRecord rec = StoreShape.record(r);
            List<Row> o = new ArrayList<>();
            for (int i = 0; i < rec.findings().size(); i++) {
                var f = rec.findings().get(i);
                o.add(keyed(r, i, f.fingerprint(), f.ruleId(), f.cwe(), f.severity(), f.confidence(), f.className(),
                        f.methodName(), f.methodDescriptor(), f.sourcePath(), f.line(), f.origin(), f.message(),
                        ScanTask.JSON.writeValueAsString(f.path()),
                        ScanTask.JSON.writeValueAsString(new java.util.TreeMap<>(f.properties()))));
            }
            return o.iterator();
        }), ParquetTables.FINDINGS_SCHEMA, out, ParquetTables.FINDINGS, round);
        write(spark, rows.flatMap(r -> {
            ScanRecord rec = StoreShape.record(r);
            List<Row> o = new ArrayList<>();
            for (int i = 0; i < rec.components().size(); i++) {
                var k = rec.components().get(i);
                o.add(keyed(r, i, k.groupId(), k.artifactId(), k.version(), k.purl(), k.identifiedBy(), k.fileName(),
                        k.path(), k.sha1(), k.sha256(), k.shadedIn(), k.releaseDay()));
            }
            return o.iterator();
        }), ParquetTables.COMPONENTS_SCHEMA, out, ParquetTables.COMPONENTS, round);
        write(spark, rows.flatMap(r -> {
            ScanRecord rec = StoreShape.record(r);
            List<Row> o = new ArrayList<>();
            for (var a : rec.advisories()) {
                o.add(keyed(r, a.component(), a.advisoryId(), a.primaryAlias(), String.join(",", a.aliases()),
                        a.summary(), a.score(), a.severity(), a.fixedVersion(), a.reachability()));
            }
            return o.iterator();
        }), ParquetTables.ADVISORIES_SCHEMA, out, ParquetTables.ADVISORIES, round);
        write(spark, rows.flatMap(r -> {
            ScanRecord rec = StoreShape.record(r);
            List<Row> o = new ArrayList<>();
            for (int i = 0; i < rec.problems().size(); i++) {
                var p = rec.problems().get(i);
                o.add(keyed(r, i, p.input(), p.entry(), p.reason()));
            }
            return o.iterator();
        }), ParquetTables.SCAN_PROBLEMS_SCHEMA, out, ParquetTables.SCAN_PROBLEMS, round);
    }

    private static Row keyed(Row key, Object... values) {
        Object[] all = new Object[4 + values.length];
        all[0] = key.get(0);
        all[1] = key.get(1);
        all[2] = key.get(2);
        all[3] = key.get(3);
        System.arraycopy(values, 0, all, 4, values.length);
        return RowFactory.create(all);
    }

    private static void write(SparkSession spark, JavaRDD<Row> rows, org.apache.spark.sql.types.StructType schema,
                              String out, String table, int round) throws IOException {
        // dynamic overwrite replaces only the partitions written: a round run again with no rows for this table must
        // not keep the earlier run's
        Path partition = new Path(new Path(out, table), "round=" + round);
        partition.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(partition, true);
        spark.createDataFrame(rows, schema).coalesce(Math.max(1, rows.getNumPartitions() / 8)).write()
                .mode(SaveMode.Overwrite).partitionBy("round").parquet(new Path(out, table).toString());
    }
}
