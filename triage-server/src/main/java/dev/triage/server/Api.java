package dev.triage.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.portfolio.PortfolioReport;
import dev.triage.store.Mitigation;
import dev.triage.store.Store;
import dev.triage.store.StoreException;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The REST API, version 1 ({@code /api/v1}), described by {@code /openapi.json}. Reads return what the caller's teams
 * may see — an app outside them is answered 404, as if it did not exist — and writes check the caller's role.
 * Column names are the store's (snake_case); times are epoch milliseconds.
 */
final class Api {
    static final String V1 = "/api/v1";
    /** Artifacts Triage scans (the same list as a portfolio directory's). */
    static final Set<String> ARTIFACT_EXTENSIONS = Set.of(".war", ".ear", ".jar", ".apk", ".aab", ".aar", ".dex");
    static final int MAX_PAGE = 1000;

    private final TriageServer server;
    private final Store store;
    private final Accounts accounts;

    Api(TriageServer server) {
        this.server = server;
        this.store = server.store();
        this.accounts = server.accounts();
    }

    void routes(JavalinDefaultRoutingApi r) {
        r.get("/openapi.json", ctx -> {
            try (InputStream in = Api.class.getResourceAsStream("openapi.json")) {
                ctx.contentType("application/json").result(in.readAllBytes());
            }
        });
        r.get(V1 + "/health", ctx -> ctx.json(Map.of("status", "ok", "version", server.options().toolVersion())));
        r.get(V1 + "/me", ctx -> {
            Principal p = principal(ctx);
            Map<String, Object> me = new LinkedHashMap<>();
            me.put("name", p.name());
            me.put("role", p.role().id());
            me.put("teams", store.query("""
                    SELECT t.id, t.name FROM team t JOIN team_member tm ON tm.team_id = t.id WHERE tm.user_id = ?
                    ORDER BY t.id""", p.userId()));
            ctx.json(me);
        });

        r.post(V1 + "/apps/{app}/uploads", this::upload);
        r.get(V1 + "/jobs", this::jobs);
        r.get(V1 + "/jobs/{id}", ctx -> ctx.json(job(principal(ctx), id(ctx, "id"))));

        r.get(V1 + "/apps", this::apps);
        r.get(V1 + "/apps/{app}", ctx -> ctx.json(app(principal(ctx), ctx.pathParam("app"))));
        r.get(V1 + "/apps/{app}/versions", ctx -> {
            Map<String, Object> app = app(principal(ctx), ctx.pathParam("app"));
            ctx.json(items(store.query("""
                    SELECT id, artifact_sha256, artifact_name, artifact_bytes, version, build_day, created_at
                    FROM app_version WHERE app_id = ? ORDER BY id DESC""", app.get("id"))));
        });
        r.get(V1 + "/apps/{app}/scans", ctx -> {
            Map<String, Object> app = app(principal(ctx), ctx.pathParam("app"));
            ctx.json(items(store.query(SCAN_COLUMNS + " WHERE s.app_id = ? ORDER BY s.id DESC", app.get("id"))));
        });
        r.get(V1 + "/apps/{app}/findings", ctx -> {
            Map<String, Object> app = app(principal(ctx), ctx.pathParam("app"));
            ctx.json(items(flaws(ctx, principal(ctx), (String) app.get("app_key"))));
        });
        r.get(V1 + "/findings", ctx -> ctx.json(items(flaws(ctx, principal(ctx), null))));
        r.get(V1 + "/findings/{id}", ctx -> ctx.json(flaw(principal(ctx), id(ctx, "id"))));
        r.post(V1 + "/findings/{id}/decisions", this::propose);

        r.get(V1 + "/scans/{id}", ctx -> ctx.json(scan(principal(ctx), id(ctx, "id"))));
        r.get(V1 + "/scans/{id}/findings", this::scanFindings);
        r.get(V1 + "/scans/{id}/components", this::components);
        r.get(V1 + "/scans/{id}/reports/{format}", this::report);

        r.get(V1 + "/decisions", this::decisions);
        r.post(V1 + "/decisions/{id}/approve", ctx -> review(ctx, "approve"));
        r.post(V1 + "/decisions/{id}/reject", ctx -> review(ctx, "reject"));
        r.post(V1 + "/decisions/{id}/revoke", ctx -> review(ctx, "revoke"));

        r.get(V1 + "/portfolio/report", ctx -> {
            requireAdmin(principal(ctx), "the portfolio report covers every app");
            int staleYears = intParam(ctx, "staleYears", 2, 1, 100);
            ctx.json(PortfolioReport.of(store, staleYears, server.options().toolVersion()));
        });

        r.get(V1 + "/tokens", ctx -> ctx.json(items(accounts.tokens(principal(ctx)))));
        r.post(V1 + "/tokens", ctx -> {
            Principal p = principal(ctx);
            Accounts.NewToken t = accounts.createToken(p, text(body(ctx), "name"));
            ctx.status(201).json(Map.of("id", t.id(), "name", t.name(), "token", t.token()));
        });
        r.delete(V1 + "/tokens/{id}", ctx -> {
            accounts.revokeToken(principal(ctx), id(ctx, "id"));
            ctx.status(204);
        });

        r.get(V1 + "/users", ctx -> {
            requireAdmin(principal(ctx), "users are managed by admins");
            ctx.json(items(accounts.users()));
        });
        r.post(V1 + "/users", ctx -> {
            Principal p = principal(ctx);
            requireAdmin(p, "users are managed by admins");
            JsonNode b = body(ctx);
            String password = b.hasNonNull("password") ? b.get("password").asText() : null;
            Accounts.NewUser u = accounts.createUser(text(b, "name"), Role.of(text(b, "role")), password, p.name());
            ctx.status(201).json(Map.of("id", u.id(), "name", u.name(), "role", u.role().id()));
        });
        r.get(V1 + "/teams", ctx -> {
            requireAdmin(principal(ctx), "teams are managed by admins");
            ctx.json(items(accounts.teams()));
        });
        r.post(V1 + "/teams", ctx -> {
            Principal p = principal(ctx);
            requireAdmin(p, "teams are managed by admins");
            long id = accounts.createTeam(text(body(ctx), "name"), p.name());
            ctx.status(201).json(Map.of("id", id));
        });
        r.post(V1 + "/teams/{id}/members", ctx -> {
            Principal p = principal(ctx);
            requireAdmin(p, "teams are managed by admins");
            accounts.addMember(id(ctx, "id"), text(body(ctx), "user"), p.name());
            ctx.status(204);
        });
        r.post(V1 + "/teams/{id}/apps", ctx -> {
            Principal p = principal(ctx);
            requireAdmin(p, "teams are managed by admins");
            accounts.addApp(id(ctx, "id"), text(body(ctx), "app"), p.name());
            ctx.status(204);
        });
        r.get(V1 + "/audit", ctx -> {
            requireAdmin(principal(ctx), "the audit log is for admins");
            int limit = intParam(ctx, "limit", 100, 1, MAX_PAGE);
            int offset = intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
            String action = ctx.queryParam("action");
            ctx.json(items(action == null
                    ? store.query("SELECT * FROM audit_event ORDER BY id DESC OFFSET ? ROWS FETCH FIRST ? ROWS ONLY", offset, limit)
                    : store.query("SELECT * FROM audit_event WHERE action = ? ORDER BY id DESC OFFSET ? ROWS FETCH FIRST ? ROWS ONLY",
                    action, offset, limit)));
        });
    }

