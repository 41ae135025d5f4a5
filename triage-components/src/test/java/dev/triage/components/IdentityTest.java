package dev.triage.components;

import dev.triage.contract.Confidence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Identity of real Maven Central jars built without Maven metadata of their own: old Ant builds (commons-collections
 * 3.1, velocity 1.7, mysql-connector-java 5.1.40, lucene-core 3.6.2, tomcat-embed-core 8.5.11, icu4j 58.2,
 * solr-solrj 5.5.5), Gradle builds (spring-core 4.3.9, Netflix ribbon 2.2.0), and shaded jars (curator-client with
 * Guava's metadata inside, surefire-shared-utils with five shaded libraries' and none of its own). The truth is the
 * path Maven resolved each jar to ({@code target/test-repository}, repository layout), never Triage's own answer.
 * The hash index is filled by the real updater from a local HTTP server serving that directory as Maven Central
 * serves its repository.
 */
class IdentityTest {
    static final Path REPOSITORY = Path.of("target/test-repository");
    static final Instant NOW = Instant.parse("2026-01-15T00:00:00Z");

    @TempDir
    static Path tmp;
    static Map<String, Path> truth;
    static Path war;

    @BeforeAll
    static void war() throws Exception {
        truth = MavenRepositoryServer.jarsByGav(REPOSITORY);
        assertEquals(11, truth.size(), "jars copied by the build: " + truth.keySet());
        Map<String, byte[]> libs = new LinkedHashMap<>();
        for (Path jar : truth.values()) libs.put(jar.getFileName().toString(), Files.readAllBytes(jar));
        war = TestArtifacts.war(tmp, "old.war", Map.of("com/acme/Main", TestArtifacts.appClass("com/acme/Main", false)), libs,
                Instant.parse("2020-01-01T00:00:00Z").toEpochMilli());
    }

    private static Path db(String name) throws Exception {
        Path db = tmp.resolve(name);
        new DbImporter().importFrom(TestArtifacts.OSV, db, "fixtures");
        return db;
    }

    private static ComponentAnalysis.Result scan(Path input, Path db) {
        TestArtifacts.Scanned s = TestArtifacts.scan(List.of(input));
        return ComponentAnalysis.run(s.program(), s.index(), List.of(input.toString()),
                ComponentOptions.defaults().withDatabase(db).withNow(NOW));
    }

    /** Expected coordinates by jar file name. */
    private static Map<String, String> expected() {
        Map<String, String> m = new TreeMap<>();
        truth.forEach((gav, p) -> m.put(p.getFileName().toString(), gav));
        return m;
    }

    private static Map<String, Component> byFile(ComponentAnalysis.Result r) {
        Map<String, Component> m = new TreeMap<>();
        for (Component c : r.report().components()) if (!c.shaded()) m.put(c.fileName(), c);
        return m;
    }

    private static String gav(Component c) {
        return c.groupId() + ":" + c.artifactId() + ":" + c.version();
    }

    /** Fills the hash index from the local repository server for the advisory packages and the test jars' artifacts. */
    private static HashIndexUpdater.Stats fill(MavenRepositoryServer repo, Path db) throws Exception {
        List<String> keys = new ArrayList<>(AdvisoryDb.open(db).orElseThrow().keys());
        for (String gav : truth.keySet()) keys.add(gav.substring(0, gav.lastIndexOf(':')));
        return HashIndexUpdater.defaults().update(repo.url(), keys, db, null);
    }

