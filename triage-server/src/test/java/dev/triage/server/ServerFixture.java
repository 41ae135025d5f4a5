package dev.triage.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.store.Store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A running server for a test: its own store (an H2 file in a temporary folder, or a fresh schema of the test
 * PostgreSQL named by {@code TRIAGE_TEST_POSTGRES_URL}, like the store's tests), its own data folder, a free port,
 * and {@link TestWorker} as the scan worker. Users of two teams with every role, each with an API token.
 */
final class ServerFixture implements AutoCloseable {
    static final String POSTGRES_ENV = "TRIAGE_TEST_POSTGRES_URL";
    static final String ADMIN_PASSWORD = "first-admin-password-for-tests";

    final Store store;
    final TriageServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    final Map<String, String> tokens = new HashMap<>();
    final Map<String, Long> teams = new HashMap<>();
    final String console;
    private final String pgBase;
    private final String pgSchema;

    ServerFixture(String target, Path dir, Duration scanTimeout, int uploadsPerMinute) throws IOException {
        String url;
        if (target.equals("postgresql")) {
            pgBase = postgresBase();
            pgSchema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            try (Connection c = DriverManager.getConnection(pgBase); Statement st = c.createStatement()) {
                st.execute("CREATE SCHEMA " + pgSchema);
            } catch (SQLException e) {
                throw new AssertionError("cannot reach the test PostgreSQL: " + e.getMessage(), e);
            }
            url = pgBase + (pgBase.contains("?") ? "&" : "?") + "currentSchema=" + pgSchema;
        } else {
            pgBase = null;
            pgSchema = null;
            url = dir.resolve("store").resolve("triage").toString();
        }
        store = Store.open(url);
        List<String> worker = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), TestWorker.class.getName());
        ServerOptions options = new ServerOptions("127.0.0.1", 0, dir.resolve("data"), 1 << 20, 1, 5, scanTimeout,
                worker, "test", 100_000, uploadsPerMinute, ADMIN_PASSWORD, true);
        server = new TriageServer(store, options);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        server.start(new PrintStream(out, true, StandardCharsets.UTF_8));
        console = out.toString(StandardCharsets.UTF_8);
        Accounts a = server.accounts();
        Principal admin = a.login("admin", ADMIN_PASSWORD).orElseThrow();
        tokens.put("admin", a.createToken(admin, "test").token());
        for (String team : List.of("A", "B")) teams.put(team, a.createTeam("team-" + team, "admin"));
        for (String[] u : new String[][]{{"reviewerA", "reviewer", "A"}, {"reviewerA2", "reviewer", "A"},
                {"devA", "developer", "A"}, {"readerA", "read-only", "A"}, {"reviewerB", "reviewer", "B"},
                {"devB", "developer", "B"}}) {
            Accounts.NewUser nu = a.createUser(u[0], Role.of(u[1]), "password-of-" + u[0], "admin");
            a.addMember(teams.get(u[2]), u[0], "admin");
            tokens.put(u[0], a.createToken(new Principal(nu.id(), nu.name(), nu.role(), null, null), "test").token());
        }
    }

    static String postgresBase() {
        String base = System.getenv(POSTGRES_ENV);
        if (base == null || base.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(POSTGRES_ENV + " is not set: .ci/run must start PostgreSQL for the server tests");
            }
            org.junit.jupiter.api.Assumptions.abort(POSTGRES_ENV + " not set: PostgreSQL server tests skipped on this machine");
        }
        return base;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** Sends a request as {@code user} (null: no credentials); a JSON body when {@code json} is not null. */
    HttpResponse<String> send(String user, String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(120));
        if (user != null) b.header("Authorization", "Bearer " + tokens.get(user));
        if (json != null) b.header("Content-Type", "application/json");
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> upload(String user, String app, String name, String team, byte[] bytes) throws IOException, InterruptedException {
        String q = "?name=" + name + (team != null ? "&team=" + teams.get(team) : "");
        HttpRequest.Builder b = HttpRequest.newBuilder(uri("/api/v1/apps/" + app + "/uploads" + q)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (user != null) b.header("Authorization", "Bearer " + tokens.get(user));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return TriageServer.JSON.readTree(r.body());
    }

    /** Polls the job until it is done or failed (bounded by a generous wall time: the machine may be loaded). */
    JsonNode awaitJob(String user, long jobId) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = json(send(user, "GET", "/api/v1/jobs/" + jobId, null));
            String status = job.path("status").asText();
            if (status.equals("done") || status.equals("failed")) return job;
            Thread.sleep(100);
        }
        throw new AssertionError("job " + jobId + " did not finish in 5 minutes");
    }

    @Override
    public void close() {
        server.close();
        store.close();
        if (pgBase != null) {
            try (Connection c = DriverManager.getConnection(pgBase); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA " + pgSchema + " CASCADE");
            } catch (SQLException e) {
                throw new AssertionError("cannot drop test schema " + pgSchema + ": " + e.getMessage(), e);
            }
        }
    }
}
