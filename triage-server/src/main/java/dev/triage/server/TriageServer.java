package dev.triage.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.triage.store.Store;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;

import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code triage serve}: the REST API ({@link Api}), the dashboard ({@link Dashboard}) and the scan queue
 * ({@link ScanQueue}) over one store, on Javalin (Jetty 12).
 *
 * <p>Every request but the health check and the OpenAPI document is authenticated — by an API token
 * ({@code Authorization: Bearer trg_…}) or a dashboard session cookie, whose state-changing requests must carry the
 * session's CSRF token — and rate limited per client. Refusals are JSON ({@code {"error": "..."}}) with a 4xx status;
 * an unexpected failure is a 500 with an incident id and nothing else (the details go to the server's log).
 */
public final class TriageServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TriageServer.class.getName());
    static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, false);
    static final String SESSION_COOKIE = "triage_session";
    static final String PRINCIPAL = "triage.principal";

    /** The API's responses: nothing but data, never framed, never cached. */
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /** The dashboard: its own scripts and styles only, no inline script, nothing from elsewhere. */
    static final String PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final Store store;
    private final ServerOptions options;
    private final Accounts accounts;
    private final ScanQueue queue;
    private final RateLimiter requests;
    private final RateLimiter uploads;
    private final RateLimiter logins;
    private Javalin app;

    public TriageServer(Store store, ServerOptions options) throws IOException {
        this.store = store;
        this.options = options;
        this.accounts = new Accounts(store);
        this.queue = new ScanQueue(store, new ScanQueue.Options(options.workers(), options.queueCapacity(),
                options.scanTimeout(), options.workerCommand(), options.toolVersion()), options.dataDir());
        this.requests = new RateLimiter(options.requestsPerMinute());
        this.uploads = new RateLimiter(options.uploadsPerMinute());
        this.logins = new RateLimiter(10);
    }

    public Accounts accounts() {
        return accounts;
    }

    Store store() {
        return store;
    }

    ServerOptions options() {
        return options;
    }

    ScanQueue queue() {
        return queue;
    }

    /** Starts listening and the scan workers; on first start creates the admin and prints its password once. */
    public TriageServer start(PrintStream console) {
        accounts.bootstrapAdmin(options.adminPassword()).ifPresent(admin -> {
            if (admin.password() != null) {
                console.println("First start: created the admin user 'admin' with the one-time password " + admin.password());
                console.println("Log in at /login, then create your own users and tokens; this password is not shown again.");
            } else {
                console.println("First start: created the admin user 'admin' with the password from TRIAGE_ADMIN_PASSWORD.");
            }
        });
        Api api = new Api(this);
        Dashboard dashboard = new Dashboard(this, api);
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(JSON, false));
            config.http.maxRequestSize = 1_000_000; // JSON and form bodies; uploads are streamed with their own limit
            config.http.generateEtags = false;
            config.jetty.host = options.host();
            config.jetty.port = options.port();
            config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
            var routes = config.routes;
            routes.before(this::securityHeaders);
            routes.before("/api/*", this::authenticateApi);
            routes.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
            routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
            routes.exception(Exception.class, (e, ctx) -> {
                String incident = UUID.randomUUID().toString();
                LOG.log(Level.SEVERE, "incident " + incident + " on " + ctx.method() + " " + ctx.path(), e);
                error(ctx, 500, "internal error (incident " + incident + ")");
            });
            routes.error(404, ctx -> {
                if (ctx.attribute("triage.error") == null) error(ctx, 404, "no such resource: " + ctx.path());
            });
            routes.error(405, ctx -> {
                if (ctx.attribute("triage.error") == null) error(ctx, 405, "method not allowed on " + ctx.path());
            });
            routes.exception(Dashboard.Redirect.class, (e, ctx) -> ctx.redirect(e.location, io.javalin.http.HttpStatus.SEE_OTHER));
            api.routes(routes);
            dashboard.routes(routes);
        });
        app.start();
        queue.start();
        return this;
    }

    public int port() {
        return app.port();
    }

    /** Every route the server answers, as "METHOD path" (the OpenAPI document must describe each). */
    java.util.SortedSet<String> routes() {
        java.util.SortedSet<String> out = new java.util.TreeSet<>();
        for (var e : app.unsafe.internalRouter.allHttpHandlers()) {
            if (e.endpoint.method.isHttpMethod()) out.add(e.endpoint.method.name() + " " + e.endpoint.path);
        }
        return out;
    }

    static void error(Context ctx, int status, String message) {
        ctx.attribute("triage.error", Boolean.TRUE);
        if (!isApi(ctx)) {
            // a page: the same message, in the dashboard's frame, with a way back
            ctx.status(status).html(Html.page("Error " + status, null, "<p class=\"error\" role=\"alert\">"
                    + Html.esc(message == null ? "error " + status : message) + "</p><p><a href=\"/\">Back to the portfolio</a></p>"));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message == null || message.isBlank() ? "error " + status : message);
        body.put("status", status);
        ctx.status(status).json(body);
    }

    static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/") || ctx.path().equals("/openapi.json");
    }

    private void securityHeaders(Context ctx) {
        boolean api = isApi(ctx);
        ctx.header("Content-Security-Policy", api ? API_CSP : PAGE_CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        if (!ctx.path().startsWith("/static/")) ctx.header("Cache-Control", "no-store");
    }

    private void authenticateApi(Context ctx) {
        if (ctx.path().equals("/api/v1/health")) return;
        Principal p = principal(ctx, true).orElseThrow(() -> new ApiError(401,
                "authentication required: an API token (Authorization: Bearer trg_...) or a dashboard session"));
        ctx.attribute(PRINCIPAL, p);
    }

    /**
     * The caller, by bearer token or session cookie; empty when neither is valid. A session's state-changing request
     * without its CSRF token (header {@code X-CSRF-Token} or form field {@code csrf}) is refused: the cookie alone
     * would also come with a request another site's page made.
     */
    Optional<Principal> principal(Context ctx, boolean countRequest) {
        String auth = ctx.header("Authorization");
        Optional<Principal> p;
        if (auth != null) {
            if (!auth.regionMatches(true, 0, "Bearer ", 0, 7)) throw new ApiError(401, "use Authorization: Bearer <token>");
            p = accounts.byToken(auth.substring(7).strip(), ctx.method() + " " + abbreviatePath(ctx.path()));
            if (p.isEmpty()) throw new ApiError(401, "unknown, revoked or malformed API token");
        } else {
            p = accounts.bySession(ctx.cookie(SESSION_COOKIE));
            if (p.isPresent() && changesState(ctx)) {
                String sent = ctx.header("X-CSRF-Token");
                if (sent == null && isForm(ctx)) sent = ctx.formParam("csrf");
                if (!Secrets.same(sent, p.get().csrfToken())) {
                    throw ApiError.forbidden("missing or wrong CSRF token: reload the page and try again");
                }
            }
        }
        if (p.isPresent() && countRequest) {
            String key = p.get().tokenId() != null ? "token:" + p.get().tokenId() : "user:" + p.get().userId();
            if (!requests.allow(key)) throw new ApiError(429, "too many requests: at most "
                    + options.requestsPerMinute() + " a minute");
        }
        return p;
    }

    static boolean changesState(Context ctx) {
        String m = ctx.method().name();
        return !m.equals("GET") && !m.equals("HEAD") && !m.equals("OPTIONS");
    }

    static boolean isForm(Context ctx) {
        String ct = ctx.contentType();
        return ct != null && ct.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static String abbreviatePath(String path) {
        return path.length() <= 300 ? path : path.substring(0, 300) + "…";
    }

    boolean allowUpload(Principal p) {
        return uploads.allow("user:" + p.userId());
    }

    boolean allowLogin(String key) {
        return logins.allow(key);
    }

    @Override
    public synchronized void close() {
        if (app != null) app.stop();
        app = null;
        queue.close();
    }
}