    @Test
    void evidenceAloneNeverGivesAWrongGroupAndListsWhatItTried() throws Exception {
        ComponentAnalysis.Result r = scan(war, db("evidence-db"));
        Map<String, Component> got = byFile(r);
        Map<String, String> confidence = new TreeMap<>();
        for (Map.Entry<String, String> e : expected().entrySet()) {
            Component c = got.get(e.getKey());
            confidence.put(e.getKey(), c.identity().confidence().slug());
            if (c.purl().isEmpty()) {
                assertEquals(Identity.Confidence.NONE, c.identity().confidence(), e.getKey());
                assertEquals(Component.IdentifiedBy.UNIDENTIFIED, c.identifiedBy(), e.getKey());
                assertFalse(c.identity().evidence().isEmpty(), "an unidentified jar lists the evidence tried");
            } else {
                assertEquals(e.getValue(), gav(c), e.getKey() + ": a group must be right or absent");
            }
        }
        // The build's module id names the group; so do the bundle name and class packages of a known artifact.
        assertEquals("high", confidence.get("ribbon-2.2.0.jar"));
        assertEquals("medium", confidence.get("spring-core-4.3.9.RELEASE.jar"));
        assertEquals("medium", confidence.get("solr-solrj-5.5.5.jar"));
        // Nothing in these names their group; it is the only group known to publish the artifact id.
        assertEquals("low", confidence.get("commons-collections-3.1.jar"));
        assertEquals("low", confidence.get("mysql-connector-java-5.1.40.jar"));
        assertEquals("low", confidence.get("tomcat-embed-core-8.5.11.jar"));
        // Unknown artifacts: a vendor id (org.apache) or a bundle name is not accepted as a group on its own.
        assertEquals("none", confidence.get("velocity-1.7.jar"));
        assertEquals("none", confidence.get("icu4j-58.2.jar"));
        assertEquals("none", confidence.get("lucene-core-3.6.2.jar"));

        Component velocity = got.get("velocity-1.7.jar");
        assertTrue(velocity.identity().evidence().stream().anyMatch(e -> e.source().endsWith("Implementation-Vendor-Id")
                && e.value().equals("org.apache") && !e.used() && e.note().contains("vendor")), velocity.identity().toString());
        Component solr = got.get("solr-solrj-5.5.5.jar");
        assertTrue(solr.identity().evidence().stream().anyMatch(e -> e.source().endsWith("Implementation-Version")
                && e.value().startsWith("5.5.5 b3441673") && e.note().equals("not a version")), solr.identity().toString());
        // A shaded jar without metadata of its own is not taken for one of the libraries shaded into it.
        Component shared = got.get("surefire-shared-utils-3.5.2.jar");
        assertEquals("", shared.groupId());
        assertEquals(Set.of("commons-codec", "commons-compress", "commons-io", "commons-lang3", "maven-shared-utils"),
                shadedIn(r, "surefire-shared-utils-3.5.2.jar"));
        assertEquals("org.apache.curator:curator-client:5.7.1", gav(got.get("curator-client-5.7.1.jar")));
        assertEquals(Set.of("failureaccess", "listenablefuture"), shadedIn(r, "curator-client-5.7.1.jar"));

        // Advisories of a group inferred from the known packages are reported, at low confidence, not dropped.
        var cc = r.detections().stream().filter(d -> d.key().startsWith("GHSA-fjq5")).findFirst().orElseThrow();
        assertEquals(Confidence.LOW, cc.confidence());
        assertEquals("low", cc.properties().get("identity"));
        assertTrue(cc.message().contains("inferred"), cc.message());
    }

    private static Set<String> shadedIn(ComponentAnalysis.Result r, String file) {
        Set<String> out = new TreeSet<>();
        for (Component c : r.report().components()) if (c.shaded() && c.fileName().equals(file)) out.add(c.artifactId());
        return out;
    }

