package dev.triage.components;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code db update --hashes-from}: jars the hash index does not know are confirmed by the SHA-1 the repository
 * publishes under coordinates their own evidence proposes — never by the evidence alone. The repository is a local
 * HTTP server serving real Maven Central jars in repository layout ({@code target/test-repository}: the truth is the
 * path Maven resolved each jar to) and, for the cases no real jar shows, generated jars in a temporary repository.
 */
class UnindexedJarsTest {
    static final long TIME = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();

    @TempDir
    static Path tmp;
    static Map<String, Path> truth;
    static Path realWar;

    @BeforeAll
    static void war() throws Exception {
        truth = MavenRepositoryServer.jarsByGav(IdentityTest.REPOSITORY);
        Map<String, byte[]> libs = new LinkedHashMap<>();
        for (Path jar : truth.values()) libs.put(jar.getFileName().toString(), Files.readAllBytes(jar));
        realWar = TestArtifacts.war(tmp, "real.war", Map.of("com/acme/Main", TestArtifacts.appClass("com/acme/Main", false)), libs, TIME);
    }

    private static Map<String, UnindexedJars.Result> byFile(List<UnindexedJars.Result> results) {
        Map<String, UnindexedJars.Result> m = new TreeMap<>();
        for (UnindexedJars.Result r : results) m.put(r.jar().fileName(), r);
        return m;
    }

    /** group:artifact:version the build resolved each real jar file to. */
    private static Map<String, String> expected() {
        Map<String, String> m = new TreeMap<>();
        truth.forEach((gav, p) -> m.put(p.getFileName().toString(), gav));
        return m;
    }

    @Test
    void realJarsAreConfirmedOnlyUnderTheirPublishedCoordinatesWithBoundedRequests() throws Exception {
        Path db = tmp.resolve("real-db");
        List<UnindexedJars.Jar> jars = UnindexedJars.collect(List.of(realWar), HashIndex.open(db), null);
        assertEquals(expected().keySet(), Set.copyOf(jars.stream().map(UnindexedJars.Jar::fileName).toList()),
                "with an empty index every bundled jar is unknown");
        assertEquals(jars, UnindexedJars.collect(List.of(realWar), HashIndex.open(db), null), "proposals are deterministic");
        try (MavenRepositoryServer repo = new MavenRepositoryServer(IdentityTest.REPOSITORY)) {
            List<UnindexedJars.Result> results = HashIndexUpdater.defaults().confirm(repo.url(), jars);
            int requests = 0;
            for (UnindexedJars.Result r : results) {
                assertTrue(r.jar().candidates().size() <= UnindexedJars.MAX_REQUESTS_PER_JAR, r.toString());
                assertTrue(r.requests() <= UnindexedJars.MAX_REQUESTS_PER_JAR, r.toString());
                requests += r.requests();
                if (r.confirmed() != null) {
                    assertEquals(expected().get(r.jar().fileName()), r.confirmed().toString(), "a confirmed group is the right one");
                }
            }
            assertEquals(requests, repo.checksumRequests.get(), "every request is accounted for");
            Map<String, UnindexedJars.Result> got = byFile(results);
            // Maven 1: the group is the artifact id
            assertEquals("commons-collections:commons-collections:3.1", got.get("commons-collections-3.1.jar").confirmed().toString());
            assertTrue(got.get("commons-collections-3.1.jar").confirmed().why().contains("Maven 1"));
            // a group from the class packages (the vendor id org.apache alone is not velocity's group)
            assertEquals("org.apache.velocity:velocity:1.7", got.get("velocity-1.7.jar").confirmed().toString());
            assertEquals("org.apache.lucene:lucene-core:3.6.2", got.get("lucene-core-3.6.2.jar").confirmed().toString());
            assertEquals("com.ibm.icu:icu4j:58.2", got.get("icu4j-58.2.jar").confirmed().toString());
            // a group the jar's own metadata names
            assertEquals("org.apache.curator:curator-client:5.7.1", got.get("curator-client-5.7.1.jar").confirmed().toString());

            // Remembered in the database, then indexed (all versions) by the existing updater: a scan names them exactly.
            UnindexedJars.remember(db, results);
            Set<String> keys = UnindexedJars.confirmedKeys(db);
            assertEquals(UnindexedJars.keys(results), keys);
            HashIndexUpdater.defaults().update(repo.url(), keys, db, null);
            HashIndex index = HashIndex.open(db);
            for (UnindexedJars.Result r : results) {
                if (r.confirmed() == null) continue;
                assertEquals(List.of(r.confirmed().toString()), index.lookup(r.jar().sha1()).stream().map(Object::toString).toList());
            }
            // Known now: a second run proposes nothing for them and asks nothing.
            List<UnindexedJars.Jar> again = UnindexedJars.collect(List.of(realWar), HashIndex.open(db), null);
            for (UnindexedJars.Jar j : again) assertNull(got.get(j.fileName()).confirmed(), j.fileName() + " is indexed now");
        }
    }

