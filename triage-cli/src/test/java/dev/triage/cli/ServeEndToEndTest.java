package dev.triage.cli;

import dev.triage.contract.TriageVersion;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.server.Accounts;
import dev.triage.server.Principal;
import dev.triage.server.ServerOptions;
import dev.triage.server.TriageServer;
import dev.triage.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code triage serve} with the real scanner: the sample war uploaded over HTTP is scanned by a real worker JVM
 * ({@code triage portfolio worker}), its findings read through the API and its reports downloaded; a worker killed
 * in the middle of a scan (SIGKILL, as the OOM killer or an operator would) leaves the job failed and nothing of
 * that scan but its failure in the store.
 */
class ServeEndToEndTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path WAR = Path.of("../examples/healthcare-portal/target/healthcare-portal.war");

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(TriageServer server, String token, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode upload(TriageServer server, String token, String app, Path file) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/apps/" + app
                        + "/uploads?name=" + file.getFileName()))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private JsonNode await(TriageServer server, String token, long job, String... until) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode j = JSON.readTree(get(server, token, "/api/v1/jobs/" + job).body());
            if (Arrays.asList(until).contains(j.get("status").asText())) return j;
            Thread.sleep(200);
        }
        throw new AssertionError("job " + job + " not " + String.join("/", until) + " within 10 minutes");
    }

    private TriageServer start(Store store) throws Exception {
        List<String> worker = PortfolioCommand.workerCommand("1g", Duration.ofMinutes(10), null, List.of(), List.of());
        TriageServer server = new TriageServer(store, new ServerOptions("127.0.0.1", 0, tmp.resolve("data"), 256L << 20, 1, 10,
                Duration.ofMinutes(10), worker, TriageVersion.get(), 10_000, 100, "end-to-end-admin-password", true));
        server.start(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        return server;
    }

    @Test
    void theSampleAppUploadedIsScannedAndItsFindingsAndReportsServed() throws Exception {
        try (Store store = Store.open(tmp.resolve("store").resolve("s").toString()); TriageServer server = start(store)) {
            Accounts accounts = server.accounts();
            Principal admin = accounts.login("admin", "end-to-end-admin-password").orElseThrow();
            String token = accounts.createToken(admin, "e2e").token();

            JsonNode job = await(server, token, upload(server, token, "portal", WAR).get("id").asLong(), "done", "failed");
            assertEquals("done", job.get("status").asText(), job.toString());
            long scan = job.get("scan_id").asLong();
            JsonNode scanRow = JSON.readTree(get(server, token, "/api/v1/scans/" + scan).body());
            int findings = scanRow.get("finding_count").asInt();
            assertTrue(findings > 10, scanRow.toString());

            JsonNode sqli = JSON.readTree(get(server, token, "/api/v1/findings?rule=java/sql-injection").body()).get("items");
            assertTrue(sqli.size() > 0, "the portal's SQL injection");
            JsonNode flaw = JSON.readTree(get(server, token, "/api/v1/findings/" + sqli.get(0).get("id").asLong()).body());
            assertTrue(flaw.get("latest").get("path").size() >= 2, "a path from source to sink: " + flaw);

            JsonNode sarif = JSON.readTree(get(server, token, "/api/v1/scans/" + scan + "/reports/sarif").body());
            assertEquals("2.1.0", sarif.get("version").asText());
            assertEquals(findings, sarif.get("runs").get(0).get("results").size());
            JsonNode sbom = JSON.readTree(get(server, token, "/api/v1/scans/" + scan + "/reports/sbom").body());
            assertEquals("CycloneDX", sbom.get("bomFormat").asText());
            assertTrue(get(server, token, "/api/v1/scans/" + scan + "/reports/html").body().contains("<html"));
            assertEquals(200, get(server, token, "/api/v1/portfolio/report").statusCode());
        }
    }

    @Test
    void aWorkerKilledMidScanLeavesTheJobFailedAndNothingHalfStored() throws Exception {
        // a big real jar (Hibernate's) scanned as an app takes long enough to be killed in the middle
        Path big = Path.of(Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> p.contains("hibernate-core")).findFirst().orElseThrow());
        try (Store store = Store.open(tmp.resolve("store").resolve("s").toString()); TriageServer server = start(store)) {
            Accounts accounts = server.accounts();
            String token = accounts.createToken(accounts.login("admin", "end-to-end-admin-password").orElseThrow(), "e2e").token();
            // a first scan leaves the worker JVM started and ready: the next one is killed mid-scan, not mid-start-up
            JsonNode first = await(server, token, upload(server, token, "portal", WAR).get("id").asLong(), "done", "failed");
            assertEquals("done", first.get("status").asText(), first.toString());
            long job = upload(server, token, "runaway", big).get("id").asLong();
            await(server, token, job, "running");
            ProcessHandle worker = null;
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (worker == null && System.nanoTime() < deadline) {
                // the server's only child process is its scan worker (its command line is too long for /proc to show whole)
                worker = ProcessHandle.current().children().filter(ProcessHandle::isAlive).findFirst().orElse(null);
                Thread.sleep(100);
            }
            assertTrue(worker != null, "the scan worker JVM");
            Thread.sleep(2000); // into the scan
            worker.destroyForcibly();

            JsonNode done = await(server, token, job, "done", "failed");
            assertEquals("failed", done.get("status").asText(), done.toString());
            long scan = done.get("scan_id").asLong();
            var rows = store.query("SELECT status, failure_kind, finding_count FROM scan WHERE id = ?", scan);
            assertEquals("failed", rows.get(0).get("status"));
            assertEquals(0L, rows.get(0).get("finding_count"));
            assertEquals(0L, store.query("SELECT COUNT(*) AS n FROM finding WHERE scan_id = ?", scan).get(0).get("n"));
            assertEquals(0L, store.query("SELECT COUNT(*) AS n FROM flaw f JOIN app a ON a.id = f.app_id WHERE a.app_key = 'runaway'")
                    .get(0).get("n"));
            assertTrue(done.get("error").asText().startsWith("crashed"), done.toString());
            // and the server goes on: the next upload is scanned by a fresh worker
            JsonNode next = await(server, token, upload(server, token, "portal2", WAR).get("id").asLong(), "done", "failed");
            assertEquals("done", next.get("status").asText(), next.toString());
        }
    }
}