    @Test
    void hashIndexIdentifiesEveryJarExactlyAndUpdatesIncrementally() throws Exception {
        Path db = db("hash-db");
        try (MavenRepositoryServer repo = new MavenRepositoryServer(REPOSITORY)) {
            // versions the repository lists without a jar (a pom-only release, say)
            repo.extraVersions.put("commons-collections/commons-collections", List.of("3.2.2", "20040616"));
            HashIndexUpdater.Stats s = fill(repo, db);
            assertEquals(11, s.artifacts(), "the fixture advisories' packages are not in this repository: " + s);
            assertEquals(11, s.newJars(), s.toString());
            assertEquals(2, s.withoutJar(), s.toString());
            assertEquals(0, s.failures(), s.toString());

            ComponentAnalysis.Result r = scan(war, db);
            Map<String, Component> got = byFile(r);
            for (Map.Entry<String, String> e : expected().entrySet()) {
                Component c = got.get(e.getKey());
                assertEquals(e.getValue(), gav(c), e.getKey());
                assertEquals(Component.IdentifiedBy.HASH, c.identifiedBy(), e.getKey());
                assertEquals(Identity.Confidence.EXACT, c.identity().confidence(), e.getKey());
                assertEquals(List.of(), c.identity().conflicts(), e.getKey());
            }
            assertEquals(5, shadedIn(r, "surefire-shared-utils-3.5.2.jar").size(), "shaded copies are still found");
            var cc = r.detections().stream().filter(d -> d.key().startsWith("GHSA-fjq5")).findFirst().orElseThrow();
            assertEquals(Confidence.HIGH, cc.confidence());
            assertEquals("exact", cc.properties().get("identity"));

            // Unchanged metadata: one request per artifact, no checksum fetched again.
            int sums = repo.checksumRequests.get();
            HashIndexUpdater.Stats again = fill(repo, db);
            assertEquals(11, again.unchanged());
            assertEquals(0, again.newJars());
            assertEquals(sums, repo.checksumRequests.get());
            // A new release: only its checksum is fetched.
            repo.lastUpdated = "20250301000000";
            repo.extraVersions.put("commons-collections/commons-collections", List.of("3.2.2", "20040616", "3.2.3"));
            HashIndexUpdater.Stats third = fill(repo, db);
            assertEquals(sums + 1, repo.checksumRequests.get());
            assertEquals(1, third.withoutJar());
            HashIndex index = HashIndex.open(db);
            assertEquals(List.of("commons-collections:commons-collections:3.1"),
                    index.lookup(sha1("commons-collections:commons-collections:3.1")).stream().map(Object::toString).toList());
            assertEquals(11, index.artifacts().size());
            assertEquals(Set.of("20040616", "3.2.2", "3.2.3"), index.artifact("commons-collections:commons-collections").orElseThrow().versionsWithoutJar());
        }
    }

    private static String sha1(String gav) throws Exception {
        return MavenRepositoryServer.sha1(Files.readAllBytes(truth.get(gav)));
    }