    @Test
    void aProposalWhosePublishedSha1DiffersIsNeverTaken() throws Exception {
        Path db = tmp.resolve("differs-db");
        List<UnindexedJars.Jar> jars = UnindexedJars.collect(List.of(realWar), HashIndex.open(db), null);
        try (MavenRepositoryServer repo = new MavenRepositoryServer(IdentityTest.REPOSITORY)) {
            // the repository publishes another jar (a rebuilt one, say) at velocity's and commons-collections' coordinates
            repo.overrides.put("org/apache/velocity/velocity/1.7/velocity-1.7.jar.sha1",
                    ("0123456789abcdef0123456789abcdef01234567  velocity-1.7.jar\n").getBytes(StandardCharsets.US_ASCII));
            repo.overrides.put("commons-collections/commons-collections/3.1/commons-collections-3.1.jar.sha1",
                    ("89abcdef0123456789abcdef0123456789abcdef\n").getBytes(StandardCharsets.US_ASCII));
            Map<String, UnindexedJars.Result> got = byFile(HashIndexUpdater.defaults().confirm(repo.url(), jars));
            for (String f : List.of("velocity-1.7.jar", "commons-collections-3.1.jar")) {
                UnindexedJars.Result r = got.get(f);
                assertNull(r.confirmed(), f + ": no other group is taken in its place: " + r);
                assertTrue(r.requests() > 0 && r.requests() <= UnindexedJars.MAX_REQUESTS_PER_JAR, r.toString());
            }
            UnindexedJars.remember(db, got.values());
            Set<String> keys = UnindexedJars.confirmedKeys(db);
            assertFalse(keys.stream().anyMatch(k -> k.endsWith(":velocity") || k.endsWith(":commons-collections")), keys.toString());
        }
    }

