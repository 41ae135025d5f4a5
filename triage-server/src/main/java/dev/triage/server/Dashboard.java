package dev.triage.server;

import dev.triage.findings.Rule;
import dev.triage.findings.RuleCatalogue;
import dev.triage.portfolio.SvgCharts;
import dev.triage.store.Mitigation;
import dev.triage.store.Store;
import dev.triage.store.StoreException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard: server-rendered pages over the same queries as the API, for a signed-in user (session cookie:
 * HttpOnly, SameSite=Strict, Secure unless turned off). Forms that change state carry the session's CSRF token; the
 * pages load only the server's own script and style sheet (the Content-Security-Policy allows nothing else), and the
 * charts are inline SVG drawn by the portfolio report's {@link SvgCharts}.
 */
final class Dashboard {
    private final TriageServer server;
    private final Store store;
    private final Accounts accounts;
    private final Api api;
    private final RuleCatalogue rules = RuleCatalogue.builtIn();

    Dashboard(TriageServer server, Api api) {
        this.server = server;
        this.store = server.store();
        this.accounts = server.accounts();
        this.api = api;
    }

    void routes(JavalinDefaultRoutingApi r) {
        r.get("/static/{file}", this::staticFile);
        r.get("/login", ctx -> ctx.html(loginPage(null)));
        r.post("/login", this::login);
        r.post("/logout", ctx -> {
            signedIn(ctx);
            accounts.endSession(ctx.cookie(TriageServer.SESSION_COOKIE));
            ctx.header("Set-Cookie", cookie("", 0));
            ctx.redirect("/login");
        });
        r.get("/", ctx -> {
            Principal p = signedIn(ctx);
            ctx.html(Html.page("Portfolio", p, overview(p)));
        });
        r.get("/apps/{app}", ctx -> {
            Principal p = signedIn(ctx);
            ctx.html(Html.page("App " + ctx.pathParam("app"), p, appPage(ctx, p)));
        });
        r.get("/findings/{id}", ctx -> {
            Principal p = signedIn(ctx);
            Map<String, Object> flaw = api.flaw(p, Api.id(ctx, "id"));
            ctx.html(Html.page("Finding " + flaw.get("id") + ": " + flaw.get("rule_id"), p, findingPage(p, flaw)));
        });
        r.post("/findings/{id}/decisions", ctx -> {
            Principal p = signedIn(ctx);
            long flaw = Api.id(ctx, "id");
            if (!p.role().canPropose()) throw ApiError.forbidden("a " + p.role().id() + " user cannot propose mitigations");
            api.flaw(p, flaw);
            Mitigation kind;
            try {
                kind = Mitigation.of(String.valueOf(ctx.formParam("kind")));
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest(e.getMessage());
            }
            String reason = ctx.formParam("reason");
            if (reason == null || reason.isBlank()) throw ApiError.badRequest("a reason is required");
            try {
                store.propose(flaw, kind, reason.strip(), p.name(), System.currentTimeMillis());
            } catch (StoreException e) {
                throw Accounts.conflict(e);
            }
            ctx.redirect("/findings/" + flaw, HttpStatus.SEE_OTHER);
        });
        r.post("/decisions/{id}/{action}", ctx -> {
            Principal p = signedIn(ctx);
            String action = ctx.pathParam("action");
            if (!List.of("approve", "reject", "revoke").contains(action)) throw ApiError.notFound("no such action");
            Map<String, Object> d = api.review(p, Api.id(ctx, "id"), action, Optional.ofNullable(ctx.formParam("note")).orElse(""));
            ctx.redirect("/findings/" + d.get("flaw_id"), HttpStatus.SEE_OTHER);
        });
        r.get("/upload", ctx -> {
            Principal p = signedIn(ctx);
            ctx.html(Html.page("Upload an artifact", p, uploadPage(p)));
        });
        r.get("/tokens", ctx -> {
            Principal p = signedIn(ctx);
            ctx.html(Html.page("API tokens", p, tokens(p, null)));
        });
        r.post("/tokens", ctx -> {
            Principal p = signedIn(ctx);
            Accounts.NewToken t = accounts.createToken(p, ctx.formParam("name"));
            ctx.html(Html.page("API tokens", p, tokens(p, t)));
        });
        r.post("/tokens/{id}/revoke", ctx -> {
            Principal p = signedIn(ctx);
            accounts.revokeToken(p, Api.id(ctx, "id"));
            ctx.redirect("/tokens", HttpStatus.SEE_OTHER);
        });
    }

