package dev.triage.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SpecVersion;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonReportTest {
    /** The schema as documented in the repository (module dir is the working directory of tests). */
    static final Path SCHEMA = Path.of("../docs/json-report-schema.json");
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        schema = SchemaSupport.load(SpecVersion.VersionFlag.V7, Files.newInputStream(SCHEMA));
    }

    @Test
    void validatesAgainstDocumentedSchema(@TempDir Path root) throws IOException {
        String out = Reports.render(ReportFormat.JSON, Fixtures.result(), ReportOptions.defaults());
        assertEquals(List.of(), new ArrayList<>(SchemaSupport.validate(schema, out)));
        String empty = Reports.render(ReportFormat.JSON, Fixtures.empty(), ReportOptions.defaults());
        assertEquals(List.of(), new ArrayList<>(SchemaSupport.validate(schema, empty)));
        Files.createDirectories(root.resolve("src/main/java/com/acme"));
        Files.writeString(root.resolve("src/main/java/com/acme/Foo.java"), "class Foo {}");
        String rooted = Reports.render(ReportFormat.JSON, Fixtures.result(), ReportOptions.defaults().withSourceRoot(root));
        assertEquals(List.of(), new ArrayList<>(SchemaSupport.validate(schema, rooted)));
        assertTrue(rooted.contains("\"file\" : \"src/main/java/com/acme/Foo.java\""));
    }

    @Test
    void schemaCheckCatchesBrokenReport() {
        String out = Reports.render(ReportFormat.JSON, Fixtures.result(), ReportOptions.defaults())
                .replace("\"schemaVersion\" : \"1.0\"", "\"schemaVersion\" : \"2.0\"");
        assertFalse(SchemaSupport.validate(schema, out).isEmpty());
    }

    @Test
    void contents() {
        JsonNode j = SchemaSupport.parse(Reports.render(ReportFormat.JSON, Fixtures.result(), ReportOptions.defaults()));
        assertEquals("1.0", j.get("schemaVersion").asText());
        assertEquals("Triage", j.at("/tool/name").asText());
        assertEquals(2, j.get("inputs").size());
        assertEquals(5, j.at("/summary/findings").asInt());
        assertEquals(3, j.at("/summary/high").asInt());
        assertEquals(1, j.at("/summary/bySeverity/very-high").asInt());
        assertEquals(2, j.at("/summary/bySeverity/high").asInt());
        assertEquals(0, j.at("/summary/bySeverity/informational").asInt());
        assertEquals(327, j.at("/summary/byCwe/0/cwe").asInt(), "most findings first");
        assertEquals(2, j.at("/summary/byCwe/0/count").asInt());
        JsonNode first = j.at("/findings/0");
        assertEquals("java/sql-injection", first.get("ruleId").asText());
        assertEquals(89, first.get("cwe").asInt());
        assertEquals(5, first.at("/severity/level").asInt());
        assertEquals("Very High", first.at("/severity/label").asText());
        assertEquals(3, first.get("path").size());
        assertEquals("fp-sqli-1", first.get("fingerprint").asText());
        assertTrue(first.get("message").asText().contains("<script>"));
        assertEquals(1, j.get("problems").size());
        assertEquals(42, j.at("/stats/appClasses").asInt());
    }

    @Test
    void deterministicApartFromStatsTimes() {
        JsonNode a = SchemaSupport.parse(Reports.render(ReportFormat.JSON, Fixtures.result(1L, 5), ReportOptions.defaults()));
        JsonNode b = SchemaSupport.parse(Reports.render(ReportFormat.JSON, Fixtures.result(9_999_999L, 77), ReportOptions.defaults()));
        for (JsonNode n : List.of(a, b)) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) n.get("stats"))
                    .remove(List.of("startedAt", "startedAtEpochMillis", "durationMillis"));
        }
        assertEquals(a, b);
    }
}
