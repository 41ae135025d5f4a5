package dev.triage.server;

import dev.triage.store.Store;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard: server-rendered pages over the same queries as the API, for a signed-in user (session cookie:
 * HttpOnly, SameSite=Strict, Secure unless turned off). Forms that change state carry the session's CSRF token; the
 * pages load only the server's own script and style sheet (the Content-Security-Policy allows nothing else).
 */
final class Dashboard {
    private final TriageServer server;
    private final Store store;
    private final Accounts accounts;

    Dashboard(TriageServer server) {
        this.server = server;
        this.store = server.store();
        this.accounts = server.accounts();
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
            ctx.redirect("/tokens");
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
        ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private String cookie(String value, int maxAge) {
        return TriageServer.SESSION_COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict"
                + (server.options().secureCookies() ? "; Secure" : "");
    }

    private String overview(Principal p) {
        Accounts.Filter vis = accounts.visibleApps(p, "a.app_key");
        List<Map<String, Object>> apps = store.query(Api.APP_COLUMNS + " WHERE " + vis.sql() + " ORDER BY a.app_key",
                vis.params().toArray());
        StringBuilder b = new StringBuilder();
        b.append("<table id=\"apps\"><thead><tr><th>App</th><th>Platform</th><th>Scans</th><th>Open flaws</th>")
                .append("<th>High and Very High</th></tr></thead><tbody>");
        for (Map<String, Object> a : apps) {
            b.append("<tr><td>").append(Html.esc(a.get("app_key"))).append("</td><td>").append(Html.esc(a.get("platform")))
                    .append("</td><td class=\"n\">").append(a.get("scans")).append("</td><td class=\"n\">")
                    .append(a.get("open_flaws")).append("</td><td class=\"n\">").append(a.get("high_flaws")).append("</td></tr>");
        }
        if (apps.isEmpty()) b.append("<tr><td colspan=\"5\">No app yet: upload one.</td></tr>");
        return b.append("</tbody></table>").toString();
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