    static final Map<String, String> STATIC = Map.of("triage.css", "text/css; charset=utf-8",
            "triage.js", "text/javascript; charset=utf-8");

    private void staticFile(Context ctx) throws IOException {
        String name = ctx.pathParam("file");
        String type = STATIC.get(name);
        if (type == null) throw ApiError.notFound("no such file");
        try (InputStream in = Dashboard.class.getResourceAsStream("static/" + name)) {
            ctx.header("Cache-Control", "no-cache").contentType(type).result(in.readAllBytes());
        }
    }

    /** The signed-in user of a page request; otherwise the browser goes to the login page. */
    Principal signedIn(Context ctx) {
        Optional<Principal> p = server.principal(ctx, true);
        if (p.isEmpty() || p.get().csrfToken() == null) {
            throw new Redirect("/login");
        }
        return p.get();
    }

    /** Sends the browser elsewhere (thrown from a page handler; the server answers 303 with the location). */
    static final class Redirect extends RuntimeException {
        final String location;

        Redirect(String location) {
            super(location, null, false, false);
            this.location = location;
        }
    }

    private String loginPage(String error) {
        StringBuilder b = new StringBuilder();
        if (error != null) b.append("<p class=\"error\" role=\"alert\">").append(Html.esc(error)).append("</p>");
        b.append("<form class=\"login\" method=\"post\" action=\"/login\">")
                .append("<label>User <input name=\"name\" id=\"name\" autocomplete=\"username\" required></label>")
                .append("<label>Password <input name=\"password\" id=\"password\" type=\"password\" autocomplete=\"current-password\" required></label>")
                .append("<button type=\"submit\" id=\"login\">Log in</button></form>");
        return Html.page("Log in", null, b.toString());
    }