    // -------------------------------------------------------------------------------------------------------------
    // uploads and jobs

    private void upload(Context ctx) throws IOException {
        Principal p = principal(ctx);
        if (!p.role().canUpload()) throw ApiError.forbidden("a " + p.role().id() + " user cannot upload");
        String appKey = Accounts.requireAppKey(ctx.pathParam("app"));
        String name = artifactName(ctx.queryParam("name"));
        String version = ctx.queryParam("version");
        if (version != null && (version.length() > 200 || !version.matches("[A-Za-z0-9._+-]*"))) {
            throw ApiError.badRequest("bad version '" + Accounts.abbreviate(version) + "': letters, digits, . _ + -");
        }
        // who may add a scan to this app: its teams' members; a new app is given to the team named in ?team=
        String team = ctx.queryParam("team");
        if (accounts.owned(appKey)) {
            if (!accounts.canSee(p, appKey)) throw ApiError.notFound("no app '" + appKey + "'");
        } else if (team != null) {
            long teamId = parseId(team, "team");
            if (!p.role().canAdminister() && !accounts.member(p, teamId)) {
                throw ApiError.forbidden("you are not a member of team " + teamId);
            }
            accounts.addApp(teamId, appKey, p.name());
        } else if (!p.role().canAdminister()) {
            throw ApiError.badRequest("app '" + appKey + "' is new: name the team that owns it (?team=ID)");
        }
        if (!server.allowUpload(p)) {
            throw new ApiError(429, "too many uploads: at most " + server.options().uploadsPerMinute() + " a minute");
        }
        long max = server.options().maxUploadBytes();
        long declared = ctx.req().getContentLengthLong();
        if (declared > max) throw new ApiError(413, "the artifact is larger than the limit of " + max + " bytes");
        Path tmp = server.queue().newUploadFile();
        boolean queued = false;
        try {
            MessageDigest sha = sha256();
            long size = 0;
            try (InputStream in = new DigestInputStream(ctx.bodyInputStream(), sha); OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) > 0) {
                    size += n;
                    if (size > max) throw new ApiError(413, "the artifact is larger than the limit of " + max + " bytes");
                    out.write(buf, 0, n);
                }
            }
            if (size == 0) throw ApiError.badRequest("empty upload: send the artifact's bytes as the request body");
            String digest = HexFormat.of().formatHex(sha.digest());
            long job = server.queue().submit(appKey, name, digest, size, version == null || version.isBlank() ? null : version,
                    tmp, p.name());
            queued = true;
            ctx.status(202).header("Location", V1 + "/jobs/" + job).json(job(p, job));
        } finally {
            if (!queued) Files.deleteIfExists(tmp);
        }
    }

    /** The upload's display name: its last path segment, printable, with an artifact extension. */
    static String artifactName(String raw) {
        if (raw == null || raw.isBlank()) throw ApiError.badRequest("missing ?name= (the artifact's file name, e.g. app.war)");
        String n = raw.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).strip();
        if (n.isEmpty() || n.length() > 255 || !n.chars().allMatch(c -> c >= 0x20 && c != 0x7f)) {
            throw ApiError.badRequest("bad artifact name '" + Accounts.abbreviate(n) + "'");
        }
        String lower = n.toLowerCase(Locale.ROOT);
        if (ARTIFACT_EXTENSIONS.stream().noneMatch(lower::endsWith)) {
            throw ApiError.badRequest("not an artifact Triage scans: '" + Accounts.abbreviate(n) + "' (" + String.join(" ",
                    ARTIFACT_EXTENSIONS.stream().sorted().toList()) + ")");
        }
        return n;
    }

    private void jobs(Context ctx) {
        Principal p = principal(ctx);
        Accounts.Filter vis = accounts.visibleApps(p, "app_key");
        List<Object> params = new ArrayList<>(vis.params());
        String status = statusParam(ctx, List.of("queued", "running", "done", "failed"));
        StringBuilder sql = new StringBuilder(JOB_COLUMNS + " WHERE " + vis.sql());
        if (status != null) {
            sql.append(" AND status = ?");
            params.add(status);
        }
        ctx.json(items(page(ctx, sql, params, "id DESC")));
    }

    static final String JOB_COLUMNS = """
            SELECT id, app_key, artifact_name, artifact_sha256, artifact_bytes, version, status, attempts, submitted_by,
              submitted_at, started_at, finished_at, scan_id, error FROM scan_job""";

    Map<String, Object> job(Principal p, long id) {
        var rows = store.query(JOB_COLUMNS + " WHERE id = ?", id);
        if (rows.isEmpty() || !accounts.canSee(p, (String) rows.get(0).get("app_key"))) throw ApiError.notFound("no job " + id);
        Map<String, Object> job = new LinkedHashMap<>(rows.get(0));
        if ("queued".equals(job.get("status"))) {
            job.put("position", store.query("SELECT COUNT(*) AS n FROM scan_job WHERE status = 'queued' AND id < ?", id)
                    .get(0).get("n"));
        }
        return job;
    }

    // -------------------------------------------------------------------------------------------------------------
    // apps, scans, findings

    private void apps(Context ctx) {
        Principal p = principal(ctx);
        Accounts.Filter vis = accounts.visibleApps(p, "a.app_key");
        ctx.json(items(store.query(APP_COLUMNS + " WHERE " + vis.sql() + " ORDER BY a.app_key", vis.params().toArray())));
    }

    static final String APP_COLUMNS = """
            SELECT a.id, a.app_key, a.name, a.platform, a.category, a.vendor, a.created_at,
              (SELECT MAX(s.id) FROM scan s WHERE s.app_id = a.id) AS latest_scan_id,
              (SELECT COUNT(*) FROM scan s WHERE s.app_id = a.id) AS scans,
              (SELECT COUNT(*) FROM flaw f WHERE f.app_id = a.id AND f.state <> 'fixed' AND f.severity > 0
                 AND NOT EXISTS (SELECT 1 FROM decision d WHERE d.flaw_id = f.id AND d.status = 'approved')) AS open_flaws,
              (SELECT COUNT(*) FROM flaw f WHERE f.app_id = a.id AND f.state <> 'fixed' AND f.severity >= 4
                 AND NOT EXISTS (SELECT 1 FROM decision d WHERE d.flaw_id = f.id AND d.status = 'approved')) AS high_flaws
            FROM app a""";

    Map<String, Object> app(Principal p, String appKey) {
        if (appKey == null || !accounts.canSee(p, appKey)) throw ApiError.notFound("no app '" + Accounts.abbreviate(String.valueOf(appKey)) + "'");
        var rows = store.query(APP_COLUMNS + " WHERE a.app_key = ?", appKey);
        if (rows.isEmpty()) throw ApiError.notFound("app '" + appKey + "' has no scan yet");
        return rows.get(0);
    }

    static final String SCAN_COLUMNS = """
            SELECT s.id, a.app_key, s.app_version_id, v.artifact_name, v.artifact_sha256, v.version, s.started_at,
              s.finished_at, s.tool_version, s.rules_version, s.status, s.failure_kind, s.failure_reason, s.app_classes,
              s.code_bytes, s.finding_count, s.problem_count, s.duration_ms
            FROM scan s JOIN app a ON a.id = s.app_id JOIN app_version v ON v.id = s.app_version_id""";

    Map<String, Object> scan(Principal p, long id) {
        var rows = store.query(SCAN_COLUMNS + " WHERE s.id = ?", id);
        if (rows.isEmpty() || !accounts.canSee(p, (String) rows.get(0).get("app_key"))) throw ApiError.notFound("no scan " + id);
        Map<String, Object> scan = new LinkedHashMap<>(rows.get(0));
        scan.put("problems", store.query("SELECT input, entry, reason FROM scan_problem WHERE scan_id = ? ORDER BY ordinal", id));
        return scan;
    }

    /** The statuses a finding filter takes: lifecycle states, and the state of its triage (sorted, as errors list them). */
    static final List<String> STATUSES = List.of("active", "fixed", "mitigated", "new", "open", "proposed", "reopened");

    /** The app's flaws (or every visible app's), filtered by severity, rule, CWE and status, paged. */
    List<Map<String, Object>> flaws(Context ctx, Principal p, String appKey) {
        Accounts.Filter vis = accounts.visibleApps(p, "a.app_key");
        StringBuilder sql = new StringBuilder(FLAW_COLUMNS + " WHERE " + vis.sql());
        List<Object> params = new ArrayList<>(vis.params());
        if (appKey != null) {
            sql.append(" AND a.app_key = ?");
            params.add(appKey);
        }
        filters(ctx, "f", sql, params);
        return page(ctx, sql, params, "f.severity DESC, a.app_key, f.id");
    }

    static final String FLAW_COLUMNS = """
            SELECT f.id, a.app_key, f.fingerprint, f.rule_id, f.cwe, f.severity, f.state, f.first_seen_at,
              f.last_seen_at, f.fixed_at, f.reopen_count,
              (SELECT g.class_name || '.' || g.method_name || CASE WHEN g.line > 0 THEN ':' || g.line ELSE '' END
                 FROM finding g WHERE g.flaw_id = f.id AND g.scan_id = f.last_seen_scan ORDER BY g.ordinal
                 FETCH FIRST 1 ROWS ONLY) AS location,
              (SELECT g.message FROM finding g WHERE g.flaw_id = f.id AND g.scan_id = f.last_seen_scan ORDER BY g.ordinal
                 FETCH FIRST 1 ROWS ONLY) AS message,
              (SELECT d.kind FROM decision d WHERE d.flaw_id = f.id AND d.status IN ('proposed', 'approved')
                 ORDER BY d.id DESC FETCH FIRST 1 ROWS ONLY) AS mitigation,
              (SELECT d.status FROM decision d WHERE d.flaw_id = f.id AND d.status IN ('proposed', 'approved')
                 ORDER BY d.id DESC FETCH FIRST 1 ROWS ONLY) AS mitigation_status
            FROM flaw f JOIN app a ON a.id = f.app_id""";

    /** Appends the severity, rule, CWE and status filters of the query string, on the table alias {@code t}. */
    static void filters(Context ctx, String t, StringBuilder sql, List<Object> params) {
        String severity = ctx.queryParam("severity");
        if (severity != null) {
            int s = severity(severity);
            sql.append(" AND ").append(t).append(".severity >= ?");
            params.add(s);
        }
        String rule = ctx.queryParam("rule");
        if (rule != null) {
            if (rule.isBlank() || rule.length() > 128) throw ApiError.badRequest("bad rule filter");
            // a rule id, or a prefix ending in '/' (java/, android/) as on the command line
            if (rule.endsWith("/")) {
                sql.append(" AND ").append(t).append(".rule_id LIKE ? ESCAPE '!'");
                params.add(rule.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
            } else {
                sql.append(" AND ").append(t).append(".rule_id = ?");
                params.add(rule);
            }
        }
        String cwe = ctx.queryParam("cwe");
        if (cwe != null) {
            String c = cwe.toUpperCase(Locale.ROOT).startsWith("CWE-") ? cwe.substring(4) : cwe;
            sql.append(" AND ").append(t).append(".cwe = ?");
            params.add((int) parseId(c, "cwe"));
        }
        String status = statusParam(ctx, STATUSES);
        if (status != null) {
            String flawId = t.equals("f") ? "f.id" : t + ".flaw_id";
            String approved = "EXISTS (SELECT 1 FROM decision d WHERE d.flaw_id = " + flawId + " AND d.status = 'approved')";
            switch (status) {
                case "mitigated" -> sql.append(" AND ").append(approved);
                case "proposed" -> sql.append(" AND EXISTS (SELECT 1 FROM decision d WHERE d.flaw_id = ").append(flawId)
                        .append(" AND d.status = 'proposed')");
                case "active" -> sql.append(" AND ").append(t).append(".state <> 'fixed' AND NOT ").append(approved);
                default -> {
                    sql.append(" AND ").append(t).append(".state = ?");
                    params.add(status);
                }
            }
        }
    }

    /** A minimum severity: 0–5 or a name (informational … very-high). */
    static int severity(String s) {
        String v = s.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        List<String> names = List.of("informational", "very-low", "low", "medium", "high", "very-high");
        int i = names.indexOf(v);
        if (i >= 0) return i;
        if (v.matches("[0-5]")) return Integer.parseInt(v);
        throw ApiError.badRequest("bad severity '" + Accounts.abbreviate(s) + "': 0-5 or informational, very-low, low, medium, high, very-high");
    }

    /** One flaw: where it is (the latest finding, with its path from source to sink), its history and decisions. */
    Map<String, Object> flaw(Principal p, long id) {
        var rows = store.query(FLAW_COLUMNS + " WHERE f.id = ?", id);
        if (rows.isEmpty() || !accounts.canSee(p, (String) rows.get(0).get("app_key"))) throw ApiError.notFound("no finding " + id);
        Map<String, Object> flaw = new LinkedHashMap<>(rows.get(0));
        var latest = store.query("""
                SELECT g.scan_id, g.confidence, g.class_name, g.method_name, g.source_path, g.line, g.origin, g.message,
                  g.path_json, g.properties_json FROM finding g JOIN flaw f ON f.id = g.flaw_id
                WHERE g.flaw_id = ? AND g.scan_id = f.last_seen_scan ORDER BY g.ordinal FETCH FIRST 1 ROWS ONLY""", id);
        if (!latest.isEmpty()) {
            Map<String, Object> f = new LinkedHashMap<>(latest.get(0));
            f.put("path", readJson((String) f.remove("path_json")));
            f.put("properties", readJson((String) f.remove("properties_json")));
            flaw.put("latest", f);
        }
        flaw.put("history", store.query("""
                SELECT e.event, e.scan_id, e.occurred_at FROM flaw_event e WHERE e.flaw_id = ? ORDER BY e.id""", id));
        flaw.put("decisions", store.query("""
                SELECT id, kind, reason, proposed_by, proposed_at, status, reviewed_by, reviewed_at, review_note
                FROM decision WHERE flaw_id = ? ORDER BY id""", id));
        return flaw;
    }

    private static Object readJson(String s) {
        try {
            return s == null ? null : TriageServer.JSON.readTree(s);
        } catch (IOException e) {
            return null;
        }
    }

    private void scanFindings(Context ctx) {
        Principal p = principal(ctx);
        long scanId = id(ctx, "id");
        scan(p, scanId); // 404 unless visible
        StringBuilder sql = new StringBuilder("""
                SELECT g.id, g.flaw_id, g.ordinal, g.state, g.fingerprint, g.rule_id, g.cwe, g.severity, g.confidence,
                  g.class_name, g.method_name, g.source_path, g.line, g.message FROM finding g WHERE g.scan_id = ?""");
        List<Object> params = new ArrayList<>(List.of(scanId));
        filters(ctx, "g", sql, params);
        ctx.json(items(page(ctx, sql, params, "g.ordinal")));
    }

    private void components(Context ctx) {
        Principal p = principal(ctx);
        long scanId = id(ctx, "id");
        scan(p, scanId);
        List<Map<String, Object>> out = new ArrayList<>();
        var advisories = store.query("""
                SELECT component_id, advisory_id, primary_alias, aliases, summary, score, severity, fixed_version, reachability
                FROM component_advisory WHERE scan_id = ? ORDER BY id""", scanId);
        for (var c : store.query("""
                SELECT id, group_id, artifact_id, version, purl, identified_by, file_name, path, sha1, sha256, release_day
                FROM component WHERE scan_id = ? ORDER BY ordinal""", scanId)) {
            Map<String, Object> m = new LinkedHashMap<>(c);
            List<Map<String, Object>> own = new ArrayList<>();
            for (var a : advisories) {
                if (a.get("component_id").equals(c.get("id"))) {
                    Map<String, Object> adv = new LinkedHashMap<>(a);
                    adv.remove("component_id");
                    own.add(adv);
                }
            }
            m.put("advisories", own);
            out.add(m);
        }
        boolean vulnerableOnly = "true".equals(ctx.queryParam("vulnerable"));
        if (vulnerableOnly) out.removeIf(m -> ((List<?>) m.get("advisories")).isEmpty());
        ctx.json(items(out));
    }

    /** The scan's reports as the worker wrote them. */
    static final Map<String, String[]> REPORTS = Map.of(
            "sarif", new String[]{"triage.sarif", "application/sarif+json"},
            "json", new String[]{"triage.json", "application/json"},
            "html", new String[]{"triage.html", "text/html; charset=utf-8"},
            "sbom", new String[]{"triage.cdx.json", "application/vnd.cyclonedx+json"});

    private void report(Context ctx) throws IOException {
        Principal p = principal(ctx);
        long scanId = id(ctx, "id");
        Map<String, Object> scan = scan(p, scanId);
        String[] kind = REPORTS.get(ctx.pathParam("format"));
        if (kind == null) throw ApiError.notFound("no report format '" + Accounts.abbreviate(ctx.pathParam("format")) + "' (sarif, json, html, sbom)");
        var jobs = store.query("SELECT id FROM scan_job WHERE scan_id = ? ORDER BY id DESC", scanId);
        Path file = jobs.isEmpty() ? null : server.queue().reportDir((Long) jobs.get(0).get("id")).resolve(kind[0]);
        if (file == null || !Files.isRegularFile(file)) {
            throw ApiError.notFound("no reports were kept for scan " + scanId
                    + (jobs.isEmpty() ? " (it was not scanned by this server)" : ""));
        }
        String base = String.valueOf(scan.get("app_key")).replaceAll("[^A-Za-z0-9._-]", "_") + "-scan-" + scanId;
        ctx.header("Content-Disposition", "attachment; filename=\"" + base + "-" + kind[0] + "\"");
        // an HTML report opened from here runs nothing and loads nothing
        if (kind[0].endsWith(".html")) ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox");
        ctx.contentType(kind[1]).result(Files.newInputStream(file));
    }

    // -------------------------------------------------------------------------------------------------------------
    // triage decisions

    private void propose(Context ctx) {
        Principal p = principal(ctx);
        if (!p.role().canPropose()) throw ApiError.forbidden("a " + p.role().id() + " user cannot propose mitigations");
        long flawId = id(ctx, "id");
        flaw(p, flawId); // 404 unless visible
        JsonNode b = body(ctx);
        Mitigation kind;
        try {
            kind = Mitigation.of(text(b, "kind"));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        String reason = text(b, "reason");
        if (reason.length() > 4000) throw ApiError.badRequest("the reason is longer than 4000 characters");
        long id;
        try {
            id = store.propose(flawId, kind, reason, p.name(), System.currentTimeMillis());
        } catch (StoreException e) {
            throw Accounts.conflict(e); // a decision already in force
        }
        ctx.status(201).json(decision(id));
    }

    private Map<String, Object> decision(long id) {
        var rows = store.query("""
                SELECT d.id, d.flaw_id, a.app_key, f.rule_id, d.kind, d.reason, d.proposed_by, d.proposed_at, d.status,
                  d.reviewed_by, d.reviewed_at, d.review_note
                FROM decision d JOIN flaw f ON f.id = d.flaw_id JOIN app a ON a.id = f.app_id WHERE d.id = ?""", id);
        if (rows.isEmpty()) throw ApiError.notFound("no decision " + id);
        return rows.get(0);
    }

    private void decisions(Context ctx) {
        Principal p = principal(ctx);
        Accounts.Filter vis = accounts.visibleApps(p, "a.app_key");
        StringBuilder sql = new StringBuilder("""
                SELECT d.id, d.flaw_id, a.app_key, f.rule_id, d.kind, d.reason, d.proposed_by, d.proposed_at, d.status,
                  d.reviewed_by, d.reviewed_at, d.review_note
                FROM decision d JOIN flaw f ON f.id = d.flaw_id JOIN app a ON a.id = f.app_id""" + " WHERE " + vis.sql());
        List<Object> params = new ArrayList<>(vis.params());
        String status = statusParam(ctx, List.of("proposed", "approved", "rejected", "revoked"));
        if (status != null) {
            sql.append(" AND d.status = ?");
            params.add(status);
        }
        ctx.json(items(page(ctx, sql, params, "d.id DESC")));
    }

    private void review(Context ctx, String action) {
        Principal p = principal(ctx);
        long id = id(ctx, "id");
        String note = ctx.body().isBlank() ? "" : optionalText(body(ctx), "note");
        ctx.json(review(p, id, action, note));
    }

    /**
     * Approves, rejects or revokes a decision as {@code p}: a reviewer of the app's team, never the proposer (but
     * for a revoke); rejecting or revoking needs a note. Returns the decision as it now is.
     */
    Map<String, Object> review(Principal p, long id, String action, String note) {
        Map<String, Object> d = decision(id);
        if (!accounts.canSee(p, (String) d.get("app_key"))) throw ApiError.notFound("no decision " + id);
        if (!p.role().canReview()) throw ApiError.forbidden("only a reviewer may " + action + " a mitigation");
        if (!action.equals("revoke") && p.name().equalsIgnoreCase((String) d.get("proposed_by"))) {
            throw ApiError.forbidden("you proposed decision " + id + ": someone else must review it");
        }
        if (!action.equals("approve") && note.isBlank()) throw ApiError.badRequest("a " + action + " needs a note saying why");
        long now = System.currentTimeMillis();
        try {
            switch (action) {
                case "approve" -> store.approve(id, p.name(), note, now);
                case "reject" -> store.reject(id, p.name(), note, now);
                default -> store.revoke(id, p.name(), note, now);
            }
        } catch (StoreException e) {
            throw Accounts.conflict(e); // not in the state this review needs
        }
        return decision(id);
    }

    // -------------------------------------------------------------------------------------------------------------

    static Principal principal(Context ctx) {
        Principal p = ctx.attribute(TriageServer.PRINCIPAL);
        if (p == null) throw new ApiError(401, "authentication required");
        return p;
    }

    static void requireAdmin(Principal p, String why) {
        if (!p.role().canAdminister()) throw ApiError.forbidden("admins only: " + why);
    }

    static Map<String, Object> items(List<? extends Map<String, Object>> rows) {
        return Map.of("items", rows);
    }

    static long id(Context ctx, String name) {
        return parseId(ctx.pathParam(name), name);
    }

    static long parseId(String s, String what) {
        try {
            long v = Long.parseLong(s.strip());
            if (v < 0) throw new NumberFormatException();
            return v;
        } catch (RuntimeException e) {
            throw ApiError.badRequest("bad " + what + " '" + Accounts.abbreviate(String.valueOf(s)) + "': a number");
        }
    }

    /**
     * One page of a list query: {@code sql} ordered by {@code orderBy}, from the request's {@code offset} (default 0),
     * at most its {@code limit} rows (default 100, at most {@link #MAX_PAGE}).
     */
    private List<Map<String, Object>> page(Context ctx, StringBuilder sql, List<Object> params, String orderBy) {
        sql.append(" ORDER BY ").append(orderBy).append(" OFFSET ? ROWS FETCH FIRST ? ROWS ONLY");
        params.add(intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE));
        params.add(intParam(ctx, "limit", 100, 1, MAX_PAGE));
        return store.query(sql.toString(), params.toArray());
    }

    /** The request's {@code status} filter, one of {@code allowed} (listed in this order when it is not); null when absent. */
    static String statusParam(Context ctx, List<String> allowed) {
        String status = ctx.queryParam("status");
        if (status != null && !allowed.contains(status)) {
            throw ApiError.badRequest("bad status '" + Accounts.abbreviate(status) + "' (" + String.join(", ", allowed) + ")");
        }
        return status;
    }

    static int intParam(Context ctx, String name, int dflt, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null) return dflt;
        try {
            int i = Integer.parseInt(v.strip());
            if (i < min || i > max) throw new NumberFormatException();
            return i;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("bad " + name + " '" + Accounts.abbreviate(v) + "': a number from " + min + " to " + max);
        }
    }

    static JsonNode body(Context ctx) {
        String ct = ctx.contentType();
        if (ct == null || !ct.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiError(415, "send a JSON body (Content-Type: application/json)");
        }
        try {
            JsonNode n = TriageServer.JSON.readTree(ctx.body());
            if (n == null || !n.isObject()) throw ApiError.badRequest("the body must be a JSON object");
            return n;
        } catch (IOException e) {
            throw ApiError.badRequest("the body is not valid JSON");
        }
    }

    static String text(JsonNode b, String field) {
        JsonNode v = b.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) throw ApiError.badRequest("missing \"" + field + "\" (text)");
        return v.asText().strip();
    }

    static String optionalText(JsonNode b, String field) {
        JsonNode v = b.get(field);
        if (v == null || v.isNull()) return "";
        if (!v.isTextual()) throw ApiError.badRequest("\"" + field + "\" must be text");
        return v.asText().strip();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
