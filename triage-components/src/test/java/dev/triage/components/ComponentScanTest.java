package dev.triage.components;

import dev.triage.contract.Severity;
import dev.triage.contract.Detection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real jars from Maven Central in wars built here, matched against the real advisories:
 * exactly the advisories that apply, with fixed versions and reachability; the SBOM validates.
 */
class ComponentScanTest {
    static final Instant NOW = Instant.parse("2026-01-15T00:00:00Z");
    static final long BUILT = Instant.parse("2025-11-01T00:00:00Z").toEpochMilli();

    @TempDir
    static Path tmp;
    static Path db;

    @BeforeAll
    static void database() throws Exception {
        db = tmp.resolve("db");
        new DbImporter().importFrom(TestArtifacts.OSV, db, "fixtures");
    }

    private static ComponentAnalysis.Result scan(Path war) {
        TestArtifacts.Scanned s = TestArtifacts.scan(List.of(war));
        return ComponentAnalysis.run(s.program(), s.index(), List.of(war.toString()),
                ComponentOptions.defaults().withDatabase(db).withNow(NOW));
    }

    private static Set<String> advisories(ComponentAnalysis.Result r, String artifact) {
        return r.report().vulnerabilities().stream().filter(v -> v.component().artifactId().equals(artifact))
                .map(v -> v.advisory().id()).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    @Test
    void log4jCore2141IsVulnerableAndReachable() throws Exception {
        Map<String, byte[]> libs = new LinkedHashMap<>();
        libs.put("log4j-core-2.14.1.jar", TestArtifacts.read(TestArtifacts.jar("log4j-core-2.14.1.jar")));
        libs.put("log4j-api-2.14.1.jar", TestArtifacts.read(TestArtifacts.jar("log4j-api-2.14.1.jar")));
        Path war = TestArtifacts.war(tmp, "logging.war", Map.of("com/acme/AuditLog", TestArtifacts.appClass("com/acme/AuditLog", true)), libs, BUILT);
        ComponentAnalysis.Result r = scan(war);

        Component core = r.report().components().stream().filter(c -> c.artifactId().equals("log4j-core")).findFirst().orElseThrow();
        assertEquals("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", core.purl());
        assertEquals(Component.IdentifiedBy.POM_PROPERTIES, core.identifiedBy());
        assertEquals("WEB-INF/lib/log4j-core-2.14.1.jar", core.path());
        assertEquals(40, core.sha1().length());
        assertEquals(64, core.sha256().length());
        assertTrue(core.releaseDate() > Instant.parse("2021-01-01T00:00:00Z").toEpochMilli(), "release date from the manifest");

        assertEquals(Set.of("GHSA-jfh8-c2jp-5v3q", "GHSA-7rjr-3q55-vv33", "GHSA-p6xc-xr62-6r2g"), advisories(r, "log4j-core"));
        assertEquals(Set.of(), advisories(r, "log4j-api"));
        ComponentReport.Vulnerability shell = r.report().vulnerabilities().stream()
                .filter(v -> v.advisory().id().equals("GHSA-jfh8-c2jp-5v3q")).findFirst().orElseThrow();
        assertEquals("2.15.0", shell.fixedVersion());
        assertEquals(Reachability.REACHABLE, shell.reachability(), shell.evidence());
        assertTrue(shell.evidence().contains("com.acme.AuditLog.handle"), shell.evidence());

        Detection d = r.detections().stream().filter(x -> x.key().startsWith("GHSA-jfh8")).findFirst().orElseThrow();
        assertEquals(ComponentAnalysis.VULNERABLE, d.ruleId());
        assertEquals(Severity.VERY_HIGH, d.severity());
        assertEquals("WEB-INF/lib/log4j-core-2.14.1.jar", d.location().sourcePath());
        assertEquals(0, d.location().line());
        assertEquals("", d.location().className());
        assertEquals("CVE-2021-44228", d.properties().get("aliases"));
        assertEquals("2.15.0", d.properties().get("fixedVersion"));
        assertEquals("reachable", d.properties().get("reachability"));
        assertTrue(d.message().contains("GHSA-jfh8-c2jp-5v3q (CVE-2021-44228)") && d.message().contains("fixed in 2.15.0")
                && d.message().contains("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"), d.message());
        // GHSA-p6xc (CVE-2021-45105) names no symbol the app calls: log4j-core is referenced through log4j-api's provider.
        ComponentReport.Vulnerability dos = r.report().vulnerabilities().stream()
                .filter(v -> v.advisory().id().equals("GHSA-p6xc-xr62-6r2g")).findFirst().orElseThrow();
        assertEquals(Reachability.REFERENCED, dos.reachability(), dos.evidence());
        assertEquals("2.17.0", dos.fixedVersion());
        assertTrue(r.report().problems().isEmpty(), r.report().problems().toString());
    }

    @Test
    void fixedAndUnaffectedAndLookalikeComponentsDoNotMatch() throws Exception {
        Map<String, byte[]> libs = new LinkedHashMap<>();
        libs.put("log4j-core-2.17.1.jar", TestArtifacts.read(TestArtifacts.jar("log4j-core-2.17.1.jar")));
        libs.put("spring-core-5.3.17.jar", TestArtifacts.read(TestArtifacts.jar("spring-core-5.3.17.jar")));
        // Same file name and artifact id as the vulnerable log4j-core, other coordinates: a fork.
        libs.put("log4j-core-2.14.1.jar", TestArtifacts.forkJar("com.example.fork", "log4j-core", "2.14.1"));
        // No Maven metadata at all, and an artifact id no known group publishes: identified by file name only, never matched.
        libs.put("struts3-core-2.5.10.jar", TestArtifacts.zip(Map.of("org/apache/struts2/Dummy.class",
                TestArtifacts.appClass("org/apache/struts2/Dummy", false)), 0));
        Path war = TestArtifacts.war(tmp, "clean.war", Map.of("com/acme/Main", TestArtifacts.appClass("com/acme/Main", true)), libs, BUILT);
        ComponentAnalysis.Result r = scan(war);
        assertEquals(List.of(), r.report().vulnerabilities(), "no advisory applies");
        assertEquals(List.of(), r.detections());
        Component fork = r.report().components().stream().filter(c -> c.groupId().equals("com.example.fork")).findFirst().orElseThrow();
        assertEquals("pkg:maven/com.example.fork/log4j-core@2.14.1", fork.purl());
        Component struts = r.report().components().stream().filter(c -> c.fileName().startsWith("struts3")).findFirst().orElseThrow();
        assertEquals(Component.IdentifiedBy.UNIDENTIFIED, struts.identifiedBy());
        assertEquals("", struts.purl());
        assertEquals("2.5.10", struts.version());
        assertEquals("org.springframework:spring-core:5.3.17", r.report().components().stream()
                .filter(c -> c.artifactId().equals("spring-core")).findFirst().orElseThrow().gav());
    }

    @Test
    void shadedCopiesAreSeparateComponentsAndUnusedOnesAreNotReferenced() throws Exception {
        Map<String, byte[]> fat = new LinkedHashMap<>();
        fat.put("META-INF/maven/com.acme/fat-lib/pom.properties", "groupId=com.acme\nartifactId=fat-lib\nversion=1.0\n".getBytes(StandardCharsets.ISO_8859_1));
        fat.put("META-INF/maven/commons-collections/commons-collections/pom.properties",
                "groupId=commons-collections\nartifactId=commons-collections\nversion=3.2.1\n".getBytes(StandardCharsets.ISO_8859_1));
        fat.put("com/acme/fat/Api.class", TestArtifacts.appClass("com/acme/fat/Api", false));
        fat.put("org/apache/commons/collections/functors/InvokerTransformer.class",
                TestArtifacts.appClass("org/apache/commons/collections/functors/InvokerTransformer", false));
        Map<String, byte[]> libs = new LinkedHashMap<>();
        libs.put("fat-lib-1.0.jar", TestArtifacts.zip(fat, 0));
        libs.put("spring-beans-5.3.17.jar", TestArtifacts.read(TestArtifacts.jar("spring-beans-5.3.17.jar")));
        Path war = TestArtifacts.war(tmp, "shaded.war", Map.of("com/acme/Quiet", TestArtifacts.appClass("com/acme/Quiet", false)), libs,
                Instant.parse("2021-03-01T00:00:00Z").toEpochMilli());
        ComponentAnalysis.Result r = scan(war);

        List<Component> fromFat = r.report().components().stream().filter(c -> c.fileName().equals("fat-lib-1.0.jar")).toList();
        assertEquals(2, fromFat.size());
        assertEquals("fat-lib", fromFat.get(0).artifactId());
        assertFalse(fromFat.get(0).shaded());
        assertTrue(fromFat.get(1).shaded());
        assertEquals("pkg:maven/com.acme/fat-lib@1.0", fromFat.get(1).shadedIn());
        assertEquals("", fromFat.get(1).sha256(), "hashes belong to the host jar");

        assertEquals(Set.of("GHSA-fjq5-5j5f-mvxh"), advisories(r, "commons-collections"));
        assertEquals(Set.of("GHSA-36p3-wjmg-h94x"), advisories(r, "spring-beans"));
        for (ComponentReport.Vulnerability v : r.report().vulnerabilities()) {
            assertEquals(Reachability.NOT_REFERENCED, v.reachability(), v.advisory().id() + ": " + v.evidence());
        }
        assertEquals("5.3.18", r.report().vulnerabilities().stream().filter(v -> v.component().artifactId().equals("spring-beans"))
                .findFirst().orElseThrow().fixedVersion());
        // War entries from March 2021, newest entry (inside spring-beans) March 2022, judged in January 2026: stale.
        Detection stale = r.detections().stream().filter(d -> d.ruleId().equals(ComponentAnalysis.STALE_APP)).findFirst().orElseThrow();
        assertEquals("shaded.war", stale.location().sourcePath());
        assertTrue(stale.message().contains("2022-03-17 (newest entry time)"), stale.message());
    }

    @Test
    void appBuiltWhenItsNewestOwnPartWasBuiltNotItsOldest() throws Exception {
        // Two modules of the app's own (its packages, no Maven metadata): one last rebuilt in 2012, one in 2025.
        Map<String, byte[]> libs = new LinkedHashMap<>();
        libs.put("acme-legacy.jar", TestArtifacts.zip(Map.of(
                "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nBuild-Date: 2012-04-19\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                "com/acme/legacy/Old.class", TestArtifacts.appClass("com/acme/legacy/Old", false)), 0));
        libs.put("acme-web.jar", TestArtifacts.zip(Map.of(
                "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nBuild-Date: 2025-10-01\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                "com/acme/web/Page.class", TestArtifacts.appClass("com/acme/web/Page", false)), 0));
        Path war = TestArtifacts.war(tmp, "modules.war", Map.of("com/acme/Main", TestArtifacts.appClass("com/acme/Main", false)), libs,
                Instant.parse("2012-04-19T00:00:00Z").toEpochMilli());
        ComponentAnalysis.Result r = scan(war);
        assertEquals(Instant.parse("2025-10-01T00:00:00Z").toEpochMilli(), r.report().appBuildDate(), r.report().appBuildSource());
        assertTrue(r.report().appBuildSource().contains("acme-web.jar"), r.report().appBuildSource());
        assertTrue(r.detections().stream().noneMatch(d -> d.ruleId().equals(ComponentAnalysis.STALE_APP)), r.detections().toString());
    }
}