    private void login(Context ctx) {
        String name = ctx.formParam("name");
        String password = ctx.formParam("password");
        if (!server.allowLogin(ctx.ip()) || !server.allowLogin(ctx.ip() + "/" + name)) {
            ctx.status(429).html(loginPage("Too many attempts: wait a minute."));
            return;
        }
        Optional<Principal> p = accounts.login(name, password);
        if (p.isEmpty()) {
            ctx.status(401).html(loginPage("Wrong user or password."));
            return;
        }
        Accounts.NewSession s = accounts.startSession(p.get());
        ctx.header("Set-Cookie", cookie(s.id(), (int) (Accounts.SESSION_MILLIS / 1000)));
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private String cookie(String value, int maxAge) {
        return TriageServer.SESSION_COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict"
                + (server.options().secureCookies() ? "; Secure" : "");
    }

    // -------------------------------------------------------------------------------------------------------------

    /** Counted flaws: not fixed, not under an approved mitigation, severity 1-5 (as the portfolio report counts). */
    private static final String COUNTED = "f.state <> 'fixed' AND f.severity > 0 AND NOT EXISTS "
            + "(SELECT 1 FROM decision d WHERE d.flaw_id = f.id AND d.status = 'approved')";

    private String overview(Principal p) {
        Accounts.Filter vis = accounts.visibleApps(p, "a.app_key");
        Object[] vp = vis.params().toArray();
        List<Map<String, Object>> apps = store.query(Api.APP_COLUMNS + " WHERE " + vis.sql() + " ORDER BY a.app_key", vp);
        long open = 0, high = 0;
        for (Map<String, Object> a : apps) {
            open += (Long) a.get("open_flaws");
            high += (Long) a.get("high_flaws");
        }
        long pending = (Long) store.query("SELECT COUNT(*) AS n FROM decision d JOIN flaw f ON f.id = d.flaw_id JOIN app a ON a.id = f.app_id"
                + " WHERE d.status = 'proposed' AND " + vis.sql(), vp).get(0).get("n");
        long mitigated = (Long) store.query("SELECT COUNT(*) AS n FROM decision d JOIN flaw f ON f.id = d.flaw_id JOIN app a ON a.id = f.app_id"
                + " WHERE d.status = 'approved' AND f.state <> 'fixed' AND " + vis.sql(), vp).get(0).get("n");
        StringBuilder b = new StringBuilder();
        b.append("<div class=\"cards\">");
        card(b, "Apps", apps.size(), "that you can see");
        card(b, "Open flaws", open, "not fixed, not mitigated", "open-flaws");
        card(b, "High and Very High", high, "open flaws of severity 4–5", "high-flaws");
        card(b, "Mitigated", mitigated, "approved decisions", "mitigated-flaws");
        card(b, "Awaiting review", pending, "proposed decisions", "pending-decisions");
        b.append("</div>");

        List<SvgCharts.Bar> bySeverity = new ArrayList<>();
        for (Map<String, Object> row : store.query("SELECT f.severity, COUNT(*) AS n FROM flaw f JOIN app a ON a.id = f.app_id WHERE "
                + COUNTED + " AND " + vis.sql() + " GROUP BY f.severity ORDER BY f.severity DESC", vp)) {
            long n = (Long) row.get("n");
            bySeverity.add(new SvgCharts.Bar(Html.SEVERITY[((Long) row.get("severity")).intValue()], n, String.valueOf(n)));
        }
        List<SvgCharts.Bar> byCwe = new ArrayList<>();
        for (Map<String, Object> row : store.query("SELECT f.cwe, COUNT(*) AS n FROM flaw f JOIN app a ON a.id = f.app_id WHERE "
                + COUNTED + " AND " + vis.sql() + " GROUP BY f.cwe ORDER BY COUNT(*) DESC, f.cwe", vp)) {
            long n = (Long) row.get("n");
            byCwe.add(new SvgCharts.Bar("CWE-" + row.get("cwe"), n, String.valueOf(n)));
        }
        List<SvgCharts.Bar> trend = new ArrayList<>();
        List<Map<String, Object>> scans = new ArrayList<>(store.query("SELECT s.id, a.app_key, s.finished_at, s.finding_count, s.status"
                + " FROM scan s JOIN app a ON a.id = s.app_id WHERE s.status = 'ok' AND " + vis.sql()
                + " ORDER BY s.id DESC FETCH FIRST 40 ROWS ONLY", vp));
        Collections.reverse(scans);
        for (Map<String, Object> s : scans) {
            trend.add(new SvgCharts.Bar(Html.time(s.get("finished_at")).substring(0, 10) + " " + s.get("app_key"),
                    (Long) s.get("finding_count"), s.get("finding_count") + " findings"));
        }
        b.append("<div class=\"pair\"><section><h2>Open flaws by severity</h2>").append(SvgCharts.bars("open flaws by severity", bySeverity, 6))
                .append("</section><section><h2>Open flaws by CWE</h2>").append(SvgCharts.bars("open flaws by CWE", byCwe, 10))
                .append("</section><section><h2>Findings per scan (latest 40)</h2>").append(SvgCharts.trend("findings per scan", trend))
                .append("</section></div>");

        b.append("<h2>Apps</h2><table id=\"apps\"><thead><tr><th>App</th><th>Platform</th><th>Scans</th><th>Open flaws</th>")
                .append("<th>High and Very High</th><th>Last build</th></tr></thead><tbody>");
        int staleDays = 2 * 365;
        long today = System.currentTimeMillis() / 86_400_000L;
        List<String> stale = new ArrayList<>();
        for (Map<String, Object> a : apps) {
            Object build = a.get("latest_scan_id") == null ? null : store.query(
                    "SELECT v.build_day FROM scan s JOIN app_version v ON v.id = s.app_version_id WHERE s.id = ?", a.get("latest_scan_id"))
                    .get(0).get("build_day");
            boolean isStale = build instanceof Long d && today - d >= staleDays;
            if (isStale) stale.add((String) a.get("app_key"));
            b.append("<tr><td><a href=\"/apps/").append(Html.seg(a.get("app_key"))).append("\">").append(Html.esc(a.get("app_key")))
                    .append("</a></td><td>").append(Html.esc(a.get("platform"))).append("</td><td class=\"n\">").append(a.get("scans"))
                    .append("</td><td class=\"n open\">").append(a.get("open_flaws")).append("</td><td class=\"n\">").append(a.get("high_flaws"))
                    .append("</td><td>").append(build instanceof Long d ? java.time.LocalDate.ofEpochDay(d) : "")
                    .append(isStale ? " <span class=\"sev sev3\">stale</span>" : "").append("</td></tr>");
        }
        if (apps.isEmpty()) b.append("<tr><td colspan=\"6\">No app yet: <a href=\"/upload\">upload one</a>.</td></tr>");
        b.append("</tbody></table>");
        b.append("<p class=\"muted\">Stale: built more than two years ago (").append(stale.size()).append(" of ").append(apps.size()).append(").</p>");

        b.append("<h2>Vulnerable components (latest scans)</h2><table id=\"components\"><thead><tr><th>App</th><th>Component</th>")
                .append("<th>Advisories</th><th>Worst</th><th>Upgrade to</th></tr></thead><tbody>");
        List<Map<String, Object>> vulnerable = store.query("""
                SELECT a.app_key, c.group_id, c.artifact_id, c.version, COUNT(*) AS advisories, MAX(ca.severity) AS worst,
                  MAX(ca.fixed_version) AS upgrade_to
                FROM component_advisory ca JOIN component c ON c.id = ca.component_id JOIN scan s ON s.id = ca.scan_id
                JOIN app a ON a.id = s.app_id
                WHERE s.id = (SELECT MAX(s2.id) FROM scan s2 WHERE s2.app_id = a.id AND s2.status = 'ok') AND""" + " " + vis.sql()
                + " GROUP BY a.app_key, c.group_id, c.artifact_id, c.version ORDER BY MAX(ca.severity) DESC, a.app_key", vp);
        for (Map<String, Object> c : vulnerable) {
            b.append("<tr><td>").append(Html.esc(c.get("app_key"))).append("</td><td>").append(Html.esc(c.get("group_id") + ":"
                    + c.get("artifact_id") + ":" + c.get("version"))).append("</td><td class=\"n\">").append(c.get("advisories"))
                    .append("</td><td>").append(Html.severity(c.get("worst"))).append("</td><td>").append(Html.esc(c.get("upgrade_to")))
                    .append("</td></tr>");
        }
        if (vulnerable.isEmpty()) b.append("<tr><td colspan=\"5\">None known.</td></tr>");
        return b.append("</tbody></table>").toString();
    }

    private static void card(StringBuilder b, String title, Object value, String note) {
        card(b, title, value, note, null);
    }

    private static void card(StringBuilder b, String title, Object value, String note, String id) {
        b.append("<div class=\"card\"><div class=\"muted\">").append(Html.esc(title)).append("</div><div class=\"big\"")
                .append(id == null ? "" : " id=\"" + id + "\"").append(">").append(Html.esc(value)).append("</div><div class=\"muted\">")
                .append(Html.esc(note)).append("</div></div>");
    }

    private String appPage(Context ctx, Principal p) {
        Map<String, Object> app = api.app(p, ctx.pathParam("app"));
        StringBuilder b = new StringBuilder();
        b.append("<div class=\"cards\">");
        card(b, "Open flaws", app.get("open_flaws"), "not fixed, not mitigated", "open-flaws");
        card(b, "High and Very High", app.get("high_flaws"), "open, severity 4–5", "high-flaws");
        card(b, "Scans", app.get("scans"), "platform " + app.get("platform"));
        b.append("</div>");
        b.append("<h2>Findings</h2><p class=\"filters\">Show: ");
        for (String s : List.of("active", "proposed", "mitigated", "fixed")) {
            b.append("<a href=\"/apps/").append(Html.seg(app.get("app_key"))).append("?status=").append(s).append("\">").append(s).append("</a> ");
        }
        b.append("<a href=\"/apps/").append(Html.seg(app.get("app_key"))).append("\">all</a></p>");
        b.append("<table id=\"findings\"><thead><tr><th>Severity</th><th>Rule</th><th>CWE</th><th>Where</th><th>State</th><th>Triage</th></tr></thead><tbody>");
        List<Map<String, Object>> flaws = api.flaws(ctx, p, (String) app.get("app_key"));
        for (Map<String, Object> f : flaws) {
            b.append("<tr><td>").append(Html.severity(f.get("severity"))).append("</td><td><a class=\"finding\" href=\"/findings/")
                    .append(f.get("id")).append("\">").append(Html.esc(f.get("rule_id"))).append("</a></td><td>CWE-").append(f.get("cwe"))
                    .append("</td><td>").append(Html.esc(f.get("location"))).append("</td><td>").append(Html.esc(f.get("state")))
                    .append("</td><td>").append(f.get("mitigation") == null ? "" : Html.esc(f.get("mitigation") + " (" + f.get("mitigation_status") + ")"))
                    .append("</td></tr>");
        }
        if (flaws.isEmpty()) b.append("<tr><td colspan=\"6\">None.</td></tr>");
        b.append("</tbody></table>");
        b.append("<h2>Scans</h2><table id=\"scans\"><thead><tr><th>Scan</th><th>Artifact</th><th>Version</th><th>Finished</th>")
                .append("<th>Status</th><th>Findings</th><th>Reports</th></tr></thead><tbody>");
        for (Map<String, Object> s : store.query(Api.SCAN_COLUMNS + " WHERE s.app_id = ? ORDER BY s.id DESC", app.get("id"))) {
            b.append("<tr><td>").append(s.get("id")).append("</td><td>").append(Html.esc(s.get("artifact_name"))).append("</td><td>")
                    .append(Html.esc(s.get("version"))).append("</td><td>").append(Html.time(s.get("finished_at"))).append("</td><td>")
                    .append(Html.esc(s.get("status"))).append(s.get("failure_kind") == null ? "" : ": " + Html.esc(s.get("failure_kind")))
                    .append("</td><td class=\"n\">").append(s.get("finding_count")).append("</td><td>");
            if ("ok".equals(s.get("status"))) {
                for (String f : List.of("sarif", "json", "html", "sbom")) {
                    b.append("<a href=\"/api/v1/scans/").append(s.get("id")).append("/reports/").append(f).append("\">").append(f).append("</a> ");
                }
            }
            b.append("</td></tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    private String findingPage(Principal p, Map<String, Object> flaw) {
        StringBuilder b = new StringBuilder();
        Optional<Rule> rule = rules.find((String) flaw.get("rule_id"));
        b.append("<p>").append(Html.severity(flaw.get("severity"))).append(" <b>").append(Html.esc(rule.map(Rule::title).orElse((String) flaw.get("rule_id"))))
                .append("</b> · CWE-").append(flaw.get("cwe")).append(" · app <a href=\"/apps/").append(Html.seg(flaw.get("app_key"))).append("\">")
                .append(Html.esc(flaw.get("app_key"))).append("</a> · state <span id=\"state\">").append(Html.esc(flaw.get("state")))
                .append("</span></p>");
        @SuppressWarnings("unchecked") Map<String, Object> latest = (Map<String, Object>) flaw.get("latest");
        if (latest != null) {
            b.append("<p class=\"message\">").append(Html.esc(latest.get("message"))).append("</p>");
            b.append("<p>At <code>").append(Html.esc(latest.get("class_name") + "." + latest.get("method_name"))).append("</code>")
                    .append(Html.esc(" (" + latest.get("source_path") + ":" + latest.get("line") + ")")).append("</p>");
            Object path = latest.get("path");
            if (path instanceof com.fasterxml.jackson.databind.JsonNode steps && steps.size() > 0) {
                b.append("<h2>Path from source to sink</h2><ol id=\"path\">");
                for (com.fasterxml.jackson.databind.JsonNode s : steps) {
                    b.append("<li>").append(Html.esc(s.path("description").asText())).append(" — <code>")
                            .append(Html.esc(s.path("className").asText() + "." + s.path("methodName").asText())).append("</code> ")
                            .append(Html.esc(s.path("sourcePath").asText() + ":" + s.path("line").asInt())).append("</li>");
                }
                b.append("</ol>");
            }
        }
        if (rule.isPresent()) {
            b.append("<h2>Why it matters</h2><p>").append(Html.esc(rule.get().description())).append("</p>")
                    .append("<h2>How to fix it</h2><p id=\"advice\">").append(Html.esc(rule.get().remediation())).append("</p>");
            if (!rule.get().references().isEmpty()) {
                b.append("<ul>");
                for (String ref : rule.get().references()) b.append("<li>").append(Html.esc(ref)).append("</li>");
                b.append("</ul>");
            }
        }
        b.append("<h2>History</h2><ul id=\"history\">");
        for (Object o : (List<?>) flaw.get("history")) {
            Map<?, ?> e = (Map<?, ?>) o;
            b.append("<li>").append(Html.time(e.get("occurred_at"))).append(": ").append(Html.esc(e.get("event")))
                    .append(" (scan ").append(e.get("scan_id")).append(")</li>");
        }
        b.append("</ul><h2>Triage</h2><table id=\"decisions\"><thead><tr><th>Decision</th><th>Reason</th><th>Proposed</th><th>Status</th>")
                .append("<th>Review</th><th></th></tr></thead><tbody>");
        boolean inForce = false;
        for (Object o : (List<?>) flaw.get("decisions")) {
            Map<?, ?> d = (Map<?, ?>) o;
            String status = (String) d.get("status");
            inForce |= status.equals("proposed") || status.equals("approved");
            b.append("<tr><td>").append(Html.esc(d.get("kind"))).append("</td><td>").append(Html.esc(d.get("reason"))).append("</td><td>")
                    .append(Html.esc(d.get("proposed_by"))).append(", ").append(Html.time(d.get("proposed_at"))).append("</td><td class=\"status\">")
                    .append(Html.esc(status)).append("</td><td>").append(d.get("reviewed_by") == null ? "" : Html.esc(d.get("reviewed_by") + ": "
                            + d.get("review_note"))).append("</td><td>");
            boolean own = p.name().equalsIgnoreCase((String) d.get("proposed_by"));
            if (p.role().canReview() && status.equals("proposed") && !own) {
                reviewForm(b, p, d.get("id"), "approve", "Approve", false);
                reviewForm(b, p, d.get("id"), "reject", "Reject", true);
            } else if (p.role().canReview() && status.equals("approved")) {
                reviewForm(b, p, d.get("id"), "revoke", "Revoke", true);
            }
            b.append("</td></tr>");
        }
        b.append("</tbody></table>");
        if (p.role().canPropose() && !inForce) {
            b.append("<form id=\"propose\" method=\"post\" action=\"/findings/").append(flaw.get("id")).append("/decisions\">").append(Html.csrf(p))
                    .append("<label>Mark as <select name=\"kind\" id=\"kind\">");
            for (Mitigation m : Mitigation.values()) {
                b.append("<option value=\"").append(m.id()).append("\">").append(m.id()).append("</option>");
            }
            b.append("</select></label><label>Reason <textarea name=\"reason\" id=\"reason\" required maxlength=\"4000\"></textarea></label>")
                    .append("<button type=\"submit\" id=\"propose-submit\">Propose</button></form>")
                    .append("<p class=\"muted\">A reviewer other than you approves it; then it leaves the counts.</p>");
        }
        return b.toString();
    }

    private static void reviewForm(StringBuilder b, Principal p, Object id, String action, String label, boolean noteRequired) {
        b.append("<form class=\"review\" method=\"post\" action=\"/decisions/").append(id).append("/").append(action).append("\">")
                .append(Html.csrf(p)).append("<input name=\"note\" placeholder=\"note\"").append(noteRequired ? " required" : "")
                .append("><button type=\"submit\" class=\"").append(action).append("\">").append(label).append("</button></form>");
    }

    private String uploadPage(Principal p) {
        StringBuilder b = new StringBuilder();
        if (!p.role().canUpload()) return "<p>A read-only user cannot upload.</p>";
        // the script reads the CSRF token from the form's data attribute (no inline script under the CSP)
        b.append("<form id=\"upload\" data-csrf=\"").append(Html.esc(p.csrfToken())).append("\">")
                .append("<label>App key <input name=\"app\" id=\"app\" required pattern=\"[A-Za-z0-9][A-Za-z0-9._\\-]{0,199}\"></label>")
                .append("<label>Team (for a new app) <select name=\"team\" id=\"team\"><option value=\"\">—</option>");
        List<Map<String, Object>> teams = p.role().seesEveryApp() ? store.query("SELECT id, name FROM team ORDER BY name")
                : store.query("SELECT t.id, t.name FROM team t JOIN team_member tm ON tm.team_id = t.id WHERE tm.user_id = ? ORDER BY t.name", p.userId());
        for (Map<String, Object> t : teams) {
            b.append("<option value=\"").append(t.get("id")).append("\">").append(Html.esc(t.get("name"))).append("</option>");
        }
        b.append("</select></label><label>Version <input name=\"version\" id=\"version\"></label>")
                .append("<label>Artifact (.war .ear .jar .apk .aab .aar .dex) <input type=\"file\" name=\"file\" id=\"file\" required></label>")
                .append("<button type=\"submit\" id=\"upload-submit\">Upload and scan</button></form>")
                .append("<p><progress id=\"progress\" max=\"100\" value=\"0\"></progress></p><p id=\"status\" role=\"status\"></p>");
        return b.toString();
    }

    private String tokens(Principal p, Accounts.NewToken created) {
        StringBuilder b = new StringBuilder();
        if (created != null) {
            b.append("<p class=\"notice\">New token <b>").append(Html.esc(created.name()))
                    .append("</b> — copy it now, it is not shown again:</p><pre id=\"new-token\">")
                    .append(Html.esc(created.token())).append("</pre>");
        }
        b.append("<form method=\"post\" action=\"/tokens\">").append(Html.csrf(p))
                .append("<label>Name <input name=\"name\" required maxlength=\"128\"></label><button type=\"submit\">Create token</button></form>");
        b.append("<table><thead><tr><th>Name</th><th>Created</th><th>Last used</th><th></th></tr></thead><tbody>");
        for (Map<String, Object> t : accounts.tokens(p)) {
            b.append("<tr><td>").append(Html.esc(t.get("name"))).append("</td><td>").append(Html.time(t.get("created_at")))
                    .append("</td><td>").append(Html.time(t.get("last_used_at"))).append("</td><td>");
            if (t.get("revoked_at") == null) {
                b.append("<form method=\"post\" action=\"/tokens/").append(t.get("id")).append("/revoke\">").append(Html.csrf(p))
                        .append("<button type=\"submit\">Revoke</button></form>");
            } else {
                b.append("revoked ").append(Html.time(t.get("revoked_at")));
            }
            b.append("</td></tr>");
        }
        return b.append("</tbody></table>").toString();
    }
}
