package dev.triage.components;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OSV parsing, Maven version matching, fixed versions and CVSS on the real advisories in src/test/resources/osv. */
class OsvMatchingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Map<String, Advisory.ForPackage> fixture(String id) throws IOException {
        return OsvParser.parse(JSON.readTree(Files.readAllBytes(TestArtifacts.OSV.resolve(id + ".json"))));
    }

    static boolean affected(Advisory.ForPackage fp, String version) {
        return fp.affected().stream().anyMatch(a -> VersionMatcher.affected(version, a));
    }

    @Test
    void log4shellRangesAliasesFixAndSeverity() throws IOException {
        Advisory.ForPackage fp = fixture("GHSA-jfh8-c2jp-5v3q").get("org.apache.logging.log4j:log4j-core");
        assertEquals(List.of("CVE-2021-44228"), fp.advisory().aliases());
        assertEquals(3, fp.affected().size(), "three affected entries for the same package");
        assertTrue(affected(fp, "2.14.1"));
        assertTrue(affected(fp, "2.0-beta9"));
        assertTrue(affected(fp, "2.4"));
        assertTrue(affected(fp, "2.4.0"), "2.4 and 2.4.0 are the same Maven version");
        assertTrue(affected(fp, "2.12.1"));
        assertFalse(affected(fp, "2.12.2"));
        assertFalse(affected(fp, "2.3.1"));
        assertFalse(affected(fp, "2.15.0"));
        assertFalse(affected(fp, "2.17.1"));
        assertEquals("2.15.0", VersionMatcher.nearestFix("2.14.1", fp.affected()).orElseThrow());
        assertEquals("2.12.2", VersionMatcher.nearestFix("2.10.0", fp.affected()).orElseThrow());
        assertEquals(10.0, fp.advisory().score());
        assertEquals(5, fp.advisory().level());
        assertEquals("https://github.com/advisories/GHSA-jfh8-c2jp-5v3q", fp.advisory().references().get(0));
    }

    @Test
    void log4j2171IsNotAffectedByAnyLog4jAdvisory() throws IOException {
        for (String id : List.of("GHSA-jfh8-c2jp-5v3q", "GHSA-7rjr-3q55-vv33", "GHSA-p6xc-xr62-6r2g")) {
            Advisory.ForPackage fp = fixture(id).get("org.apache.logging.log4j:log4j-core");
            assertFalse(affected(fp, "2.17.1"), id);
            assertTrue(affected(fp, "2.14.1"), id);
        }
    }

    @Test
    void spring4ShellNamesBeansAndWebmvcNotCore() throws IOException {
        Map<String, Advisory.ForPackage> m = fixture("GHSA-36p3-wjmg-h94x");
        assertFalse(m.containsKey("org.springframework:spring-core"));
        assertTrue(affected(m.get("org.springframework:spring-beans"), "5.3.17"));
        assertFalse(affected(m.get("org.springframework:spring-beans"), "5.3.18"));
        assertTrue(affected(m.get("org.springframework:spring-webmvc"), "5.2.19.RELEASE"));
        assertFalse(affected(m.get("org.springframework:spring-webmvc"), "5.2.20.RELEASE"));
        assertEquals("5.3.18", VersionMatcher.nearestFix("5.3.17", m.get("org.springframework:spring-beans").affected()).orElseThrow());
        assertTrue(affected(m.get("org.springframework.boot:spring-boot-starter-web"), "2.6.5"));
        assertFalse(affected(m.get("org.springframework.boot:spring-boot-starter-web"), "2.5.12"));
    }

    @Test
    void nonSemverVersions() throws IOException {
        Advisory.ForPackage struts = fixture("GHSA-j77q-2qqg-6989").get("org.apache.struts:struts2-core");
        assertTrue(affected(struts, "2.5.10"));
        assertFalse(affected(struts, "2.5.10.1"));
        assertFalse(affected(struts, "2.2.3"));
        Advisory.ForPackage jackson = fixture("GHSA-mph4-vhrx-mv67").get("com.fasterxml.jackson.core:jackson-databind");
        assertTrue(affected(jackson, "2.9.9"));
        assertFalse(affected(jackson, "2.9.9.1"));
        assertFalse(affected(jackson, "2.9.10"));
        Advisory.ForPackage yaml = fixture("GHSA-mjmj-j48q-9wg2").get("org.yaml:snakeyaml");
        assertTrue(affected(yaml, "1.33"));
        assertFalse(affected(yaml, "2.0"));
        Advisory.ForPackage h2 = fixture("GHSA-h376-j262-vhq6").get("com.h2database:h2");
        assertFalse(affected(h2, "1.0.79"), "before introduced");
        assertTrue(affected(h2, "1.4.200"));
        assertFalse(affected(h2, "2.3.232"));
    }

    @Test
    void lastAffectedLimitAndExplicitVersions() {
        Advisory.Affected a = new Advisory.Affected("g:a", List.of(
                List.of(new Advisory.Event("introduced", "1.0"), new Advisory.Event("last_affected", "1.4")),
                List.of(new Advisory.Event("introduced", "0"), new Advisory.Event("limit", "0.5"))),
                List.of("3.0.0-rc1"), List.of());
        assertTrue(VersionMatcher.affected("1.4", a));
        assertTrue(VersionMatcher.affected("1.0.0", a));
        assertFalse(VersionMatcher.affected("1.4.1", a));
        assertTrue(VersionMatcher.affected("0.4", a));
        assertFalse(VersionMatcher.affected("0.5", a));
        assertFalse(VersionMatcher.affected("0.9", a));
        assertTrue(VersionMatcher.affected("3.0.0-RC1", a), "explicit version, Maven case-insensitive qualifier");
        assertFalse(VersionMatcher.affected("3.0.0", a));
    }

    @Test
    void withdrawnAndNonMavenAreIgnored() throws IOException {
        JsonNode doc = JSON.readTree("{\"id\":\"GHSA-x\",\"withdrawn\":\"2023-01-01T00:00:00Z\",\"affected\":[{\"package\":"
                + "{\"ecosystem\":\"Maven\",\"name\":\"g:a\"},\"ranges\":[{\"type\":\"ECOSYSTEM\",\"events\":[{\"introduced\":\"0\"}]}]}]}");
        assertTrue(OsvParser.parse(doc).isEmpty());
        JsonNode npm = JSON.readTree("{\"id\":\"GHSA-y\",\"affected\":[{\"package\":{\"ecosystem\":\"npm\",\"name\":\"left-pad\"},"
                + "\"ranges\":[{\"type\":\"SEMVER\",\"events\":[{\"introduced\":\"0\"}]}]}]}");
        assertTrue(OsvParser.parse(npm).isEmpty());
    }

    @Test
    void cvssV3ScoresAndV4Mapping() throws IOException {
        assertEquals(9.8, Cvss.score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"));
        assertEquals(10.0, Cvss.score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"));
        assertEquals(6.1, Cvss.score("CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N"));
        assertEquals(5.9, Cvss.score("CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N"));
        assertEquals(7.5, Cvss.score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"));
        assertEquals(8.8, Cvss.score("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H"));
        assertEquals(0.0, Cvss.score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N"));
        assertEquals(-1, Cvss.score("garbage"));
        assertEquals(List.of(5, 4, 3, 2, 3), List.of(Cvss.level(9.0), Cvss.level(7.0), Cvss.level(4.0), Cvss.level(0.1), Cvss.level(-1)));
        assertTrue(Cvss.score("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N") >= 9.0);
        // GHSA-6cr6 has v3 and v4: the v3 score is computed; the level never drops below GitHub's word (HIGH).
        Advisory a = fixture("GHSA-6cr6-ph3p-f5rf").get("ca.uhn.hapi.fhir:org.hl7.fhir.r4").advisory();
        assertEquals(8.6, a.score());
        assertTrue(a.vector().startsWith("CVSS:3.1"));
        assertEquals(4, a.level());
        // HAPI FHIR XSS: 6.1 (Medium).
        assertEquals(3, fixture("GHSA-52mh-p2m2-w625").get("ca.uhn.hapi.fhir:hapi-fhir-base").advisory().level());
    }

    @Test
    void symbolsFromEcosystemSpecific() throws IOException {
        JsonNode doc = JSON.readTree("{\"id\":\"OSV-1\",\"affected\":[{\"package\":{\"ecosystem\":\"Maven\",\"name\":\"g:a\"},"
                + "\"ranges\":[{\"type\":\"ECOSYSTEM\",\"events\":[{\"introduced\":\"0\"},{\"fixed\":\"2\"}]}],"
                + "\"ecosystem_specific\":{\"imports\":[{\"path\":\"org.acme.Parser\",\"symbols\":[\"parse\"]}]},"
                + "\"database_specific\":{\"vulnerable_functions\":[\"org.acme.Util.unsafe\"]}}]}");
        Advisory.Affected a = OsvParser.parse(doc).get("g:a").affected().get(0);
        assertEquals(List.of("org.acme.Parser#parse", "org.acme.Util#unsafe"), a.symbols());
    }
}
