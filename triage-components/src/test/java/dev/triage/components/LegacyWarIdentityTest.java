package dev.triage.components;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A war Maven built from 100 real Maven Central jars that carry no Maven metadata of their own
 * ({@code testapps/legacy-war}); the truth is Maven's own dependency list of that build, never Triage's answer.
 * Identified three ways: by evidence alone, with the hash index Triage fills by default (the advisories' packages and
 * the bundled list of most used artifacts), and with every artifact indexed ({@code --hashes-for}).
 */
class LegacyWarIdentityTest {
    static final Path WAR = Path.of("../testapps/legacy-war/target/legacy-war.war");
    static final Path LIST = Path.of("../testapps/legacy-war/target/dependency-list.txt");
    static final Instant NOW = Instant.parse("2026-01-15T00:00:00Z");

    @TempDir
    static Path tmp;
    /** file name in WEB-INF/lib → group:artifact:version as Maven resolved it */
    static Map<String, String> truth;
    static Path repository;

    @BeforeAll
    static void readTruth() throws IOException {
        Map<String, String> gavs = new TreeMap<>();
        for (String line : Files.readAllLines(LIST, StandardCharsets.UTF_8)) {
            String t = line.strip();
            int space = t.indexOf(' ');
            if (space > 0) t = t.substring(0, space);
            String[] p = t.split(":");
            if (p.length < 5 || !p[2].equals("jar")) continue;
            String version = p[p.length - 2];
            // the war plugin names each jar artifactId-version.jar
            gavs.put(p[1] + "-" + version + ".jar", p[0] + ":" + p[1] + ":" + version);
        }
        truth = gavs;
        assertEquals(100, truth.size(), "Maven's dependency list: " + LIST);
        // The war's jars laid out as a Maven repository, for the local server that stands in for Maven Central.
        repository = tmp.resolve("repository");
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(WAR))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                String name = e.getName();
                if (!name.startsWith("WEB-INF/lib/")) continue;
                String gav = truth.get(name.substring("WEB-INF/lib/".length()));
                if (gav == null) continue;
                String[] p = gav.split(":");
                Path dir = repository.resolve(p[0].replace('.', '/')).resolve(p[1]).resolve(p[2]);
                Files.createDirectories(dir);
                Files.write(dir.resolve(p[1] + "-" + p[2] + ".jar"), readAll(z));
            }
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private static Path db(String name) throws Exception {
        Path db = tmp.resolve(name);
        new DbImporter().importFrom(TestArtifacts.OSV, db, "fixtures");
        return db;
    }

    /** Identification outcome per file: exact, right, wrong group, or unidentified. */
    private record Outcome(int exact, int right, int unidentified, List<String> wrong, Map<String, Integer> byConfidence) {
        int identified() {
            return right;
        }
    }

    private static Outcome scan(Path db) {
        TestArtifacts.Scanned s = TestArtifacts.scan(List.of(WAR));
        ComponentAnalysis.Result r = ComponentAnalysis.run(s.program(), s.index(), List.of(WAR.toString()),
                ComponentOptions.defaults().withDatabase(db).withNow(NOW));
        int exact = 0;
        int right = 0;
        int none = 0;
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> byConfidence = new TreeMap<>();
        Set<String> seen = new TreeSet<>();
        for (Component c : r.report().components()) {
            if (c.shaded()) continue;
            String expected = truth.get(c.fileName());
            assertTrue(expected != null, "a jar Maven did not put in the war: " + c.fileName());
            seen.add(c.fileName());
            byConfidence.merge(c.identity().confidence().slug(), 1, Integer::sum);
            String got = c.groupId() + ":" + c.artifactId() + ":" + c.version();
            if (c.purl().isEmpty()) {
                none++;
            } else if (got.equals(expected)) {
                right++;
                if (c.identity().confidence() == Identity.Confidence.EXACT) exact++;
            } else {
                wrong.add(c.fileName() + " → " + got + " (is " + expected + ", " + c.identity().confidence().slug() + ")");
            }
        }
        assertEquals(truth.keySet(), seen, "every jar of the war is a component");
        return new Outcome(exact, right, none, wrong, byConfidence);
    }

    @Test
    void evidenceAloneNeverNamesAWrongGroup() throws Exception {
        Outcome o = scan(db("evidence"));
        System.out.printf("legacy war, evidence only: %d of 100 identified exactly, %d unidentified, confidence %s%n",
                o.right(), o.unidentified(), o.byConfidence());
        assertEquals(List.of(), o.wrong());
        assertEquals(100, o.right() + o.unidentified());
    }

    @Test
    void defaultHashIndexAndEvidence() throws Exception {
        Path db = db("default");
        try (MavenRepositoryServer repo = new MavenRepositoryServer(repository)) {
            Set<String> keys = new TreeSet<>(KnownArtifacts.bundledKeys());
            keys.addAll(AdvisoryDb.open(db).orElseThrow().keys());
            HashIndexUpdater.defaults().update(repo.url(), keys, db, null);
        }
        Outcome o = scan(db);
        System.out.printf("legacy war, default hash index: %d of 100 identified exactly (%d by hash), %d unidentified, confidence %s%n",
                o.right(), o.exact(), o.unidentified(), o.byConfidence());
        assertEquals(List.of(), o.wrong());
        assertTrue(o.exact() > 0, "the bundled list indexes some of these jars");
    }

    @Test
    void everyJarIdentifiedExactlyWhenItsArtifactIsIndexed() throws Exception {
        Path db = db("all");
        try (MavenRepositoryServer repo = new MavenRepositoryServer(repository)) {
            List<String> keys = new ArrayList<>();
            for (String gav : truth.values()) keys.add(gav.substring(0, gav.lastIndexOf(':')));
            HashIndexUpdater.Stats s = HashIndexUpdater.defaults().update(repo.url(), keys, db, null);
            assertEquals(100, s.newJars(), s.toString());
        }
        Outcome o = scan(db);
        assertEquals(List.of(), o.wrong());
        assertEquals(100, o.exact(), o.toString());
    }
}
