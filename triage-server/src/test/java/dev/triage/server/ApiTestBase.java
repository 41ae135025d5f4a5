package dev.triage.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The REST API over real HTTP, against one store ({@link H2ApiTest}, {@link PostgresApiTest}): uploads and their
 * scans, reads with filters, triage decisions, downloads, bad input, a worker dying mid-scan, and who may do what.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiTestBase {
    static final String ARTIFACT = String.join("\n",
            "finding java/sql-injection 89 5 com.example.PatientDao 42",
            "finding java/xss 79 4 com.example.SearchServlet 17",
            "finding java/weak-hash 328 2 com.example.Passwords 9",
            "finding java/log-injection 117 1 com.example.Audit 30");

    Path dir;
    ServerFixture f;

    abstract String target();

    ServerFixture fixture() throws Exception {
        if (f == null) {
            // one server for the class: a folder of the class's own (a @TempDir field is per test method)
            dir = java.nio.file.Files.createTempDirectory("triage-server-test");
            f = new ServerFixture(target(), dir, Duration.ofSeconds(60), 1000);
        }
        return f;
    }

    @AfterAll
    void stop() throws java.io.IOException {
        if (f != null) f.close();
        if (dir != null) {
            try (var walk = java.nio.file.Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) java.nio.file.Files.deleteIfExists(p);
            }
        }
    }

    /** Uploads the artifact as {@code user} to a new app of team A and waits for its scan. */
    JsonNode scanned(String app, String artifact) throws Exception {
        var r = fixture().upload("devA", app, app + ".war", "A", artifact.getBytes(StandardCharsets.UTF_8));
        assertEquals(202, r.statusCode(), r.body());
        JsonNode job = f.awaitJob("devA", ServerFixture.json(r).get("id").asLong());
        assertEquals("done", job.get("status").asText(), job.toString());
        return job;
    }

    static List<JsonNode> items(HttpResponse<String> r) throws Exception {
        assertEquals(200, r.statusCode(), r.body());
        List<JsonNode> out = new ArrayList<>();
        for (Iterator<JsonNode> it = ServerFixture.json(r).get("items").elements(); it.hasNext(); ) out.add(it.next());
        return out;
    }

    @Test
    void firstStartCreatesTheAdminAndSaysSo() throws Exception {
        assertTrue(fixture().console.contains("created the admin user 'admin'"), f.console);
        assertEquals("admin", ServerFixture.json(f.send("admin", "GET", "/api/v1/me", null)).get("role").asText());
    }

    @Test
    void uploadScanReadFilterAndDownload() throws Exception {
        JsonNode job = scanned("portal-read", ARTIFACT);
        long scan = job.get("scan_id").asLong();
        assertEquals(64, job.get("artifact_sha256").asText().length());

        List<JsonNode> all = items(f.send("devA", "GET", "/api/v1/apps/portal-read/findings", null));
        assertEquals(4, all.size());
        assertEquals("java/sql-injection", all.get(0).get("rule_id").asText(), "most severe first");
        assertEquals(2, items(f.send("devA", "GET", "/api/v1/apps/portal-read/findings?severity=high", null)).size());
        assertEquals(1, items(f.send("devA", "GET", "/api/v1/apps/portal-read/findings?cwe=CWE-79", null)).size());
        assertEquals(1, items(f.send("devA", "GET", "/api/v1/apps/portal-read/findings?rule=java/weak-hash", null)).size());
        assertEquals(4, items(f.send("devA", "GET", "/api/v1/apps/portal-read/findings?rule=java/", null)).size());
        assertEquals(4, items(f.send("devA", "GET", "/api/v1/apps/portal-read/findings?status=new", null)).size());
        assertEquals(0, items(f.send("devA", "GET", "/api/v1/apps/portal-read/findings?status=fixed", null)).size());
        assertEquals(2, items(f.send("devA", "GET", "/api/v1/scans/" + scan + "/findings?severity=4", null)).size());
        assertEquals(1, items(f.send("devA", "GET", "/api/v1/apps/portal-read/findings?limit=1&offset=3", null)).size());

        JsonNode flaw = ServerFixture.json(f.send("devA", "GET", "/api/v1/findings/" + all.get(0).get("id").asLong(), null));
        assertEquals(2, flaw.get("latest").get("path").size(), "the path from source to sink");
        assertEquals(42, flaw.get("latest").get("line").asInt());
        assertEquals("new", flaw.get("history").get(0).get("event").asText());

        List<JsonNode> components = items(f.send("devA", "GET", "/api/v1/scans/" + scan + "/components?vulnerable=true", null));
        assertEquals(1, components.size());
        assertEquals("CVE-2099-0001", components.get(0).get("advisories").get(0).get("primary_alias").asText());

        JsonNode app = ServerFixture.json(f.send("devA", "GET", "/api/v1/apps/portal-read", null));
        assertEquals(4, app.get("open_flaws").asInt());
        assertEquals(2, app.get("high_flaws").asInt());

        for (String format : List.of("sarif", "json", "html", "sbom")) {
            var r = f.send("readerA", "GET", "/api/v1/scans/" + scan + "/reports/" + format, null);
            assertEquals(200, r.statusCode(), format + ": " + r.body());
            assertTrue(r.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        }
        assertTrue(f.send("devA", "GET", "/api/v1/scans/" + scan + "/reports/sarif", null).body().contains("2.1.0"));
        assertTrue(f.send("devA", "GET", "/api/v1/scans/" + scan + "/reports/html", null).headers()
                .firstValue("Content-Security-Policy").orElse("").contains("sandbox"));

        // a rescan of a new version without the SQL injection: that flaw is fixed, the others stay open
        var r = f.upload("devA", "portal-read", "portal-read-2.war", null,
                ARTIFACT.lines().skip(1).reduce("", (a, b) -> a + b + "\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(202, r.statusCode(), r.body());
        assertEquals("done", f.awaitJob("devA", ServerFixture.json(r).get("id").asLong()).get("status").asText());
        assertEquals(1, items(f.send("devA", "GET", "/api/v1/apps/portal-read/findings?status=fixed", null)).size());
        assertEquals(2, items(f.send("devA", "GET", "/api/v1/apps/portal-read/versions", null)).size());
        assertEquals(2, items(f.send("devA", "GET", "/api/v1/apps/portal-read/scans", null)).size());
    }

    @Test
    void triageDecisionsNeedAReviewerOtherThanTheProposer() throws Exception {
        scanned("portal-triage", ARTIFACT);
        List<JsonNode> flaws = items(f.send("devA", "GET", "/api/v1/apps/portal-triage/findings", null));
        long flaw = flaws.get(1).get("id").asLong();
        var proposed = f.send("devA", "POST", "/api/v1/findings/" + flaw + "/decisions",
                "{\"kind\":\"false-positive\",\"reason\":\"the value is escaped by the template\"}");
        assertEquals(201, proposed.statusCode(), proposed.body());
        long decision = ServerFixture.json(proposed).get("id").asLong();
        assertEquals(409, f.send("reviewerA", "POST", "/api/v1/findings/" + flaw + "/decisions",
                "{\"kind\":\"accepted-risk\",\"reason\":\"again\"}").statusCode(), "one decision in force per flaw");
        assertEquals(403, f.send("devA", "POST", "/api/v1/decisions/" + decision + "/approve", "{}").statusCode());
        assertEquals(403, f.send("readerA", "POST", "/api/v1/decisions/" + decision + "/approve", "{}").statusCode());
        assertEquals(404, f.send("reviewerB", "POST", "/api/v1/decisions/" + decision + "/approve", "{}").statusCode());
        assertEquals(1, items(f.send("devA", "GET", "/api/v1/apps/portal-triage/findings?status=proposed", null)).size());

        var approved = f.send("reviewerA", "POST", "/api/v1/decisions/" + decision + "/approve", "{\"note\":\"checked\"}");
        assertEquals(200, approved.statusCode(), approved.body());
        assertEquals("approved", ServerFixture.json(approved).get("status").asText());
        assertEquals(1, items(f.send("devA", "GET", "/api/v1/apps/portal-triage/findings?status=mitigated", null)).size());
        assertEquals(3, ServerFixture.json(f.send("devA", "GET", "/api/v1/apps/portal-triage", null)).get("open_flaws").asInt());

        // a reviewer's own proposal needs another reviewer
        long other = flaws.get(2).get("id").asLong();
        long own = ServerFixture.json(f.send("reviewerA", "POST", "/api/v1/findings/" + other + "/decisions",
                "{\"kind\":\"accepted-risk\",\"reason\":\"internal tool\"}")).get("id").asLong();
        assertEquals(403, f.send("reviewerA", "POST", "/api/v1/decisions/" + own + "/approve", "{}").statusCode());
        assertEquals(400, f.send("reviewerA2", "POST", "/api/v1/decisions/" + own + "/reject", "{}").statusCode(), "a note is required");
        assertEquals(200, f.send("reviewerA2", "POST", "/api/v1/decisions/" + own + "/reject", "{\"note\":\"it is not internal\"}").statusCode());

        var revoked = f.send("reviewerA2", "POST", "/api/v1/decisions/" + decision + "/revoke", "{\"note\":\"template changed\"}");
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertEquals(4, ServerFixture.json(f.send("devA", "GET", "/api/v1/apps/portal-triage", null)).get("open_flaws").asInt());

        List<JsonNode> audit = items(f.send("admin", "GET", "/api/v1/audit?limit=1000", null));
        Set<String> actions = new TreeSet<>();
        for (JsonNode e : audit) actions.add(e.get("action").asText() + " by " + e.get("actor").asText());
        assertTrue(actions.containsAll(List.of("decision-proposed by devA", "decision-approved by reviewerA",
                "decision-rejected by reviewerA2", "decision-revoked by reviewerA2", "token-used by devA")), actions.toString());
    }

    @Test
    void teamsSeeOnlyTheirApps() throws Exception {
        JsonNode job = scanned("portal-private", ARTIFACT);
        long scan = job.get("scan_id").asLong();
        long flaw = items(f.send("devA", "GET", "/api/v1/apps/portal-private/findings", null)).get(0).get("id").asLong();
        for (String path : List.of("/api/v1/apps/portal-private", "/api/v1/apps/portal-private/findings",
                "/api/v1/scans/" + scan, "/api/v1/scans/" + scan + "/reports/sarif", "/api/v1/findings/" + flaw,
                "/api/v1/jobs/" + job.get("id").asLong())) {
            assertEquals(404, f.send("devB", "GET", path, null).statusCode(), path);
            assertEquals(200, f.send("readerA", "GET", path, null).statusCode(), path);
        }
        for (String path : List.of("/api/v1/apps", "/api/v1/findings", "/api/v1/jobs", "/api/v1/decisions")) {
            for (JsonNode item : items(f.send("devB", "GET", path, null))) {
                assertFalse(item.path("app_key").asText().startsWith("portal-"), path + " shows " + item);
            }
        }
        // an app of team A cannot be taken over by uploading to it from team B
        assertEquals(404, f.upload("devB", "portal-private", "x.war", "B", ARTIFACT.getBytes(StandardCharsets.UTF_8)).statusCode());
    }

    @Test
    void badInputIsA4xxWithAClearJsonError() throws Exception {
        fixture();
        byte[] bytes = ARTIFACT.getBytes(StandardCharsets.UTF_8);
        List<HttpResponse<String>> refused = new ArrayList<>();
        refused.add(expect(400, f.upload("devA", "portal-bad", "", "A", bytes)));
        refused.add(expect(400, f.upload("devA", "portal-bad", "notes.txt", "A", bytes)));
        refused.add(expect(400, f.upload("devA", "portal-bad", "app.war", "A", new byte[0])));
        refused.add(expect(400, f.upload("devA", "bad%20key", "app.war", "A", bytes)));
        refused.add(expect(400, f.upload("devA", "portal-new", "app.war", null, bytes)));
        refused.add(expect(413, f.upload("devA", "portal-bad", "app.war", "A", new byte[(1 << 20) + 1])));
        refused.add(expect(401, f.upload(null, "portal-bad", "app.war", "A", bytes)));
        refused.add(expect(400, f.send("devA", "GET", "/api/v1/findings?severity=urgent", null)));
        refused.add(expect(400, f.send("devA", "GET", "/api/v1/findings?status=whatever", null)));
        refused.add(expect(400, f.send("devA", "GET", "/api/v1/findings?limit=100000", null)));
        refused.add(expect(400, f.send("devA", "GET", "/api/v1/findings?cwe=abc", null)));
        refused.add(expect(400, f.send("devA", "GET", "/api/v1/scans/abc", null)));
        refused.add(expect(404, f.send("devA", "GET", "/api/v1/scans/999999", null)));
        refused.add(expect(404, f.send("devA", "GET", "/api/v1/nothing-here", null)));
        refused.add(expect(400, f.send("devA", "POST", "/api/v1/tokens", "{not json")));
        refused.add(expect(400, f.send("devA", "POST", "/api/v1/tokens", "[1,2]")));
        refused.add(expect(400, f.send("devA", "POST", "/api/v1/tokens", "{\"name\":42}")));
        refused.add(expect(400, f.send("admin", "POST", "/api/v1/users", "{\"name\":\"x\",\"role\":\"god\"}")));
        refused.add(expect(400, f.send("admin", "POST", "/api/v1/users", "{\"name\":\"shorty\",\"role\":\"developer\",\"password\":\"short\"}")));
        refused.add(expect(409, f.send("admin", "POST", "/api/v1/teams", "{\"name\":\"team-A\"}")));
        refused.add(expect(401, f.http.send(java.net.http.HttpRequest.newBuilder(f.uri("/api/v1/me"))
                .header("Authorization", "Bearer trg_not-a-real-token").build(), HttpResponse.BodyHandlers.ofString())));
        refused.add(expect(401, f.http.send(java.net.http.HttpRequest.newBuilder(f.uri("/api/v1/me"))
                .header("Authorization", "Basic YWRtaW46YWRtaW4=").build(), HttpResponse.BodyHandlers.ofString())));
        var notJson = f.http.send(java.net.http.HttpRequest.newBuilder(f.uri("/api/v1/tokens"))
                .header("Authorization", "Bearer " + f.tokens.get("devA")).header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("name=x")).build(), HttpResponse.BodyHandlers.ofString());
        refused.add(expect(415, notJson));
        for (HttpResponse<String> r : refused) {
            JsonNode body = ServerFixture.json(r);
            assertEquals(r.statusCode(), body.get("status").asInt());
            assertFalse(body.get("error").asText().isBlank());
            assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.uri().toString());
        }
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.request().method() + " " + r.uri() + ": " + r.body());
        return r;
    }

    @Test
    void aWorkerKilledMidScanFailsTheJobAndStoresNothingHalfDone() throws Exception {
        var r = fixture().upload("devA", "portal-crash", "crash.war", "A",
                "finding java/xss 79 4 com.example.A 1\ndie\n".getBytes(StandardCharsets.UTF_8));
        JsonNode job = f.awaitJob("devA", ServerFixture.json(r).get("id").asLong());
        assertEquals("failed", job.get("status").asText());
        assertTrue(job.get("error").asText().startsWith("crashed"), job.toString());
        JsonNode scan = ServerFixture.json(f.send("devA", "GET", "/api/v1/scans/" + job.get("scan_id").asLong(), null));
        assertEquals("failed", scan.get("status").asText());
        assertEquals(0, scan.get("finding_count").asInt());
        assertEquals(0, items(f.send("devA", "GET", "/api/v1/apps/portal-crash/findings", null)).size());
        assertEquals(404, f.send("devA", "GET", "/api/v1/scans/" + job.get("scan_id").asLong() + "/reports/sarif", null).statusCode());
        // the next scan gets a fresh worker
        assertEquals("done", scanned("portal-after-crash", ARTIFACT).get("status").asText());
    }

    @Test
    void everyRouteIsInTheOpenApiDocument() throws Exception {
        JsonNode doc = ServerFixture.json(fixture().send(null, "GET", "/openapi.json", null));
        assertEquals("3.1.0", doc.get("openapi").asText());
        Set<String> documented = new TreeSet<>();
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(m -> documented.add(m.toUpperCase(java.util.Locale.ROOT) + " " + p.getKey())));
        Set<String> api = new TreeSet<>(f.server.routes());
        api.removeIf(r -> !r.contains(" /api/") && !r.endsWith(" /openapi.json"));
        assertEquals(documented, api);
        assertEquals(documented, new TreeSet<>(AuthorizationMatrix.ENDPOINTS), "the authorization matrix covers every endpoint");
    }

    @Test
    void dashboardSessionsAreHttpOnlyStrictCookiesAndFormsNeedTheCsrfToken() throws Exception {
        fixture();
        var http = java.net.http.HttpClient.newHttpClient(); // no redirects followed, no cookie jar
        var wrong = http.send(java.net.http.HttpRequest.newBuilder(f.uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("name=devA&password=nope")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.headers().firstValue("Set-Cookie").isEmpty());
        var login = http.send(java.net.http.HttpRequest.newBuilder(f.uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("name=devA&password=password-of-devA")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, login.statusCode(), login.body());
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        for (String flag : List.of("HttpOnly", "SameSite=Strict", "Secure", "Path=/")) assertTrue(setCookie.contains(flag), setCookie);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        var page = http.send(java.net.http.HttpRequest.newBuilder(f.uri("/tokens")).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("default-src 'none'") && csp.contains("script-src 'self'") && !csp.contains("unsafe"), csp);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(m.find(), page.body());
        String csrf = m.group(1);

        var forged = http.send(java.net.http.HttpRequest.newBuilder(f.uri("/tokens")).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("name=forged")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, forged.statusCode(), "a form without the CSRF token");
        var made = http.send(java.net.http.HttpRequest.newBuilder(f.uri("/tokens")).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("name=laptop&csrf=" + csrf)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, made.statusCode(), made.body());
        assertTrue(made.body().contains("id=\"new-token\">trg_"), made.body());

        // the API with the session: reads work; writes need the token in X-CSRF-Token
        assertEquals(200, http.send(java.net.http.HttpRequest.newBuilder(f.uri("/api/v1/me")).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        var apiForged = http.send(java.net.http.HttpRequest.newBuilder(f.uri("/api/v1/tokens")).header("Cookie", cookie)
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, apiForged.statusCode());
        var apiOk = http.send(java.net.http.HttpRequest.newBuilder(f.uri("/api/v1/tokens")).header("Cookie", cookie).header("X-CSRF-Token", csrf)
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, apiOk.statusCode(), apiOk.body());

        // logging out ends the session on the server, not only in the browser
        var out = http.send(java.net.http.HttpRequest.newBuilder(f.uri("/logout")).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("csrf=" + csrf)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, out.statusCode());
        assertEquals(401, http.send(java.net.http.HttpRequest.newBuilder(f.uri("/api/v1/me")).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        var toLogin = http.send(java.net.http.HttpRequest.newBuilder(f.uri("/")).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, toLogin.statusCode());
        assertEquals("/login", toLogin.headers().firstValue("Location").orElse(""));
    }

    /** A browser-like session: the cookie and CSRF token of {@code user} after logging in on the form. */
    record Session(String cookie, String csrf) {
    }

    Session logIn(String user) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var login = http.send(java.net.http.HttpRequest.newBuilder(f.uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("name=" + user + "&password=password-of-" + user)).build(),
                HttpResponse.BodyHandlers.ofString());
        String c = login.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = c.substring(0, c.indexOf(';'));
        String page = page(cookie, "/tokens").body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find());
        return new Session(cookie, m.group(1));
    }

    HttpResponse<String> page(String cookie, String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(f.uri(path)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> form(Session s, String path, String body) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(f.uri(path)).header("Cookie", s.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body + "&csrf=" + s.csrf())).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void dashboardPagesShowTheFindingPathAdviceAndTriageEscapingWhatTheScanSaid() throws Exception {
        scanned("portal-pages", ARTIFACT + "\nfinding <script>alert(1)</script> 79 3 com.example.Evil 5");
        Session dev = logIn("devA");
        String overview = page(dev.cookie(), "/").body();
        assertTrue(overview.contains("href=\"/apps/portal-pages\""), overview);
        assertTrue(overview.contains("<svg"), "charts");
        String app = page(dev.cookie(), "/apps/portal-pages").body();
        assertFalse(app.contains("<script>alert"), "a rule id from the scan is escaped");
        assertTrue(app.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), app);
        assertTrue(app.contains("/api/v1/scans/"), "report downloads");
        long flaw = items(f.send("devA", "GET", "/api/v1/apps/portal-pages/findings?rule=java/sql-injection", null)).get(0).get("id").asLong();
        String finding = page(dev.cookie(), "/findings/" + flaw).body();
        assertTrue(finding.contains("id=\"path\"") && finding.contains("source: request parameter"), finding);
        assertTrue(finding.contains("id=\"advice\""), "the rule's remediation");
        assertTrue(finding.contains("id=\"propose\""), "a developer may propose");
        assertEquals(303, form(dev, "/findings/" + flaw + "/decisions", "kind=false-positive&reason=escaped+by+the+DAO").statusCode());
        String proposed = page(dev.cookie(), "/findings/" + flaw).body();
        assertTrue(proposed.contains(">proposed<") && !proposed.contains("class=\"approve\""), "no approve button for the proposer");

        Session reviewer = logIn("reviewerA");
        String review = page(reviewer.cookie(), "/findings/" + flaw).body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("action=\"/decisions/(\\d+)/approve\"").matcher(review);
        assertTrue(m.find(), review);
        assertEquals(303, form(reviewer, "/decisions/" + m.group(1) + "/approve", "note=ok").statusCode());
        assertTrue(page(reviewer.cookie(), "/findings/" + flaw).body().contains(">approved<"));
        assertEquals(403, form(dev, "/decisions/" + m.group(1) + "/revoke", "note=mine").statusCode(), "a developer cannot revoke");

        // another team's pages do not exist for this user
        Session other = logIn("devB");
        assertEquals(404, page(other.cookie(), "/apps/portal-pages").statusCode());
        assertEquals(404, page(other.cookie(), "/findings/" + flaw).statusCode());
        assertTrue(page(other.cookie(), "/findings/" + flaw).body().contains("no finding"), "an HTML error page");
    }

    @Test
    void everyEndpointAnswersEachRoleAsDocumented() throws Exception {
        new AuthorizationMatrix(fixture()).check();
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