    @Test
    void aRebuiltJarIsNamedByItsMetadataAndFlaggedAsNotThePublishedOne() throws Exception {
        Path db = db("rebuilt-db");
        try (MavenRepositoryServer repo = new MavenRepositoryServer(REPOSITORY)) {
            fill(repo, db);
        }
        // The real commons-collections 3.1 classes, repacked with Maven metadata: same coordinates, other bytes.
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(truth.get("commons-collections:commons-collections:3.1")))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) if (!e.isDirectory()) entries.put(e.getName(), z.readAllBytes());
        }
        entries.put("META-INF/maven/commons-collections/commons-collections/pom.properties",
                "groupId=commons-collections\nartifactId=commons-collections\nversion=3.1\n".getBytes(StandardCharsets.ISO_8859_1));
        Path rebuilt = TestArtifacts.war(tmp, "rebuilt.war", Map.of("com/acme/Main", TestArtifacts.appClass("com/acme/Main", false)),
                Map.of("commons-collections-3.1.jar", TestArtifacts.zip(entries, 0)), 0);
        Component c = byFile(scan(rebuilt, db)).get("commons-collections-3.1.jar");
        assertEquals("commons-collections:commons-collections:3.1", gav(c));
        assertEquals(Identity.Confidence.HIGH, c.identity().confidence());
        assertTrue(c.identity().evidence().stream().anyMatch(e -> e.technique() == Identity.Technique.HASH_COMPARISON && !e.used()));
        assertTrue(c.identity().conflicts().stream().anyMatch(x -> x.contains("not byte-identical")), c.identity().conflicts().toString());
    }

    /**
     * The identity the report carries for the SBOM's {@code evidence.identity} (written by triage-report's
     * CycloneDxSbom, whose test shows the mapping): a jar found by its hash is exact, one whose group only the known
     * artifacts give is low, one nothing identifies has no coordinates and lists the evidence tried.
     */
    @Test
    void reportCarriesIdentityEvidence() throws Exception {
        Path db = db("sbom-db");
        try (MavenRepositoryServer repo = new MavenRepositoryServer(REPOSITORY)) {
            HashIndexUpdater.defaults().update(repo.url(), List.of("com.netflix.ribbon:ribbon"), db, null);
        }
        ComponentAnalysis.Result r = scan(war, db);
        Map<String, Component> byName = new TreeMap<>();
        for (Component c : r.report().components()) byName.putIfAbsent(c.artifactId(), c);

        Component ribbon = byName.get("ribbon");
        assertEquals("pkg:maven/com.netflix.ribbon/ribbon@2.2.0", ribbon.purl());
        assertEquals(Identity.Confidence.EXACT, ribbon.identity().confidence());
        assertEquals(Identity.Technique.HASH_COMPARISON, ribbon.identity().evidence().get(0).technique());

        Component cc = byName.get("commons-collections");
        assertEquals(0.4, cc.identity().confidence().score());
        Set<Identity.Technique> techniques = new TreeSet<>();
        cc.identity().evidence().forEach(e -> techniques.add(e.technique()));
        assertTrue(techniques.containsAll(Set.of(Identity.Technique.MANIFEST_ANALYSIS, Identity.Technique.FILENAME,
                Identity.Technique.OTHER)), techniques.toString());

        Component icu = r.report().components().stream()
                .filter(c -> c.artifactId().equals("icu4j") || c.fileName().startsWith("icu4j")).findFirst().orElseThrow();
        assertEquals("", icu.purl(), "an unidentified jar has no package URL");
        assertEquals(Identity.Confidence.NONE, icu.identity().confidence());
        assertTrue(icu.identity().evidence().size() >= 3, "the evidence tried is listed: " + icu.identity());
    }

    @Test
    void hostileRepositoryAnswersAreRefusedOneByOne() throws Exception {
        Path db = tmp.resolve("hostile-db");
        try (MavenRepositoryServer repo = new MavenRepositoryServer(REPOSITORY)) {
            repo.overrides.put("org/apache/velocity/velocity/maven-metadata.xml",
                    ("<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                            + "<metadata><versioning><versions><version>&e;</version></versions></versioning></metadata>").getBytes(StandardCharsets.UTF_8));
            repo.overrides.put("mysql/mysql-connector-java/5.1.40/mysql-connector-java-5.1.40.jar.sha1",
                    "<html>not a checksum</html>".getBytes(StandardCharsets.UTF_8));
            HashIndexUpdater.Stats s = HashIndexUpdater.defaults().update(repo.url(),
                    List.of("org.apache.velocity:velocity", "mysql:mysql-connector-java", "com.netflix.ribbon:ribbon"), db, null);
            assertEquals(2, s.failures(), s.toString());
            assertEquals(1, s.newJars(), s.toString());
            HashIndex index = HashIndex.open(db);
            assertEquals(List.of(), index.lookup(sha1("mysql:mysql-connector-java:5.1.40")));
            assertEquals("", index.artifact("mysql:mysql-connector-java").orElseThrow().lastUpdated(),
                    "an artifact with a failed checksum is looked at again next time");
            assertEquals("com.netflix.ribbon:ribbon:2.2.0", index.lookup(sha1("com.netflix.ribbon:ribbon:2.2.0")).get(0).toString());
            DbException bad = assertThrows(DbException.class, () -> HashIndexUpdater.defaults().update(repo.url(),
                    List.of("../../etc:passwd"), db, null));
            assertTrue(bad.getMessage().contains("not a group:artifact"), bad.getMessage());
        }
        DbException down = assertThrows(DbException.class, () -> HashIndexUpdater.defaults().update(
                java.net.URI.create("http://127.0.0.1:9/repo/"), List.of("com.netflix.ribbon:ribbon"), db, null));
        assertTrue(down.getMessage().contains("cannot read artifact metadata"), down.getMessage());
    }

    @Test
    void aDirectoryInRepositoryLayoutFillsTheSameIndex() throws Exception {
        Path db = tmp.resolve("dir-db");
        HashIndexUpdater.Stats s = HashIndexUpdater.defaults().update(REPOSITORY.toAbsolutePath().toUri(),
                List.of("com.netflix.ribbon:ribbon", "org.apache.velocity:velocity", "com.example:absent"), db, null);
        assertEquals(2, s.artifacts());
        assertEquals("org.apache.velocity:velocity:1.7", HashIndex.open(db).lookup(sha1("org.apache.velocity:velocity:1.7")).get(0).toString());
    }
}
