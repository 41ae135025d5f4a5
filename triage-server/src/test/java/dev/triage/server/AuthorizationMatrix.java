package dev.triage.server;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint, asked by every kind of caller — nobody, an admin, team A's reviewer, developer and read-only user,
 * team B's developer and reviewer — over real HTTP, with the status each must get. Team A owns the app; team B must
 * not learn it exists (404); a role that may not act gets 403; state conflicts (a second proposal) are 409.
 */
final class AuthorizationMatrix {
    /** Callers, in the order they ask: the admin last, so that what only the admin may do is still there to refuse. */
    static final List<String> CALLERS = List.of("anonymous", "readerA", "devB", "reviewerB", "devA", "reviewerA", "admin");
    static final Set<String> TEAM_A = Set.of("admin", "reviewerA", "devA", "readerA");

    /** Every endpoint the matrix checks (the OpenAPI document and the server's routes must be exactly these). */
    static final List<String> ENDPOINTS = List.of(
            "GET /openapi.json", "GET /api/v1/health", "GET /api/v1/me",
            "POST /api/v1/apps/{app}/uploads", "GET /api/v1/jobs", "GET /api/v1/jobs/{id}",
            "GET /api/v1/apps", "GET /api/v1/apps/{app}", "GET /api/v1/apps/{app}/versions", "GET /api/v1/apps/{app}/scans",
            "GET /api/v1/apps/{app}/findings", "GET /api/v1/findings", "GET /api/v1/findings/{id}",
            "POST /api/v1/findings/{id}/decisions", "GET /api/v1/scans/{id}", "GET /api/v1/scans/{id}/findings",
            "GET /api/v1/scans/{id}/components", "GET /api/v1/scans/{id}/reports/{format}", "GET /api/v1/decisions",
            "POST /api/v1/decisions/{id}/approve", "POST /api/v1/decisions/{id}/reject", "POST /api/v1/decisions/{id}/revoke",
            "GET /api/v1/portfolio/report", "GET /api/v1/tokens", "POST /api/v1/tokens", "DELETE /api/v1/tokens/{id}",
            "GET /api/v1/users", "POST /api/v1/users", "GET /api/v1/teams", "POST /api/v1/teams",
            "POST /api/v1/teams/{id}/members", "POST /api/v1/teams/{id}/apps", "GET /api/v1/audit");

    private final ServerFixture f;

    AuthorizationMatrix(ServerFixture f) {
        this.f = f;
    }

    private record Case(String endpoint, String path, String body, Map<String, Set<Integer>> expected) {
    }