    /** A generated jar: a manifest with these main attributes, and empty classes with these internal names. */
    private static byte[] jar(Map<String, String> manifest, List<String> classes) {
        Map<String, byte[]> e = new LinkedHashMap<>();
        StringBuilder mf = new StringBuilder("Manifest-Version: 1.0\r\n");
        manifest.forEach((k, v) -> mf.append(k).append(": ").append(v).append("\r\n"));
        e.put("META-INF/MANIFEST.MF", mf.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        for (String c : classes) e.put(c + ".class", TestArtifacts.appClass(c, false));
        return TestArtifacts.zip(e, TIME);
    }

    private static void publish(Path repo, String group, String artifact, String version, byte[] jar) throws Exception {
        Path dir = repo.resolve(group.replace('.', '/')).resolve(artifact).resolve(version);
        Files.createDirectories(dir);
        Files.write(dir.resolve(artifact + "-" + version + ".jar"), jar);
    }

    @Test
    void aRepublishedJarIsFoundByTheGroupABundledPomDeclaresAndKeptByLaterUpdates() throws Exception {
        Path repoDir = tmp.resolve("republished-repo");
        byte[] diff = jar(Map.of(), List.of("org/original/diff/Diff", "org/original/diff/Delta"));
        publish(repoDir, "org.republisher", "org.original.diff", "0.4.2", diff);
        // the app's own module declares the dependency (as JSPWiki's pom does for jrcs.diff)
        String pom = "<project><groupId>com.acme</groupId><artifactId>portal</artifactId><version>1.0</version><dependencies>"
                + "<dependency><groupId>org.republisher</groupId><artifactId>org.original.diff</artifactId></dependency>"
                + "<dependency><groupId>${project.groupId}</groupId><artifactId>portal-api</artifactId></dependency>"
                + "</dependencies></project>";
        byte[] module = TestArtifacts.zip(Map.of("META-INF/maven/com.acme/portal/pom.xml", pom.getBytes(StandardCharsets.UTF_8),
                "com/acme/portal/Page.class", TestArtifacts.appClass("com/acme/portal/Page", false)), TIME);
        Map<String, byte[]> libs = new LinkedHashMap<>();
        libs.put("org.original.diff-0.4.2.jar", diff);
        libs.put("portal-core-1.0.jar", module);
        Path war = TestArtifacts.war(tmp, "republished.war", Map.of("com/acme/Main", TestArtifacts.appClass("com/acme/Main", false)), libs, TIME);
        Path db = tmp.resolve("republished-db");
        try (MavenRepositoryServer repo = new MavenRepositoryServer(repoDir)) {
            List<UnindexedJars.Jar> jars = UnindexedJars.collect(List.of(war), HashIndex.open(db), null);
            Map<String, UnindexedJars.Result> got = byFile(HashIndexUpdater.defaults().confirm(repo.url(), jars));
            UnindexedJars.Result r = got.get("org.original.diff-0.4.2.jar");
            assertEquals("org.republisher:org.original.diff:0.4.2", String.valueOf(r.confirmed()));
            assertTrue(r.confirmed().why().contains("pom.xml"), r.confirmed().why());
            assertEquals(1, r.requests(), "the declared group is asked first");
            assertNull(got.get("portal-core-1.0.jar").confirmed(), "the app's own unpublished module is not found");
            UnindexedJars.remember(db, got.values());
            HashIndexUpdater.defaults().update(repo.url(), UnindexedJars.confirmedKeys(db), db, null);

            // A later plain update (the keys it reads from the database) indexes the artifact's next release.
            byte[] next = jar(Map.of(), List.of("org/original/diff/Diff", "org/original/diff/Delta", "org/original/diff/Patch"));
            publish(repoDir, "org.republisher", "org.original.diff", "0.4.3", next);
            repo.lastUpdated = "20250401000000";
            HashIndexUpdater.defaults().update(repo.url(), UnindexedJars.confirmedKeys(db), db, null);
            assertEquals(List.of("org.republisher:org.original.diff:0.4.3"),
                    HashIndex.open(db).lookup(MavenRepositoryServer.sha1(next)).stream().map(Object::toString).toList());
        }
    }

    @Test
    void proposalsAreBoundedAndStayPlainMavenNames() throws Exception {
        Map<String, String> mf = new LinkedHashMap<>();
        mf.put("Bundle-SymbolicName", "com.example.alpha.beta.gamma.delta;singleton:=true");
        mf.put("Automatic-Module-Name", "org.example.one.two.three");
        mf.put("Extension-Name", "net.example.x.y.z");
        mf.put("Implementation-Vendor-Id", "io.example.vendor.unit");
        mf.put("Implementation-Title", "..#evil;1.0");
        mf.put("Implementation-Version", "9.9");
        List<String> classes = List.of("a/b/c/d/e/One", "a/b/c/d/e/Two", "p/q/r/s/Three");
        byte[] busy = jar(mf, classes);
        Path repoDir = tmp.resolve("busy-repo");
        Files.createDirectories(repoDir);
        Path war = TestArtifacts.war(tmp, "busy.war", Map.of(), Map.of("busy-lib-2.0.jar", busy), TIME);
        List<UnindexedJars.Jar> jars = UnindexedJars.collect(List.of(war), HashIndex.empty(), null);
        assertEquals(1, jars.size());
        List<UnindexedJars.Coordinates> c = jars.get(0).candidates();
        assertEquals(UnindexedJars.MAX_REQUESTS_PER_JAR, c.size(), "more evidence than the bound: cut at the bound " + c);
        for (UnindexedJars.Coordinates x : c) {
            assertFalse(x.groupId().contains("..") || x.groupId().contains("/"), x.toString());
        }
        assertEquals("com.example.alpha.beta.gamma.delta:busy-lib:2.0", c.get(0).toString(), "strongest first: the bundle name");
        try (MavenRepositoryServer repo = new MavenRepositoryServer(repoDir)) {
            UnindexedJars.Result r = HashIndexUpdater.defaults().confirm(repo.url(), jars).get(0);
            assertNull(r.confirmed());
            assertEquals(UnindexedJars.MAX_REQUESTS_PER_JAR, r.requests());
            assertEquals(UnindexedJars.MAX_REQUESTS_PER_JAR, repo.checksumRequests.get());
        }
    }

    @Test
    void aJarInputIsItselfProposedAndADirectoryIsSearchedForJars() throws Exception {
        Path velocity = truth.get("org.apache.velocity:velocity:1.7");
        Path lucene = truth.get("org.apache.lucene:lucene-core:3.6.2");
        List<UnindexedJars.Jar> one = UnindexedJars.collect(List.of(velocity), HashIndex.empty(), null);
        assertEquals(List.of("velocity-1.7.jar"), one.stream().map(UnindexedJars.Jar::fileName).toList());
        assertEquals(MavenRepositoryServer.sha1(Files.readAllBytes(velocity)), one.get(0).sha1());
        assertTrue(one.get(0).candidates().stream().anyMatch(c -> c.toString().equals("org.apache.velocity:velocity:1.7")),
                one.get(0).candidates().toString());

        Path dir = Files.createDirectories(tmp.resolve("libdir/lib"));
        Files.copy(velocity, dir.resolve("velocity-1.7.jar"));
        Files.copy(lucene, dir.resolve("lucene-core-3.6.2.jar"));
        List<UnindexedJars.Jar> both = UnindexedJars.collect(List.of(dir.getParent()), HashIndex.empty(), null);
        assertEquals(Set.of("velocity-1.7.jar", "lucene-core-3.6.2.jar"),
                Set.copyOf(both.stream().map(UnindexedJars.Jar::fileName).toList()));
    }

    @Test
    void dominantPackagesAreTheMostSpecificPrefixesHoldingHalfTheClasses() {
        assertEquals(List.of("org.apache.lucene", "org.apache"),
                UnindexedJars.dominantPackagePrefixes(List.of("org/apache/lucene/index/A", "org/apache/lucene/util/B",
                        "org/apache/lucene/store/C", "org/tartarus/snowball/D")));
        assertEquals(List.of(), UnindexedJars.dominantPackagePrefixes(List.of("Top", "x/Y")), "one-segment packages name no group");
    }
}
