package dev.triage.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SpecVersion;
import dev.triage.findings.ScanResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SarifReportTest {
    private static JsonSchema sarifSchema;

    @BeforeAll
    static void loadSchema() {
        sarifSchema = SchemaSupport.load(SpecVersion.VersionFlag.V4,
                SarifReportTest.class.getResourceAsStream("/sarif-schema-2.1.0.json"));
    }

    private static String sarif(ScanResult r, ReportOptions o) {
        return Reports.render(ReportFormat.SARIF, r, o);
    }

    @Test
    void validatesAgainstOasisSchema() {
        String out = sarif(Fixtures.result(), ReportOptions.defaults());
        assertEquals(List.of(), new ArrayList<>(SchemaSupport.validate(sarifSchema, out)));
        String empty = sarif(Fixtures.empty(), ReportOptions.defaults());
        assertEquals(List.of(), new ArrayList<>(SchemaSupport.validate(sarifSchema, empty)));
    }

    @Test
    void schemaCheckCatchesBrokenSarif() {
        String out = sarif(Fixtures.result(), ReportOptions.defaults())
                .replace("\"version\" : \"2.1.0\"", "\"version\" : \"9.9\"")
                .replace("\"level\" : \"error\"", "\"level\" : \"fatal\"");
        assertFalse(SchemaSupport.validate(sarifSchema, out).isEmpty(), "the validator must reject a bad log");
    }

    @Test
    void validatesWithSourceRoot(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("src/main/java/com/acme"));
        Files.writeString(root.resolve("src/main/java/com/acme/Foo.java"), "class Foo {}");
        String out = sarif(Fixtures.result(), ReportOptions.defaults().withSourceRoot(root));
        assertEquals(List.of(), new ArrayList<>(SchemaSupport.validate(sarifSchema, out)));
    }

    @Test
    void headerDriverAndRules() {
        JsonNode log = SchemaSupport.parse(sarif(Fixtures.result(), ReportOptions.defaults()));
        assertEquals("2.1.0", log.get("version").asText());
        assertTrue(log.get("$schema").asText().endsWith("sarif-schema-2.1.0.json"));
        assertEquals(1, log.get("runs").size());
        JsonNode driver = log.at("/runs/0/tool/driver");
        assertEquals("Triage", driver.get("name").asText());
        assertEquals("0.1.0-test", driver.get("version").asText());
        assertTrue(driver.has("informationUri"));
        JsonNode rules = driver.get("rules");
        assertEquals(5, rules.size(), "all rules that ran, fired or not");
        JsonNode sqli = rules.get(0);
        assertEquals("java/sql-injection", sqli.get("id").asText());
        assertEquals("JavaSqlInjection", sqli.get("name").asText());
        assertEquals("SQL built from request data", sqli.at("/shortDescription/text").asText());
        assertTrue(sqli.at("/fullDescription/text").asText().startsWith("A query is built"));
        assertTrue(sqli.at("/help/text").asText().contains("PreparedStatement"));
        assertTrue(sqli.at("/help/markdown").asText().contains("https://owasp.org/"));
        assertEquals("error", sqli.at("/defaultConfiguration/level").asText());
        for (JsonNode rule : rules) {
            JsonNode props = rule.get("properties");
            List<String> tags = new ArrayList<>();
            props.get("tags").forEach(t -> tags.add(t.asText()));
            assertTrue(tags.contains("security"), tags.toString());
            assertTrue(tags.stream().anyMatch(t -> t.matches("external/cwe/cwe-\\d+")), tags.toString());
            assertTrue(props.get("security-severity").isTextual(), "security-severity must be a string");
            assertTrue(props.get("security-severity").asText().matches("\\d+\\.\\d"));
        }
        assertEquals("9.5", sqli.at("/properties/security-severity").asText());
        assertEquals("8.0", rules.get(1).at("/properties/security-severity").asText());
        assertEquals("very-high", rules.get(1).at("/properties/precision").asText());
        assertTrue(rules.get(0).at("/properties/tags").toString().contains("injection"));
    }

    @Test
    void resultsFingerprintsLocationsAndCodeFlows() {
        JsonNode run = SchemaSupport.parse(sarif(Fixtures.result(), ReportOptions.defaults())).at("/runs/0");
        JsonNode results = run.get("results");
        assertEquals(5, results.size());
        int withFlows = 0;
        for (JsonNode r : results) {
            assertTrue(r.at("/partialFingerprints/triageFingerprint~1v1").asText().startsWith("fp-"));
            JsonNode rule = run.at("/tool/driver/rules/" + r.get("ruleIndex").asInt());
            assertEquals(r.get("ruleId").asText(), rule.get("id").asText());
            assertTrue(r.at("/properties/confidence").isTextual());
            assertTrue(r.at("/properties/cwe").asText().startsWith("CWE-"));
            if (r.has("codeFlows")) withFlows++;
        }
        assertEquals(1, withFlows, "codeFlows only where a path exists");

        JsonNode sqli = results.get(0);
        assertEquals("java/sql-injection", sqli.get("ruleId").asText());
        assertEquals("error", sqli.get("level").asText());
        assertTrue(sqli.at("/message/text").asText().contains("<script>"), "JSON keeps text as is; escaping is JSON's");
        JsonNode phys = sqli.at("/locations/0/physicalLocation");
        assertEquals("com/acme/Foo.java", phys.at("/artifactLocation/uri").asText());
        assertEquals("SRCROOT", phys.at("/artifactLocation/uriBaseId").asText());
        assertEquals(42, phys.at("/region/startLine").asInt());
        assertEquals("com.acme.Foo.doGet", sqli.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText());
        assertEquals("function", sqli.at("/locations/0/logicalLocations/0/kind").asText());
        JsonNode steps = sqli.at("/codeFlows/0/threadFlows/0/locations");
        assertEquals(3, steps.size());
        assertTrue(steps.get(0).at("/location/message/text").asText().contains("getParameter"));
        assertFalse(steps.get(1).at("/location/physicalLocation").has("region"), "line 0: no region");

        // line 0: no region; no source path: no physical location, logical only
        for (JsonNode r : results) {
            if (r.at("/partialFingerprints/triageFingerprint~1v1").asText().equals("fp-cipher-1")) {
                assertFalse(r.at("/locations/0/physicalLocation").has("region"));
            }
            if (r.at("/partialFingerprints/triageFingerprint~1v1").asText().equals("fp-cipher-2")) {
                assertFalse(r.at("/locations/0").has("physicalLocation"));
                assertEquals("com.acme.NoSource.run", r.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText());
            }
        }

        JsonNode inv = run.at("/invocations/0");
        assertTrue(inv.get("executionSuccessful").asBoolean());
        assertEquals("warning", inv.at("/toolExecutionNotifications/0/level").asText());
        assertTrue(inv.at("/toolExecutionNotifications/0/message/text").asText().contains("broken.jar"));
        assertFalse(run.has("originalUriBaseIds"), "no source root given");
    }

    @Test
    void relativeUrisUnderSourceRoot(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("src/main/java/com/acme"));
        Files.writeString(root.resolve("src/main/java/com/acme/Foo.java"), "class Foo {}");
        Files.createDirectories(root.resolve("other/deeper/src/main/java/com/acme"));
        Files.writeString(root.resolve("other/deeper/src/main/java/com/acme/Foo.java"), "class Foo {}");
        Files.createDirectories(root.resolve("WEB-INF"));
        Files.writeString(root.resolve("WEB-INF/web.xml"), "<web-app/>");

        JsonNode run = SchemaSupport.parse(sarif(Fixtures.result(), ReportOptions.defaults().withSourceRoot(root)))
                .at("/runs/0");
        String base = run.at("/originalUriBaseIds/SRCROOT/uri").asText();
        assertTrue(base.startsWith("file:/") && base.endsWith("/"), base);
        List<String> uris = new ArrayList<>();
        run.get("results").forEach(r -> uris.add(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText()));
        assertTrue(uris.contains("src/main/java/com/acme/Foo.java"), uris.toString());
        assertTrue(uris.contains("WEB-INF/web.xml"), "exists directly under the root: kept");
        assertTrue(uris.contains("com/acme/Crypto.java"), "not found: kept as is");
        assertFalse(uris.contains("com/acme/Foo.java"));
    }

    @Test
    void sourcePathsNeverLeaveTheRoot(@TempDir Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.writeString(dir.resolve("secret.java"), "x");
        SourcePaths paths = new SourcePaths(root);
        assertEquals("../secret.java", paths.resolve("../secret.java"));
        assertEquals("", paths.resolve(""));
    }

    @Test
    void deterministicApartFromInvocationTimes() {
        String a = sarif(Fixtures.result(1_700_000_000_000L, 1000), ReportOptions.defaults());
        String b = sarif(Fixtures.result(1_800_000_000_000L, 99), ReportOptions.defaults());
        assertNotEquals(a, b, "times differ");
        ObjectNode ja = (ObjectNode) SchemaSupport.parse(a);
        ObjectNode jb = (ObjectNode) SchemaSupport.parse(b);
        ((ObjectNode) ja.at("/runs/0")).remove("invocations");
        ((ObjectNode) jb.at("/runs/0")).remove("invocations");
        assertEquals(ja, jb);
        // byte-identical when only invocation times are blanked out
        String ta = a.replaceAll("\"(start|end)TimeUtc\" : \"[^\"]*\"", "T");
        String tb = b.replaceAll("\"(start|end)TimeUtc\" : \"[^\"]*\"", "T");
        assertEquals(ta, tb);
        assertEquals(a, sarif(Fixtures.result(1_700_000_000_000L, 1000), ReportOptions.defaults()));
        assertFalse(a.contains("\r"));
    }

    @Test
    void uriEncoding() {
        assertEquals("com/acme/My%20File.java", SarifReport.encodeUri("com/acme/My File.java"));
        assertEquals("a/%C3%A9.java", SarifReport.encodeUri("a/é.java"));
    }
}