    void check() throws Exception {
        // team A's app, scanned, with decisions to approve, reject and revoke
        var up = f.upload("devA", "matrix-a", "matrix-a.war", "A", ApiTestBase.ARTIFACT.getBytes(StandardCharsets.UTF_8));
        assertEquals(202, up.statusCode(), up.body());
        JsonNode job = f.awaitJob("devA", ServerFixture.json(up).get("id").asLong());
        long jobId = job.get("id").asLong();
        long scan = job.get("scan_id").asLong();
        List<JsonNode> flaws = ApiTestBase.items(f.send("devA", "GET", "/api/v1/apps/matrix-a/findings", null));
        long[] decision = new long[3];
        for (int i = 0; i < 3; i++) {
            decision[i] = ServerFixture.json(f.send("devA", "POST", "/api/v1/findings/" + flaws.get(i).get("id").asLong() + "/decisions",
                    "{\"kind\":\"mitigated-by-design\",\"reason\":\"matrix " + i + "\"}")).get("id").asLong();
        }
        assertEquals(200, f.send("reviewerA2", "POST", "/api/v1/decisions/" + decision[2] + "/approve", "{}").statusCode());
        long flaw = flaws.get(3).get("id").asLong();
        long adminToken = ServerFixture.json(f.send("admin", "POST", "/api/v1/tokens", "{\"name\":\"matrix\"}")).get("id").asLong();
        long team = ServerFixture.json(f.send("admin", "POST", "/api/v1/teams", "{\"name\":\"team-matrix\"}")).get("id").asLong();

        List<Case> cases = new ArrayList<>();
        cases.add(new Case("GET /openapi.json", "/openapi.json", null, all(200, 200)));
        cases.add(new Case("GET /api/v1/health", "/api/v1/health", null, all(200, 200)));
        cases.add(new Case("GET /api/v1/me", "/api/v1/me", null, all(401, 200)));
        cases.add(new Case("POST /api/v1/apps/{app}/uploads", "/api/v1/apps/matrix-a/uploads?name=again.war", "upload",
                team(Map.of("admin", 202, "reviewerA", 202, "devA", 202, "readerA", 403))));
        cases.add(new Case("GET /api/v1/jobs", "/api/v1/jobs", null, all(401, 200)));
        cases.add(new Case("GET /api/v1/jobs/{id}", "/api/v1/jobs/" + jobId, null, teamRead()));
        cases.add(new Case("GET /api/v1/apps", "/api/v1/apps", null, all(401, 200)));
        cases.add(new Case("GET /api/v1/apps/{app}", "/api/v1/apps/matrix-a", null, teamRead()));
        cases.add(new Case("GET /api/v1/apps/{app}/versions", "/api/v1/apps/matrix-a/versions", null, teamRead()));
        cases.add(new Case("GET /api/v1/apps/{app}/scans", "/api/v1/apps/matrix-a/scans", null, teamRead()));
        cases.add(new Case("GET /api/v1/apps/{app}/findings", "/api/v1/apps/matrix-a/findings", null, teamRead()));
        cases.add(new Case("GET /api/v1/findings", "/api/v1/findings", null, all(401, 200)));
        cases.add(new Case("GET /api/v1/findings/{id}", "/api/v1/findings/" + flaw, null, teamRead()));
        cases.add(new Case("POST /api/v1/findings/{id}/decisions", "/api/v1/findings/" + flaw + "/decisions",
                "{\"kind\":\"accepted-risk\",\"reason\":\"matrix\"}",
                teamSets(Map.of("admin", Set.of(201, 409), "reviewerA", Set.of(201, 409), "devA", Set.of(201, 409), "readerA", Set.of(403)))));
        cases.add(new Case("GET /api/v1/scans/{id}", "/api/v1/scans/" + scan, null, teamRead()));
        cases.add(new Case("GET /api/v1/scans/{id}/findings", "/api/v1/scans/" + scan + "/findings", null, teamRead()));
        cases.add(new Case("GET /api/v1/scans/{id}/components", "/api/v1/scans/" + scan + "/components", null, teamRead()));
        cases.add(new Case("GET /api/v1/scans/{id}/reports/{format}", "/api/v1/scans/" + scan + "/reports/sarif", null, teamRead()));
        cases.add(new Case("GET /api/v1/decisions", "/api/v1/decisions", null, all(401, 200)));
        cases.add(new Case("POST /api/v1/decisions/{id}/approve", "/api/v1/decisions/" + decision[0] + "/approve", "{}", reviewerOnly()));
        cases.add(new Case("POST /api/v1/decisions/{id}/reject", "/api/v1/decisions/" + decision[1] + "/reject",
                "{\"note\":\"no\"}", reviewerOnly()));
        cases.add(new Case("POST /api/v1/decisions/{id}/revoke", "/api/v1/decisions/" + decision[2] + "/revoke",
                "{\"note\":\"no longer\"}", reviewerOnly()));
        cases.add(new Case("GET /api/v1/portfolio/report", "/api/v1/portfolio/report", null, adminOnly(200)));
        cases.add(new Case("GET /api/v1/tokens", "/api/v1/tokens", null, all(401, 200)));
        cases.add(new Case("POST /api/v1/tokens", "/api/v1/tokens", "{\"name\":\"mine\"}", all(401, 201)));
        Map<String, Set<Integer>> ownToken = all(401, 404);
        ownToken.put("admin", Set.of(204));
        cases.add(new Case("DELETE /api/v1/tokens/{id}", "/api/v1/tokens/" + adminToken, null, ownToken));
        cases.add(new Case("GET /api/v1/users", "/api/v1/users", null, adminOnly(200)));
        cases.add(new Case("POST /api/v1/users", "/api/v1/users", "{\"name\":\"matrix-user\",\"role\":\"developer\"}", adminOnly(201)));
        cases.add(new Case("GET /api/v1/teams", "/api/v1/teams", null, adminOnly(200)));
        cases.add(new Case("POST /api/v1/teams", "/api/v1/teams", "{\"name\":\"team-matrix-2\"}", adminOnly(201)));
        cases.add(new Case("POST /api/v1/teams/{id}/members", "/api/v1/teams/" + team + "/members", "{\"user\":\"matrix-user\"}", adminOnly(204)));
        cases.add(new Case("POST /api/v1/teams/{id}/apps", "/api/v1/teams/" + team + "/apps", "{\"app\":\"matrix-m\"}", adminOnly(204)));
        cases.add(new Case("GET /api/v1/audit", "/api/v1/audit", null, adminOnly(200)));

        assertEquals(Set.copyOf(ENDPOINTS), Set.copyOf(cases.stream().map(Case::endpoint).toList()), "a case for every endpoint");
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            String method = c.endpoint().substring(0, c.endpoint().indexOf(' '));
            for (String caller : CALLERS) {
                String user = caller.equals("anonymous") ? null : caller;
                var r = "upload".equals(c.body())
                        ? f.upload(user, "matrix-a", "again.war", null, ApiTestBase.ARTIFACT.getBytes(StandardCharsets.UTF_8))
                        : f.send(user, method, c.path(), c.body());
                if (!c.expected().get(caller).contains(r.statusCode())) {
                    wrong.add(c.endpoint() + " as " + caller + ": " + r.statusCode() + " (expected " + c.expected().get(caller)
                            + ") " + r.body());
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private static Map<String, Set<Integer>> all(int anonymous, int others) {
        Map<String, Set<Integer>> m = new LinkedHashMap<>();
        for (String c : CALLERS) m.put(c, Set.of(c.equals("anonymous") ? anonymous : others));
        return m;
    }

    /** Team A reads; team B gets 404; nobody 401. */
    private static Map<String, Set<Integer>> teamRead() {
        Map<String, Set<Integer>> m = new LinkedHashMap<>();
        for (String c : CALLERS) m.put(c, Set.of(c.equals("anonymous") ? 401 : TEAM_A.contains(c) ? 200 : 404));
        return m;
    }

    private static Map<String, Set<Integer>> team(Map<String, Integer> teamA) {
        Map<String, Set<Integer>> m = new LinkedHashMap<>();
        for (var e : teamA.entrySet()) m.put(e.getKey(), Set.of(e.getValue()));
        return teamSets(m);
    }

    private static Map<String, Set<Integer>> teamSets(Map<String, Set<Integer>> teamA) {
        Map<String, Set<Integer>> m = new LinkedHashMap<>();
        for (String c : CALLERS) m.put(c, c.equals("anonymous") ? Set.of(401) : TEAM_A.contains(c) ? teamA.get(c) : Set.of(404));
        return m;
    }

    /** Only team A's reviewer (who did not propose it) reviews; other team A roles 403; team B 404. */
    private static Map<String, Set<Integer>> reviewerOnly() {
        return team(Map.of("admin", 403, "reviewerA", 200, "devA", 403, "readerA", 403));
    }

    private static Map<String, Set<Integer>> adminOnly(int status) {
        Map<String, Set<Integer>> m = all(401, 403);
        m.put("admin", Set.of(status));
        return m;
    }
}
