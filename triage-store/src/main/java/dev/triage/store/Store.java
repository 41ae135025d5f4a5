package dev.triage.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.flywaydb.core.Flyway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The scan history: apps, their versions, scans, findings, components and advisories, the flaw lifecycle across
 * scans, and triage decisions. One repository layer over plain JDBC, on an embedded H2 file (the default) or
 * PostgreSQL (a {@code jdbc:postgresql:} URL); the schema is migrated by Flyway when the store is opened.
 *
 * <p>One connection, used by one thread at a time (methods are synchronized): a store write takes milliseconds
 * against seconds per scan, so serialising writes costs nothing and keeps the lifecycle of each app in order.
 * Every write is one transaction: a scan is stored whole (with its lifecycle changes and audit event) or not at all.
 */
public final class Store implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final String MIGRATIONS = "classpath:db/triage-store";
    private static final String HISTORY_TABLE = "triage_schema_history";

    /** Flyway logs every migration check through java.util.logging; a command's output should not carry that. */
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private final Connection connection;
    private final String description;

    private Store(Connection connection, String description) {
        this.connection = connection;
        this.description = description;
    }

    /**
     * Opens (creating and migrating when needed) the store at {@code location}: a {@code jdbc:postgresql:} or
     * {@code jdbc:h2:} URL, a path (an H2 file store there), or null/blank for the default embedded store
     * ({@link #defaultLocation()}). PostgreSQL credentials come from the URL's {@code user} and {@code password}
     * parameters, else from {@code TRIAGE_STORE_USER} and {@code TRIAGE_STORE_PASSWORD}.
     */
    public static Store open(String location) {
        String url = jdbcUrl(location);
        Properties props = new Properties();
        if (url.startsWith("jdbc:postgresql:")) {
            String user = System.getenv("TRIAGE_STORE_USER");
            String password = System.getenv("TRIAGE_STORE_PASSWORD");
            if (user != null && !url.contains("user=")) props.setProperty("user", user);
            if (password != null && !url.contains("password=")) props.setProperty("password", password);
        } else if (!url.startsWith("jdbc:h2:")) {
            throw new StoreException("unsupported store URL (jdbc:postgresql:... or jdbc:h2:... or a path): " + redact(url));
        }
        try {
            if (url.startsWith("jdbc:h2:file:")) Files.createDirectories(h2File(url).getParent());
            migrate(url, props);
            Connection c = DriverManager.getConnection(url, props);
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            return new Store(c, redact(url));
        } catch (SQLException e) {
            throw new StoreException("cannot open the store " + redact(url) + ": " + firstLine(e), e);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the store's directory for " + redact(url) + ": " + e.getMessage(), e);
        } catch (org.flywaydb.core.api.FlywayException e) {
            throw new StoreException("cannot migrate the store " + redact(url) + ": " + firstLine(e), e);
        }
    }

    /** {@code $TRIAGE_STORE}, else {@code $XDG_DATA_HOME/triage/store/triage}, else {@code ~/.local/share/triage/store/triage}. */
    public static String defaultLocation() {
        String env = System.getenv("TRIAGE_STORE");
        if (env != null && !env.isBlank()) return env;
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("triage").resolve("store").resolve("triage").toString();
    }

    static String jdbcUrl(String location) {
        String loc = location == null || location.isBlank() ? defaultLocation() : location.strip();
        if (loc.startsWith("jdbc:")) return loc;
        // An H2 file: the path without H2's ".mv.db" suffix. Refuse other processes' connections while we write
        // (FILE_LOCK=FILE, H2's default) and keep the database open between our own connections.
        String path = loc.endsWith(".mv.db") ? loc.substring(0, loc.length() - ".mv.db".length()) : loc;
        return "jdbc:h2:file:" + Path.of(path).toAbsolutePath().normalize() + ";DB_CLOSE_DELAY=-1";
    }

    private static Path h2File(String url) {
        String rest = url.substring("jdbc:h2:file:".length());
        int semi = rest.indexOf(';');
        return Path.of(semi < 0 ? rest : rest.substring(0, semi)).toAbsolutePath();
    }

    private static void migrate(String url, Properties props) {
        Flyway.configure(Store.class.getClassLoader())
                .dataSource(url, props.getProperty("user"), props.getProperty("password"))
                .locations(MIGRATIONS)
                .table(HISTORY_TABLE)
                .load()
                .migrate();
    }

    /** The store's URL with any password removed, for messages. */
    public String description() {
        return description;
    }

    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String firstLine(Throwable e) {
        String m = Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Scans

    /** What {@link #recordScan} stored. */
    public record Stored(long appId, long versionId, long scanId, int newFlaws, int reopened, int fixed) {
    }

    /**
     * Stores one scan of one app version, and — when the scan succeeded — moves the app's flaws along their
     * lifecycle: a fingerprint never seen is {@code new}; one seen before is {@code open}; one that was fixed and is
     * back is {@code reopened}; a flaw of the app missing from this scan is {@code fixed}. A failed scan changes no
     * flaw (it says nothing about them). All in one transaction.
     */
    public synchronized Stored recordScan(AppInfo app, VersionInfo version, ScanRecord scan, Long runId, String actor) {
        return inTransaction(c -> {
            long appId = upsertApp(c, app, scan.startedAt());
            long versionId = upsertVersion(c, appId, version, scan, app.storeUpdatedDay());
            long scanId = Jdbc.insert(c, """
                    INSERT INTO scan (app_id, app_version_id, run_id, started_at, finished_at, scan_day, tool_version,
                      rules_version, status, failure_kind, failure_reason, app_classes, code_bytes, finding_count,
                      problem_count, duration_ms)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    appId, versionId, runId, scan.startedAt(), scan.finishedAt(), ScanRecords.epochDay(scan.startedAt()),
                    scan.toolVersion(), scan.rulesVersion(), scan.status(), scan.failureKind(),
                    truncate(scan.failureReason(), 4000), scan.appClasses(), scan.codeBytes(), scan.findings().size(),
                    scan.problems().size(), Math.max(0, scan.finishedAt() - scan.startedAt()));
            int ordinal = 0;
            for (ScanRecord.Problem p : scan.problems()) {
                Jdbc.update(c, "INSERT INTO scan_problem (scan_id, ordinal, input, entry, reason) VALUES (?, ?, ?, ?, ?)",
                        scanId, ordinal++, truncate(p.input(), 2048), truncate(p.entry(), 2048), truncate(p.reason(), 4000));
            }
            List<Long> componentIds = new ArrayList<>();
            ordinal = 0;
            for (ScanRecord.StoredComponent k : scan.components()) {
                componentIds.add(Jdbc.insert(c, """
                        INSERT INTO component (scan_id, ordinal, group_id, artifact_id, version, purl, identified_by,
                          file_name, path, sha1, sha256, shaded_in, release_day)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        scanId, ordinal++, nz(k.groupId()), nz(k.artifactId()), nz(k.version()), nz(k.purl()),
                        nz(k.identifiedBy()), truncate(nz(k.fileName()), 1024), truncate(nz(k.path()), 2048),
                        nz(k.sha1()), nz(k.sha256()), nz(k.shadedIn()), k.releaseDay()));
            }
            for (ScanRecord.StoredAdvisory a : scan.advisories()) {
                if (a.component() < 0 || a.component() >= componentIds.size()) continue;
                Jdbc.insert(c, """
                        INSERT INTO component_advisory (scan_id, component_id, advisory_id, primary_alias, aliases,
                          summary, score, severity, fixed_version, reachability)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        scanId, componentIds.get(a.component()), a.advisoryId(), nz(a.primaryAlias()),
                        truncate(String.join(",", a.aliases()), 2048), truncate(nz(a.summary()), 4000), a.score(),
                        a.severity(), nz(a.fixedVersion()), nz(a.reachability()));
            }
            int[] counts = scan.ok() ? lifecycle(c, appId, scanId, scan) : new int[3];
            audit(c, scan.finishedAt(), actor, "scan-stored", "scan", scanId,
                    app.key() + " " + version.artifactName() + ": " + scan.status()
                            + (scan.ok() ? ", " + scan.findings().size() + " findings" : ", " + scan.failureKind()));
            return new Stored(appId, versionId, scanId, counts[0], counts[1], counts[2]);
        });
    }

    private long upsertApp(Connection c, AppInfo app, long now) throws SQLException {
        Optional<Long> id = Jdbc.one(c, "SELECT id FROM app WHERE app_key = ?", rs -> rs.getLong(1), app.key());
        if (id.isEmpty()) {
            return Jdbc.insert(c, """
                    INSERT INTO app (app_key, name, platform, category, vendor, store_updated_day, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    app.key(), truncate(app.name(), 512), app.platform(), app.category(), app.vendor(),
                    app.storeUpdatedDay(), now);
        }
        // What the latest manifest says wins; what it leaves out is kept.
        Jdbc.update(c, """
                UPDATE app SET name = ?, platform = ?, category = COALESCE(?, category), vendor = COALESCE(?, vendor),
                  store_updated_day = COALESCE(?, store_updated_day) WHERE id = ?""",
                truncate(app.name(), 512), app.platform(), app.category(), app.vendor(), app.storeUpdatedDay(), id.get());
        return id.get();
    }

    private long upsertVersion(Connection c, long appId, VersionInfo v, ScanRecord scan, Integer storeUpdatedDay)
            throws SQLException {
        Optional<Long> id = Jdbc.one(c, "SELECT id FROM app_version WHERE app_id = ? AND artifact_sha256 = ?",
                rs -> rs.getLong(1), appId, v.sha256());
        if (id.isEmpty()) {
            return Jdbc.insert(c, """
                    INSERT INTO app_version (app_id, artifact_sha256, artifact_name, artifact_bytes, version, build_day,
                      build_source, store_updated_day, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    appId, v.sha256(), truncate(v.artifactName(), 1024), v.artifactBytes(), v.version(), scan.buildDay(),
                    truncate(scan.buildSource(), 256), storeUpdatedDay, scan.startedAt());
        }
        Jdbc.update(c, """
                UPDATE app_version SET version = COALESCE(?, version), build_day = COALESCE(?, build_day),
                  build_source = COALESCE(?, build_source), store_updated_day = COALESCE(?, store_updated_day)
                WHERE id = ?""",
                v.version(), scan.buildDay(), truncate(scan.buildSource(), 256), storeUpdatedDay, id.get());
        return id.get();
    }

    private record FlawRow(long id, String state) {
    }

    /** Returns {new, reopened, fixed}: {@link Lifecycle#step} applied to the app's flaw rows. */
    private int[] lifecycle(Connection c, long appId, long scanId, ScanRecord scan) throws SQLException {
        Map<String, FlawRow> known = new TreeMap<>();
        Map<String, String> states = new HashMap<>();
        for (Object[] row : Jdbc.list(c, "SELECT id, fingerprint, state FROM flaw WHERE app_id = ?",
                rs -> new Object[]{rs.getLong(1), rs.getString(2), rs.getString(3)}, appId)) {
            known.put((String) row[1], new FlawRow((Long) row[0], (String) row[2]));
            states.put((String) row[1], (String) row[2]);
        }
        List<String> fingerprints = new ArrayList<>();
        for (ScanRecord.StoredFinding f : scan.findings()) fingerprints.add(f.fingerprint());
        Lifecycle.Step step = Lifecycle.step(states, fingerprints);
        long at = scan.finishedAt();
        int created = 0, reopened = 0;
        Map<String, Long> flawIds = new HashMap<>();
        for (int ordinal = 0; ordinal < scan.findings().size(); ordinal++) {
            ScanRecord.StoredFinding f = scan.findings().get(ordinal);
            String state = step.states().get(ordinal);
            Long flawId;
            if (!step.first().get(ordinal)) {
                flawId = flawIds.get(f.fingerprint());
            } else if (Lifecycle.NEW.equals(state)) {
                flawId = Jdbc.insert(c, """
                        INSERT INTO flaw (app_id, fingerprint, rule_id, cwe, severity, state, first_seen_scan,
                          first_seen_at, last_seen_scan, last_seen_at, reopen_count)
                        VALUES (?, ?, ?, ?, ?, 'new', ?, ?, ?, ?, 0)""",
                        appId, f.fingerprint(), f.ruleId(), f.cwe(), f.severity(), scanId, at, scanId, at);
                event(c, flawId, scanId, Lifecycle.NEW, at);
                created++;
            } else {
                flawId = known.get(f.fingerprint()).id();
                Jdbc.update(c, """
                        UPDATE flaw SET state = ?, severity = ?, rule_id = ?, cwe = ?, last_seen_scan = ?,
                          last_seen_at = ?, reopen_count = reopen_count + ? WHERE id = ?""",
                        state, f.severity(), f.ruleId(), f.cwe(), scanId, at, Lifecycle.REOPENED.equals(state) ? 1 : 0, flawId);
                if (Lifecycle.REOPENED.equals(state)) {
                    event(c, flawId, scanId, Lifecycle.REOPENED, at);
                    reopened++;
                }
            }
            flawIds.put(f.fingerprint(), flawId);
            Jdbc.update(c, """
                    INSERT INTO finding (scan_id, flaw_id, ordinal, state, fingerprint, rule_id, cwe, severity, confidence,
                      class_name, method_name, method_descriptor, source_path, line, origin, message, path_json,
                      properties_json)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    scanId, flawId, ordinal, state, f.fingerprint(), f.ruleId(), f.cwe(), f.severity(),
                    nz(f.confidence()), truncate(nz(f.className()), 1024), truncate(nz(f.methodName()), 512),
                    truncate(nz(f.methodDescriptor()), 2048), truncate(nz(f.sourcePath()), 2048), f.line(),
                    truncate(nz(f.origin()), 2048), truncate(nz(f.message()), 4000),
                    truncate(json(f.path()), 100000), truncate(json(new TreeMap<>(f.properties())), 8000));
        }
        for (String fp : step.fixed()) { // fingerprint order: fixed events are stored in a stable order
            long id = known.get(fp).id();
            Jdbc.update(c, "UPDATE flaw SET state = 'fixed', fixed_scan = ?, fixed_at = ? WHERE id = ?", scanId, at, id);
            event(c, id, scanId, Lifecycle.FIXED, at);
        }
        return new int[]{created, reopened, step.fixed().size()};
    }

    private static void event(Connection c, long flawId, long scanId, String event, long at) throws SQLException {
        Jdbc.update(c, "INSERT INTO flaw_event (flaw_id, scan_id, event, occurred_at) VALUES (?, ?, ?, ?)",
                flawId, scanId, event, at);
    }

    private static void audit(Connection c, long at, String actor, String action, String subjectType, long subjectId,
                              String detail) throws SQLException {
        Jdbc.update(c, """
                INSERT INTO audit_event (occurred_at, actor, action, subject_type, subject_id, detail)
                VALUES (?, ?, ?, ?, ?, ?)""", at, truncate(actor == null ? "triage" : actor, 256), action,
                subjectType, subjectId, truncate(detail, 4000));
    }

    /**
     * True when the app's latest stored scan is of this artifact: a successful one, or (unless {@code retryFailed}) a
     * failed one. A portfolio scan skips such apps, which is what makes it resumable; an app listed again with an
     * artifact it had before a newer one (a rollback) is scanned again, so its flaws come back as reopened.
     */
    public synchronized boolean scanned(String appKey, String sha256, boolean retryFailed) {
        return inTransaction(c -> Jdbc.one(c, """
                SELECT s.status, v.artifact_sha256 FROM scan s JOIN app a ON a.id = s.app_id
                  JOIN app_version v ON v.id = s.app_version_id
                WHERE a.app_key = ? ORDER BY s.id DESC FETCH FIRST 1 ROWS ONLY""",
                rs -> rs.getString(2).equals(sha256) && (!retryFailed || ScanRecord.OK.equals(rs.getString(1))), appKey)
                .orElse(false));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Portfolio runs

    /** An unfinished run of this source, to resume; else empty. */
    public synchronized Optional<Long> unfinishedRun(String source) {
        return inTransaction(c -> Jdbc.one(c,
                "SELECT id FROM portfolio_run WHERE source = ? AND status = 'running' ORDER BY id DESC",
                rs -> rs.getLong(1), source));
    }

    public synchronized long startRun(String source, String toolVersion, String settingsJson, int appsListed, long at) {
        return inTransaction(c -> {
            long id = Jdbc.insert(c, """
                    INSERT INTO portfolio_run (source, status, started_at, tool_version, settings, apps_listed)
                    VALUES (?, 'running', ?, ?, ?, ?)""", truncate(source, 2048), at, toolVersion,
                    truncate(settingsJson, 4000), appsListed);
            audit(c, at, "triage", "run-started", "portfolio_run", id, source);
            return id;
        });
    }

    public synchronized void finishRun(long runId, long at) {
        inTransaction(c -> {
            Jdbc.update(c, "UPDATE portfolio_run SET status = 'finished', finished_at = ? WHERE id = ?", at, runId);
            audit(c, at, "triage", "run-finished", "portfolio_run", runId, "");
            return null;
        });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Triage decisions

    /** One decision as listed. */
    public record Decision(long id, long flawId, String appKey, String fingerprint, String ruleId, String kind,
                           String reason, String proposedBy, long proposedAt, String status, String reviewedBy,
                           Long reviewedAt, String reviewNote) {
    }

    /**
     * Proposes a mitigation of a flaw. Refused when the flaw already has a pending proposal or an approved
     * mitigation (revoke it first): a flaw has at most one decision in force.
     */
    public synchronized long propose(long flawId, Mitigation kind, String reason, String by, long at) {
        requireText(reason, "a reason");
        requireText(by, "who proposes it");
        return inTransaction(c -> {
            if (Jdbc.one(c, "SELECT id FROM flaw WHERE id = ?", rs -> rs.getLong(1), flawId).isEmpty()) {
                throw new StoreException("no flaw " + flawId);
            }
            Optional<String> open = Jdbc.one(c, """
                    SELECT status FROM decision WHERE flaw_id = ? AND status IN ('proposed', 'approved')""",
                    rs -> rs.getString(1), flawId);
            if (open.isPresent()) {
                throw new StoreException("flaw " + flawId + " already has an " + open.get()
                        + " decision" + ("approved".equals(open.get()) ? ": revoke it first" : ": approve or reject it first"));
            }
            long id = Jdbc.insert(c, """
                    INSERT INTO decision (flaw_id, kind, reason, proposed_by, proposed_at, status)
                    VALUES (?, ?, ?, ?, ?, 'proposed')""", flawId, kind.id(), truncate(reason, 4000),
                    truncate(by, 256), at);
            audit(c, at, by, "decision-proposed", "decision", id, "flaw " + flawId + ": " + kind.id() + ": " + reason);
            return id;
        });
    }

    /** Approves a proposed decision; the reviewer must be someone other than the proposer. */
    public synchronized void approve(long decisionId, String by, String note, long at) {
        review(decisionId, by, note, at, "proposed", "approved", true);
    }

    /** Rejects a proposed decision; the reviewer must be someone other than the proposer. */
    public synchronized void reject(long decisionId, String by, String note, long at) {
        review(decisionId, by, note, at, "proposed", "rejected", true);
    }

    /** Withdraws an approved mitigation: the flaw counts again from the next report on. */
    public synchronized void revoke(long decisionId, String by, String note, long at) {
        review(decisionId, by, note, at, "approved", "revoked", false);
    }

    private void review(long decisionId, String by, String note, long at, String from, String to, boolean otherPerson) {
        requireText(by, "who reviews it");
        inTransaction(c -> {
            Optional<String[]> d = Jdbc.one(c, "SELECT status, proposed_by FROM decision WHERE id = ?",
                    rs -> new String[]{rs.getString(1), rs.getString(2)}, decisionId);
            if (d.isEmpty()) throw new StoreException("no decision " + decisionId);
            if (!from.equals(d.get()[0])) {
                throw new StoreException("decision " + decisionId + " is " + d.get()[0] + ", not " + from);
            }
            if (otherPerson && d.get()[1].equalsIgnoreCase(by.strip())) {
                throw new StoreException("decision " + decisionId + " was proposed by " + by
                        + ": someone else must review it");
            }
            Jdbc.update(c, "UPDATE decision SET status = ?, reviewed_by = ?, reviewed_at = ?, review_note = ? WHERE id = ?",
                    to, truncate(by, 256), at, truncate(note == null ? "" : note, 4000), decisionId);
            audit(c, at, by, "decision-" + to, "decision", decisionId, note == null ? "" : note);
            return null;
        });
    }

    /** Decisions, newest first; only pending ones when {@code pendingOnly}. */
    public synchronized List<Decision> decisions(boolean pendingOnly) {
        return inTransaction(c -> Jdbc.list(c, """
                SELECT d.id, d.flaw_id, a.app_key, f.fingerprint, f.rule_id, d.kind, d.reason, d.proposed_by,
                  d.proposed_at, d.status, d.reviewed_by, d.reviewed_at, d.review_note
                FROM decision d JOIN flaw f ON f.id = d.flaw_id JOIN app a ON a.id = f.app_id"""
                + (pendingOnly ? " WHERE d.status = 'proposed'" : "") + " ORDER BY d.id DESC",
                rs -> new Decision(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9), rs.getString(10),
                        rs.getString(11), Jdbc.longOrNull(rs, "reviewed_at"), rs.getString(13))));
    }

    /** Fingerprints of the app's flaws under an approved mitigation (left out of the policy). */
    public synchronized Map<String, String> mitigatedFingerprints(String appKey) {
        return inTransaction(c -> {
            Map<String, String> out = new TreeMap<>();
            for (String[] r : Jdbc.list(c, """
                    SELECT f.fingerprint, d.kind FROM decision d JOIN flaw f ON f.id = d.flaw_id JOIN app a ON a.id = f.app_id
                    WHERE a.app_key = ? AND d.status = 'approved'""",
                    rs -> new String[]{rs.getString(1), rs.getString(2)}, appKey)) {
                out.put(r[0], r[1]);
            }
            return out;
        });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Flaws

    /** A flaw with where it was last seen and its mitigation, if one is approved or proposed. */
    public record Flaw(long id, String appKey, String fingerprint, String ruleId, int cwe, int severity, String state,
                       long firstSeenAt, long lastSeenAt, Long fixedAt, int reopenCount, String location,
                       String message, String mitigation, String mitigationStatus) {
    }

    /** Flaws of one app (or all apps when {@code appKey} is null), optionally in one state; ordered by app and id. */
    public synchronized List<Flaw> flaws(String appKey, String state) {
        StringBuilder sql = new StringBuilder("""
                SELECT f.id, a.app_key, f.fingerprint, f.rule_id, f.cwe, f.severity, f.state, f.first_seen_at,
                  f.last_seen_at, f.fixed_at, f.reopen_count,
                  (SELECT g.class_name || '|' || g.method_name || '|' || g.source_path || '|' || g.line || '|' || g.message
                     FROM finding g WHERE g.flaw_id = f.id AND g.scan_id = f.last_seen_scan ORDER BY g.ordinal
                     FETCH FIRST 1 ROWS ONLY) AS last_finding,
                  (SELECT d.kind || '|' || d.status FROM decision d WHERE d.flaw_id = f.id
                     AND d.status IN ('proposed', 'approved') ORDER BY d.id DESC FETCH FIRST 1 ROWS ONLY) AS mitigation
                FROM flaw f JOIN app a ON a.id = f.app_id WHERE 1 = 1""");
        List<Object> params = new ArrayList<>();
        if (appKey != null) {
            sql.append(" AND a.app_key = ?");
            params.add(appKey);
        }
        if (state != null) {
            sql.append(" AND f.state = ?");
            params.add(state);
        }
        sql.append(" ORDER BY a.app_key, f.id");
        return inTransaction(c -> Jdbc.list(c, sql.toString(), rs -> {
            String[] last = Objects.requireNonNullElse(rs.getString("last_finding"), "||||").split("\\|", 5);
            String loc = !last[2].isEmpty() ? last[2] + (!"0".equals(last[3]) ? ":" + last[3] : "")
                    : last[0] + (last[1].isEmpty() ? "" : "." + last[1]);
            String mit = rs.getString("mitigation");
            String[] m = mit == null ? new String[]{null, null} : mit.split("\\|", 2);
            return new Flaw(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                    rs.getInt(6), rs.getString(7), rs.getLong(8), rs.getLong(9), Jdbc.longOrNull(rs, "fixed_at"),
                    rs.getInt(11), loc, last.length > 4 ? last[4] : "", m[0], m[1]);
        }, params.toArray()));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Reference data and read access for reports

    /** Replaces the rule categories and indicator rule sets the report's queries join (one transaction). */
    public synchronized void replaceReferenceData(Map<String, Map<String, String>> categoriesBySchemeAndRule,
                                                  Map<String, List<String>> indicatorRules) {
        inTransaction(c -> {
            Jdbc.update(c, "DELETE FROM rule_category");
            Jdbc.update(c, "DELETE FROM indicator_rule");
            for (var scheme : new TreeMap<>(categoriesBySchemeAndRule).entrySet()) {
                for (var rule : new TreeMap<>(scheme.getValue()).entrySet()) {
                    Jdbc.update(c, "INSERT INTO rule_category (scheme, rule_id, category) VALUES (?, ?, ?)",
                            scheme.getKey(), rule.getKey(), rule.getValue());
                }
            }
            for (var ind : new TreeMap<>(indicatorRules).entrySet()) {
                for (String rule : new java.util.TreeSet<>(ind.getValue())) {
                    Jdbc.update(c, "INSERT INTO indicator_rule (indicator, rule_id) VALUES (?, ?)", ind.getKey(), rule);
                }
            }
            return null;
        });
    }

    /**
     * Runs a read-only query and returns its rows as column-name → value maps (column names lower-cased; numbers as
     * {@link Long} or {@link Double}). The report's figures are such queries.
     */
    public synchronized List<Map<String, Object>> query(String sql, Object... params) {
        return inTransaction(c -> Jdbc.list(c, sql, Store::row, params));
    }

    private static Map<String, Object> row(ResultSet rs) throws SQLException {
        var md = rs.getMetaData();
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            Object v = rs.getObject(i);
            if (v instanceof Integer || v instanceof Short || v instanceof Byte) v = ((Number) v).longValue();
            else if (v instanceof java.math.BigDecimal b) v = b.scale() <= 0 ? (Object) b.longValueExact() : b.doubleValue();
            else if (v instanceof java.math.BigInteger b) v = b.longValueExact();
            else if (v instanceof Float f) v = f.doubleValue();
            out.put(md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), v);
        }
        return out;
    }

    /** Which database this is: {@code h2} or {@code postgresql}. */
    public String vendor() {
        return description.startsWith("jdbc:postgresql:") ? "postgresql" : "h2";
    }

    @Override
    public synchronized void close() {
        try {
            if (vendor().equals("h2")) {
                // DB_CLOSE_DELAY=-1 keeps an embedded database open for the JVM's life; close it with the store.
                try {
                    Jdbc.execute(connection, "SHUTDOWN");
                } catch (SQLException ignored) {
                    // already closed
                }
            }
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the store: " + firstLine(e), e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Transactions for the server's own tables (accounts, tokens, sessions, scan jobs: see V2__server.sql)

    /** The statements one {@link #transaction} may run: bound parameters only, like every statement of the store. */
    public interface Tx {
        /** Rows as column-name → value maps, like {@link Store#query}. */
        List<Map<String, Object>> query(String sql, Object... params) throws SQLException;

        /** Rows changed. */
        int update(String sql, Object... params) throws SQLException;

        /** The generated id of the inserted row. */
        long insert(String sql, Object... params) throws SQLException;

        /** One audit event (who did what, when), in this transaction. */
        void audit(long at, String actor, String action, String subjectType, long subjectId, String detail)
                throws SQLException;
    }

    /** Work done in one {@link #transaction}. */
    @FunctionalInterface
    public interface TxWork<T> {
        T run(Tx tx) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws (a
     * {@link StoreException} passes through, any other failure of the database becomes one).
     */
    public synchronized <T> T transaction(TxWork<T> work) {
        return inTransaction(c -> work.run(new Tx() {
            @Override
            public List<Map<String, Object>> query(String sql, Object... params) throws SQLException {
                return Jdbc.list(c, sql, Store::row, params);
            }

            @Override
            public int update(String sql, Object... params) throws SQLException {
                return Jdbc.update(c, sql, params);
            }

            @Override
            public long insert(String sql, Object... params) throws SQLException {
                return Jdbc.insert(c, sql, params);
            }

            @Override
            public void audit(long at, String actor, String action, String subjectType, long subjectId, String detail)
                    throws SQLException {
                Store.audit(c, at, actor, action, subjectType, subjectId, detail);
            }
        }));
    }

    // ---------------------------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) {
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the original failure is what matters
            }
            if (e instanceof StoreException se) throw se;
            if (e instanceof RuntimeException re) throw re;
            throw new StoreException("store: " + firstLine(e), e);
        }
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String truncate(String s, int max) {
        if (s == null) return null;
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static void requireText(String s, String what) {
        if (s == null || s.isBlank()) throw new StoreException("missing " + what);
    }
}
