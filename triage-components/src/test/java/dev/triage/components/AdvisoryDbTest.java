package dev.triage.components;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The advisory database end to end: {@code db update} downloads the real advisories (served as a zip
 * from a local HTTP server on 127.0.0.1), {@code db import} works offline from a zip and a directory,
 * and broken archives are refused with the previous database left intact.
 */
class AdvisoryDbTest {
    @TempDir
    Path tmp;
    private HttpServer server;
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            byte[] body = served.get(ex.getRequestURI().getPath());
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
            } else {
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream o = ex.getResponseBody()) {
                    o.write(body);
                }
            }
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** The fixtures as OSV publishes them: one {@code <id>.json} per advisory at the archive root. */
    static byte[] fixturesZip() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(TestArtifacts.OSV)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                entries.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return TestArtifacts.zip(entries, 1_700_000_000_000L);
    }

    static int fixtureCount() throws IOException {
        try (Stream<Path> s = Files.list(TestArtifacts.OSV)) {
            return (int) s.filter(f -> f.toString().endsWith(".json")).count();
        }
    }

    @Test
    void updateDownloadsChecksImportsAndLooksUp() throws Exception {
        served.put("/Maven/all.zip", fixturesZip());
        Path db = tmp.resolve("db");
        AdvisoryDb.Status s = DbUpdater.defaults().update(url("/Maven/all.zip"), db);
        assertEquals(fixtureCount(), s.advisories());
        assertEquals(url("/Maven/all.zip").toString(), s.source());
        assertTrue(s.packages() >= 20, "packages: " + s.packages());
        assertTrue(s.age(java.time.Instant.now()).compareTo(Duration.ofMinutes(1)) < 0);
        AdvisoryDb opened = AdvisoryDb.open(db).orElseThrow();
        List<Advisory.ForPackage> log4j = opened.lookup("org.apache.logging.log4j:log4j-core");
        assertEquals(List.of("GHSA-7rjr-3q55-vv33", "GHSA-jfh8-c2jp-5v3q", "GHSA-p6xc-xr62-6r2g"),
                log4j.stream().map(f -> f.advisory().id()).toList());
        assertEquals(3, log4j.get(1).affected().size());
        assertTrue(opened.lookup("org.springframework:spring-core").isEmpty());
        assertEquals(1, opened.lookup("org.springframework:spring-beans").size());
        try (Stream<Path> left = Files.list(db)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith("download-")), "temp download removed");
        }
    }

    @Test
    void importOfflineFromDirectoryAndZip() throws Exception {
        Path db = tmp.resolve("db");
        AdvisoryDb.Status fromDir = new DbImporter().importFrom(TestArtifacts.OSV, db, "dir");
        assertEquals(fixtureCount(), fromDir.advisories());
        Path zip = tmp.resolve("all.zip");
        Files.write(zip, fixturesZip());
        AdvisoryDb.Status fromZip = new DbImporter().importFrom(zip, db, "zip");
        assertEquals(fromDir.advisories(), fromZip.advisories());
        assertEquals(fromDir.packages(), fromZip.packages());
        assertEquals("zip", AdvisoryDb.open(db).orElseThrow().status().source());
        try (Stream<Path> stores = Files.list(db)) {
            assertEquals(2, stores.filter(p -> p.getFileName().toString().startsWith("store-")).count(),
                    "the live store and the previous one are kept");
        }
    }

    @Test
    void brokenArchivesAreRefusedAndTheOldDatabaseStays() throws Exception {
        Path db = tmp.resolve("db");
        new DbImporter().importFrom(TestArtifacts.OSV, db, "good");
        String before = Files.readString(db.resolve("CURRENT"));
        byte[] good = fixturesZip();

        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("/truncated.zip", Arrays.copyOf(good, good.length / 2));
        bad.put("/garbage.zip", "<html>502 Bad Gateway</html>".getBytes(StandardCharsets.UTF_8));
        bad.put("/empty.zip", TestArtifacts.zip(Map.of("README.txt", new byte[]{'x'}), 0));
        bad.put("/slip.zip", TestArtifacts.zip(Map.of("GHSA-ok.json", Files.readAllBytes(TestArtifacts.OSV.resolve("GHSA-jfh8-c2jp-5v3q.json")),
                "../../etc/evil.json", "{}".getBytes(StandardCharsets.UTF_8)), 0));
        bad.put("/notjson.zip", TestArtifacts.zip(Map.of("GHSA-bad.json", "{\"id\": \"GHSA-bad\", \"affected\": [".getBytes(StandardCharsets.UTF_8)), 0));
        served.putAll(bad);
        for (String path : bad.keySet()) {
            DbException e = assertThrows(DbException.class, () -> DbUpdater.defaults().update(url(path), db), path);
            assertTrue(e.getMessage().contains("refused"), path + ": " + e.getMessage());
            assertEquals(before, Files.readString(db.resolve("CURRENT")), path + " must not replace the database");
            assertEquals("good", AdvisoryDb.open(db).orElseThrow().status().source());
            assertFalse(AdvisoryDb.open(db).orElseThrow().lookup("org.apache.logging.log4j:log4j-core").isEmpty());
        }
        DbException notFound = assertThrows(DbException.class, () -> DbUpdater.defaults().update(url("/missing.zip"), db));
        assertTrue(notFound.getMessage().contains("HTTP 404"), notFound.getMessage());
        assertTrue(assertThrows(DbException.class, () -> new DbImporter().importFrom(tmp.resolve("nope.zip"), db, "x"))
                .getMessage().contains("no such file"));
        try (Stream<Path> left = Files.list(db)) {
            assertEquals(List.of("CURRENT"), left.map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith("store-")).toList(), "no temporary files are left behind");
        }
    }

    @Test
    void limitsRefuseOversizedEntries() throws Exception {
        Path zip = tmp.resolve("big.zip");
        Files.write(zip, fixturesZip());
        DbImporter tiny = new DbImporter(new DbImporter.Limits(1000, 4096, 1 << 20, 200));
        DbException e = assertThrows(DbException.class, () -> tiny.importFrom(zip, tmp.resolve("db"), "x"));
        assertTrue(e.getMessage().contains("larger than 4096"), e.getMessage());
        assertTrue(AdvisoryDb.open(tmp.resolve("db")).isEmpty());
    }

    @Test
    void missingDatabaseIsEmptyNotAnError() throws Exception {
        assertTrue(AdvisoryDb.open(tmp.resolve("none")).isEmpty());
    }

    @Test
    void releaseMetadataRefreshFromARepository() throws Exception {
        served.put("/repo/org/apache/logging/log4j/log4j-core/maven-metadata.xml", ("<?xml version=\"1.0\"?><metadata><groupId>org.apache.logging.log4j</groupId>"
                + "<artifactId>log4j-core</artifactId><versioning><latest>2.25.0</latest><release>2.25.0</release>"
                + "<versions><version>2.14.1</version><version>2.25.0</version></versions><lastUpdated>20250601120000</lastUpdated>"
                + "</versioning></metadata>").getBytes(StandardCharsets.UTF_8));
        served.put("/repo/evil/x/maven-metadata.xml", "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><metadata><versioning><release>&e;</release></versioning></metadata>"
                .getBytes(StandardCharsets.UTF_8));
        Path db = tmp.resolve("db");
        int n = MetadataIndex.refresh(HttpClient.newHttpClient(), url("/repo/"),
                List.of("org.apache.logging.log4j:log4j-core", "evil:x", "com.example:unknown"), db);
        assertEquals(1, n, "the DOCTYPE document is refused, the unknown one is a 404");
        MetadataIndex.Release r = MetadataIndex.read(db).latest("org.apache.logging.log4j:log4j-core").orElseThrow();
        assertEquals("2.25.0", r.version());
        assertEquals(java.time.Instant.parse("2025-06-01T12:00:00Z").toEpochMilli(), r.date());
        assertTrue(MetadataIndex.read(db).latest("evil:x").isEmpty());
    }
}
