package dev.triage.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.components.Component;
import dev.triage.components.ComponentReport;
import dev.triage.components.Identity;
import dev.triage.findings.ScanResult;
import dev.triage.findings.ScanStats;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SBOM writer on a component report built in code: how each component's identity (its confidence and the
 * evidence weighed) appears in CycloneDX's {@code evidence.identity}, and that the result validates against the
 * CycloneDX 1.6 schema. The end-to-end SBOM of a real scan (real jars, real advisories) is ComponentsCliTest's.
 */
class CycloneDxSbomTest {
    static final long STARTED = java.time.Instant.parse("2026-01-15T00:00:00Z").toEpochMilli();

    static Component component(String group, String artifact, String version, Component.IdentifiedBy by, String file,
                               Identity identity) {
        return new Component(group, artifact, version, by, file, "old.war", "WEB-INF/lib/" + file,
                "0123456789abcdef0123456789abcdef01234567", "", "", 0, 12, identity);
    }

    @Test
    void identityEvidenceIsWrittenAndValidates(@TempDir Path tmp) throws Exception {
        Component ribbon = component("com.netflix.ribbon", "ribbon", "2.2.0", Component.IdentifiedBy.HASH, "ribbon-2.2.0.jar",
                new Identity(Identity.Confidence.EXACT, List.of(
                        new Identity.Evidence(Identity.Technique.HASH_COMPARISON, "sha1", "0123456789abcdef", true, "Maven Central's artifact"),
                        new Identity.Evidence(Identity.Technique.FILENAME, "file name", "ribbon-2.2.0.jar", false, "agrees")), List.of()));
        Component collections = component("commons-collections", "commons-collections", "3.1", Component.IdentifiedBy.MANIFEST,
                "commons-collections.jar", new Identity(Identity.Confidence.LOW, List.of(
                        new Identity.Evidence(Identity.Technique.MANIFEST_ANALYSIS, "META-INF/MANIFEST.MF Implementation-Version", "3.1", true, "version"),
                        new Identity.Evidence(Identity.Technique.FILENAME, "file name", "commons-collections.jar", true, "artifact"),
                        new Identity.Evidence(Identity.Technique.OTHER, "known artifacts", "commons-collections", true, "group")), List.of()));
        Component icu = component("", "icu4j", "", Component.IdentifiedBy.UNIDENTIFIED, "icu4j.jar",
                new Identity(Identity.Confidence.NONE, List.of(
                        new Identity.Evidence(Identity.Technique.HASH_COMPARISON, "sha1", "0123456789abcdef", false, "not in the index"),
                        new Identity.Evidence(Identity.Technique.MANIFEST_ANALYSIS, "META-INF/MANIFEST.MF", "", false, "no coordinates"),
                        new Identity.Evidence(Identity.Technique.FILENAME, "file name", "icu4j.jar", false, "no group known")), List.of()));
        ComponentReport report = new ComponentReport(List.of(ribbon, collections, icu), List.of(), List.of(), 0, "", null, List.of());
        ScanResult result = new ScanResult("0.1.0-test", List.of("/apps/old.war"), List.of(), List.of(), List.of(),
                new ScanStats(STARTED, 1000, 0, 0, 0, 0), report);

        StringWriter out = new StringWriter();
        new CycloneDxSbom().write(result, ReportOptions.defaults(), out);
        String json = out.toString();
        Path file = tmp.resolve("identity.cdx.json");
        Files.writeString(file, json);
        assertEquals(List.of(), new JsonParser().validate(file.toFile(), CycloneDxSbom.VERSION).stream().map(Throwable::getMessage).toList());
        JsonNode bom = new ObjectMapper().readTree(json);
        assertEquals("old.war", bom.path("metadata").path("component").path("name").asText(), "the app is the input's file name");
        Map<String, JsonNode> byName = new TreeMap<>();
        for (JsonNode c : bom.path("components")) byName.put(c.path("name").asText(), c);

        JsonNode r = byName.get("ribbon").path("evidence").path("identity").get(0);
        assertEquals("purl", r.path("field").asText());
        assertEquals(1.0, r.path("confidence").asDouble());
        assertEquals("pkg:maven/com.netflix.ribbon/ribbon@2.2.0", r.path("concludedValue").asText());
        assertEquals("hash-comparison", r.path("methods").get(0).path("technique").asText());
        assertEquals(0.0, r.path("methods").get(1).path("confidence").asDouble(), "evidence that decided nothing");

        JsonNode cc = byName.get("commons-collections").path("evidence").path("identity").get(0);
        assertEquals(0.4, cc.path("confidence").asDouble());
        Set<String> techniques = new TreeSet<>();
        cc.path("methods").forEach(m -> techniques.add(m.path("technique").asText()));
        assertTrue(techniques.containsAll(Set.of("manifest-analysis", "filename", "other")), techniques.toString());

        JsonNode unidentified = byName.get("icu4j");
        assertTrue(unidentified.path("purl").isMissingNode(), "an unidentified jar has no package URL");
        JsonNode id = unidentified.path("evidence").path("identity").get(0);
        assertEquals("name", id.path("field").asText());
        assertEquals(0.0, id.path("confidence").asDouble());
        assertEquals(3, id.path("methods").size(), "the evidence tried is listed: " + id);
    }
}
