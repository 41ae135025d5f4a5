package dev.triage.spark;

import dev.triage.store.AppInfo;
import dev.triage.store.Store;
import dev.triage.store.VersionInfo;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.Iterator;

/**
 * Loads the job's scans into a Triage store (H2 or PostgreSQL), round by round and app by app in listing order, each
 * through {@link Store#recordScan} — so the store derives the flaw lifecycle itself, and its own report, the flaw
 * commands and triage decisions work on cluster scans as on local ones. Each round is a portfolio run of the store
 * (source {@code OUT#round=N}); a scan already stored (the same app version, started and finished at the same
 * times) is skipped, so importing again, or after a later round, adds only what is new.
 */
final class SparkImport {
    /** What an import did. */
    record Summary(long imported, long skipped) {
    }

    private SparkImport() {
    }

    static Summary run(SparkSession spark, String out, Store store, String toolVersion, String actor) {
        SparkReport.scans(spark, out).createOrReplaceTempView("triage_import");
        Iterator<Row> rows = spark.sql("""
                SELECT * FROM triage_import ORDER BY round, app_key, seq""").toLocalIterator();
        long imported = 0, skipped = 0;
        int round = -1;
        long runId = -1;
        while (rows.hasNext()) {
            Row r = rows.next();
            int rr = r.<Number>getAs("round").intValue();
            if (rr != round) {
                if (runId >= 0) store.finishRun(runId, System.currentTimeMillis());
                round = rr;
                String source = out + "#round=" + round;
                Row count = spark.sql("SELECT COUNT(*), MIN(started_at) FROM triage_import WHERE round = " + round).first();
                runId = store.unfinishedRun(source).orElseGet(() -> store.startRun(source, toolVersion,
                        "{\"importedFrom\":\"spark\"}", (int) count.getLong(0), count.getLong(1)));
            }
            String key = r.getAs("app_key");
            String sha = r.getAs("artifact_sha256");
            // already imported: the store has this very scan (the app version, started and finished at the same times)
            if (!store.query("""
                    SELECT s.id FROM scan s JOIN app a ON a.id = s.app_id JOIN app_version v ON v.id = s.app_version_id
                    WHERE a.app_key = ? AND v.artifact_sha256 = ? AND s.started_at = ? AND s.finished_at = ?""",
                    key, sha, r.<Long>getAs("started_at"), r.<Long>getAs("finished_at")).isEmpty()) {
                skipped++;
                continue;
            }
            AppInfo app = new AppInfo(key, r.getAs("name"), r.getAs("platform"), r.getAs("category"), r.getAs("vendor"),
                    r.getAs("store_updated_day"));
            VersionInfo version = new VersionInfo(sha, r.getAs("artifact_name"), r.<Long>getAs("artifact_bytes"), r.getAs("version"));
            store.recordScan(app, version, StoreShape.record(r), runId, actor);
            imported++;
        }
        if (runId >= 0) store.finishRun(runId, System.currentTimeMillis());
        return new Summary(imported, skipped);
    }
}
