package dev.triage.spark;

import dev.triage.store.Lifecycle;
import dev.triage.store.ScanRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One app's scans, from its {@code results} rows (in scan order), turned into the rows of the store's tables
 * (triage-store's {@code V1__scan_history.sql}) that the report's figure queries read: {@code app},
 * {@code app_version}, {@code scan}, {@code finding}, {@code flaw}, {@code flaw_event}, {@code component} and
 * {@code component_advisory} — the same values {@code Store.recordScan} stores for the same scans in the same order,
 * with the flaw lifecycle decided by the store's own {@link Lifecycle#step}. Ids are global and deterministic: an
 * app's is its rank by key, a scan's its rank by (round, app, position in the app's listing), and a finding's,
 * flaw's, component's or event's the scan's id shifted left by 24 bits plus its ordinal in the scan.
 */
final class StoreShape implements Serializable {
    static final StructType APP = ParquetTables.schema("id", "long", "app_key", "string", "name", "string", "platform", "string",
            "category", "string", "vendor", "string", "store_updated_day", "int", "created_at", "long");
    static final StructType APP_VERSION = ParquetTables.schema("id", "long", "app_id", "long", "artifact_sha256", "string",
            "artifact_name", "string", "artifact_bytes", "long", "version", "string", "build_day", "int",
            "build_source", "string", "store_updated_day", "int", "created_at", "long");
    static final StructType SCAN = ParquetTables.schema("id", "long", "app_id", "long", "app_version_id", "long", "run_id", "long",
            "started_at", "long", "finished_at", "long", "scan_day", "int", "tool_version", "string",
            "rules_version", "string", "status", "string", "failure_kind", "string", "failure_reason", "string",
            "app_classes", "int", "code_bytes", "long", "finding_count", "int", "problem_count", "int", "duration_ms", "long");
    static final StructType FLAW = ParquetTables.schema("id", "long", "app_id", "long", "fingerprint", "string", "rule_id", "string",
            "cwe", "int", "severity", "int", "state", "string", "first_seen_scan", "long", "first_seen_at", "long",
            "last_seen_scan", "long", "last_seen_at", "long", "fixed_scan", "long", "fixed_at", "long", "reopen_count", "int");
    static final StructType FLAW_EVENT = ParquetTables.schema("id", "long", "flaw_id", "long", "scan_id", "long", "event", "string",
            "occurred_at", "long");
    static final StructType FINDING = ParquetTables.schema("id", "long", "scan_id", "long", "flaw_id", "long", "ordinal", "int",
            "state", "string", "fingerprint", "string", "rule_id", "string", "cwe", "int", "severity", "int",
            "confidence", "string", "class_name", "string", "method_name", "string", "source_path", "string", "line", "int",
            "message", "string");
    static final StructType COMPONENT = ParquetTables.schema("id", "long", "scan_id", "long", "ordinal", "int", "group_id", "string",
            "artifact_id", "string", "version", "string", "purl", "string");
    static final StructType COMPONENT_ADVISORY = ParquetTables.schema("id", "long", "scan_id", "long", "component_id", "long",
            "advisory_id", "string", "primary_alias", "string", "score", "double", "severity", "int",
            "fixed_version", "string", "reachability", "string");

    /** The tables, by view name, with their schemas. */
    static final Map<String, StructType> TABLES = tables();

    private static Map<String, StructType> tables() {
        Map<String, StructType> t = new LinkedHashMap<>();
        t.put("app", APP);
        t.put("app_version", APP_VERSION);
        t.put("scan", SCAN);
        t.put("flaw", FLAW);
        t.put("flaw_event", FLAW_EVENT);
        t.put("finding", FINDING);
        t.put("component", COMPONENT);
        t.put("component_advisory", COMPONENT_ADVISORY);
        return t;
    }

    private static final int SHIFT = 24;

    final Map<String, List<Row>> rows = new HashMap<>();

    private StoreShape() {
        TABLES.keySet().forEach(n -> rows.put(n, new ArrayList<>()));
    }

    List<Row> rows(String table) {
        return rows.get(table);
    }

    /** A flaw as the store's {@code flaw} row keeps it, while the app's scans are applied in order. */
    private static final class FlawState {
        long id;
        String fingerprint, ruleId, state;
        int cwe, severity, reopenCount;
        long firstSeenScan, firstSeenAt, lastSeenScan, lastSeenAt;
        Long fixedScan, fixedAt;
    }

    /** Derives one app's rows from its results rows, which carry {@code scan_id} and {@code app_id} and are in scan order. */
    static StoreShape derive(List<Row> scans) {
        StoreShape out = new StoreShape();
        if (scans.isEmpty()) return out;
        long appId = scans.get(0).<Number>getAs("app_id").longValue();
        String appKey = scans.get(0).getAs("app_key");
        String name = null, platform = null, category = null, vendor = null;
        Integer appUpdated = null;
        Map<String, Object[]> versions = new LinkedHashMap<>(); // sha -> version row values
        Map<String, FlawState> flaws = new java.util.TreeMap<>();
        for (Row r : scans) {
            long scanId = r.<Number>getAs("scan_id").longValue();
            ScanRecord rec = record(r);
            // the app: what the latest listing says wins, what it leaves out is kept (Store.upsertApp)
            name = r.getAs("name");
            platform = r.getAs("platform");
            category = coalesce(r.getAs("category"), category);
            vendor = coalesce(r.getAs("vendor"), vendor);
            appUpdated = coalesce(r.getAs("store_updated_day"), appUpdated);
            // the version: one per artifact, later scans fill in what is missing (Store.upsertVersion)
            String sha = r.getAs("artifact_sha256");
            Object[] v = versions.get(sha);
            if (v == null) {
                v = new Object[]{scanId, appId, sha, r.getAs("artifact_name"), r.getAs("artifact_bytes"), r.getAs("version"),
                        rec.buildDay(), rec.buildSource(), r.getAs("store_updated_day"), rec.startedAt()};
                versions.put(sha, v);
            } else {
                v[5] = coalesce(r.getAs("version"), v[5]);
                v[6] = coalesce(rec.buildDay(), v[6]);
                v[7] = coalesce(rec.buildSource(), v[7]);
                v[8] = coalesce(r.getAs("store_updated_day"), v[8]);
            }
            long versionId = (Long) v[0];
            int round = r.<Number>getAs("round").intValue();
            out.rows.get("scan").add(RowFactory.create(scanId, appId, versionId, (long) round, rec.startedAt(),
                    rec.finishedAt(), r.getAs("scan_day"), rec.toolVersion(), rec.rulesVersion(), rec.status(),
                    rec.failureKind(), rec.failureReason(), rec.appClasses(), rec.codeBytes(), rec.findings().size(),
                    rec.problems().size(), Math.max(0, rec.finishedAt() - rec.startedAt())));
            List<Long> componentIds = new ArrayList<>();
            for (int i = 0; i < rec.components().size(); i++) {
                ScanRecord.StoredComponent k = rec.components().get(i);
                long id = (scanId << SHIFT) + i;
                componentIds.add(id);
                out.rows.get("component").add(RowFactory.create(id, scanId, i, nz(k.groupId()), nz(k.artifactId()),
                        nz(k.version()), nz(k.purl())));
            }
            int a = 0;
            for (ScanRecord.StoredAdvisory adv : rec.advisories()) {
                if (adv.component() < 0 || adv.component() >= componentIds.size()) continue;
                out.rows.get("component_advisory").add(RowFactory.create((scanId << SHIFT) + a++, scanId,
                        componentIds.get(adv.component()), adv.advisoryId(), nz(adv.primaryAlias()), adv.score(),
                        adv.severity(), nz(adv.fixedVersion()), nz(adv.reachability())));
            }
            if (rec.ok()) lifecycle(out, appId, scanId, rec, flaws);
        }
        out.rows.get("app").add(RowFactory.create(appId, appKey, name, platform, category, vendor, appUpdated,
                ((Long) versions.values().iterator().next()[9])));
        for (Object[] v : versions.values()) out.rows.get("app_version").add(RowFactory.create(v));
        for (FlawState f : flaws.values()) {
            out.rows.get("flaw").add(RowFactory.create(f.id, appId, f.fingerprint, f.ruleId, f.cwe, f.severity, f.state,
                    f.firstSeenScan, f.firstSeenAt, f.lastSeenScan, f.lastSeenAt, f.fixedScan, f.fixedAt, f.reopenCount));
        }
        return out;
    }

    /** One successful scan applied to the app's flaws, as {@code Store.lifecycle} applies it to the flaw table. */
    private static void lifecycle(StoreShape out, long appId, long scanId, ScanRecord rec, Map<String, FlawState> flaws) {
        Map<String, String> states = new HashMap<>();
        flaws.forEach((fp, f) -> states.put(fp, f.state));
        List<String> fingerprints = new ArrayList<>();
        for (ScanRecord.StoredFinding f : rec.findings()) fingerprints.add(f.fingerprint());
        Lifecycle.Step step = Lifecycle.step(states, fingerprints);
        long at = rec.finishedAt();
        int events = 0;
        for (int i = 0; i < rec.findings().size(); i++) {
            ScanRecord.StoredFinding f = rec.findings().get(i);
            String state = step.states().get(i);
            FlawState flaw = flaws.get(f.fingerprint());
            if (step.first().get(i)) {
                if (Lifecycle.NEW.equals(state)) {
                    flaw = new FlawState();
                    flaw.id = (scanId << SHIFT) + i;
                    flaw.fingerprint = f.fingerprint();
                    flaw.firstSeenScan = scanId;
                    flaw.firstSeenAt = at;
                    flaws.put(f.fingerprint(), flaw);
                    out.rows.get("flaw_event").add(RowFactory.create((scanId << SHIFT) + events++, flaw.id, scanId, state, at));
                } else if (Lifecycle.REOPENED.equals(state)) {
                    flaw.reopenCount++;
                    out.rows.get("flaw_event").add(RowFactory.create((scanId << SHIFT) + events++, flaw.id, scanId, state, at));
                }
                flaw.state = state;
                flaw.ruleId = f.ruleId();
                flaw.cwe = f.cwe();
                flaw.severity = f.severity();
                flaw.lastSeenScan = scanId;
                flaw.lastSeenAt = at;
            }
            out.rows.get("finding").add(RowFactory.create((scanId << SHIFT) + i, scanId, flaw.id, i, state, f.fingerprint(),
                    f.ruleId(), f.cwe(), f.severity(), nz(f.confidence()), nz(f.className()), nz(f.methodName()),
                    nz(f.sourcePath()), f.line(), nz(f.message())));
        }
        for (String fp : step.fixed()) {
            FlawState flaw = flaws.get(fp);
            flaw.state = Lifecycle.FIXED;
            flaw.fixedScan = scanId;
            flaw.fixedAt = at;
            out.rows.get("flaw_event").add(RowFactory.create((scanId << SHIFT) + events++, flaw.id, scanId, Lifecycle.FIXED, at));
        }
    }

    static ScanRecord record(Row r) {
        try {
            return ScanTask.JSON.readValue((String) r.getAs("record_json"), ScanRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T coalesce(Object a, Object b) {
        return (T) (a != null ? a : b);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
