package dev.triage.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.triage.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line end to end on the built sample war: exit codes, formats, SARIF validity, determinism, baseline. */
class CliTest {
    static final Path WAR = Path.of("..", "examples", "healthcare-portal", "target", "healthcare-portal.war");
    static final ObjectMapper JSON = new ObjectMapper();
    static JsonSchema sarifSchema;

    @BeforeAll
    static void schema() throws Exception {
        Path p = Path.of("..", "triage-report", "src", "test", "resources", "sarif-schema-2.1.0.json");
        try (InputStream in = Files.newInputStream(p)) {
            sarifSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
    }

    record Run(int exit, String out, String err) {
    }

    static Run triage(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void versionAndRules() {
        Run v = triage("--version");
        assertEquals(0, v.exit());
        assertTrue(v.out().startsWith("triage "), v.out());
        Run r = triage("rules");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("java/weak-cipher") && r.out().contains("CWE-327"), r.out());
        Run j = triage("rules", "--format", "json");
        assertEquals(0, j.exit());
        assertTrue(j.out().contains("\"id\" : \"java/xxe-parser\""), j.out());
    }

    @Test
    void usageErrorsExitTwo(@TempDir Path tmp) {
        assertEquals(2, triage().exit());
        assertEquals(2, triage("scan").exit());
        assertEquals(2, triage("scan", tmp.resolve("missing.war").toString()).exit());
        assertEquals(2, triage("scan", "-f", "pdf", WAR.toString()).exit());
        assertEquals(2, triage("scan", "--fail-on", "catastrophic", WAR.toString()).exit());
        assertEquals(2, triage("scan", "--no-such-option", WAR.toString()).exit());
        // A readable input holding no classes at all is "no readable input" too.
        assertEquals(2, triage("scan", "-q", tmp.toString()).exit());
    }

    @Test
    void writesEveryFormatAndSarifValidates(@TempDir Path tmp) throws Exception {
        Run run = triage("scan", WAR.toString(), "-f", "console,sarif,json,html", "-o", tmp.toString(), "--no-progress",
                "--source-root", Path.of("..", "examples", "healthcare-portal", "src", "main", "java").toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("Triage: "), run.out());
        for (String f : List.of("triage.sarif", "triage.json", "triage.html")) assertTrue(Files.size(tmp.resolve(f)) > 1000, f);
        JsonNode sarif = JSON.readTree(tmp.resolve("triage.sarif").toFile());
        assertEquals(Set.of(), sarifSchema.validate(sarif), "SARIF must validate against the 2.1.0 schema");
        JsonNode results = sarif.path("runs").get(0).path("results");
        assertTrue(results.size() >= 15);
        boolean anyFlow = false;
        for (JsonNode r : results) {
            anyFlow |= r.has("codeFlows");
            assertTrue(r.path("partialFingerprints").size() > 0);
        }
        assertTrue(anyFlow, "findings with a path carry codeFlows");
        // Source paths are relative to --source-root.
        String uri = results.get(0).path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText();
        assertTrue(!uri.startsWith("/") && !uri.contains(".."), uri);
        String html = Files.readString(tmp.resolve("triage.html"));
        assertTrue(html.contains("<svg") && html.contains("CWE-327"));
    }

    @Test
    void failOnAndBaseline(@TempDir Path tmp) {
        Run high = triage("scan", WAR.toString(), "-q", "--fail-on", "high", "-f", "json", "-o", tmp.toString());
        assertEquals(1, high.exit(), "the sample app has high-severity findings");
        assertTrue(high.err().contains("policy failed"), high.err());
        assertEquals(1, triage("scan", WAR.toString(), "-q", "--fail-on", "very-high").exit(), "the sample has SQL injection (5)");
        assertEquals(0, triage("scan", WAR.toString(), "-q", "--fail-on", "high", "--rules", "java/weak-hash").exit(),
                "weak hashes are Medium: below the threshold");
        Run again = triage("scan", WAR.toString(), "--fail-on", "low", "--baseline", tmp.resolve("triage.json").toString(), "--no-progress");
        assertEquals(0, again.exit(), "everything is in the baseline: nothing new fails the build");
        assertTrue(again.out().contains("matched the baseline"), again.out());
        Run onlyHash = triage("scan", WAR.toString(), "--rules", "java/weak-hash", "-f", "json", "-o", tmp.resolve("h").toString(), "-q");
        assertEquals(0, onlyHash.exit());
    }

    @Test
    void twoScansGiveIdenticalSarifApartFromRunTimes(@TempDir Path tmp) throws Exception {
        assertEquals(0, triage("scan", WAR.toString(), "-q", "-f", "sarif,json", "-o", tmp.resolve("a").toString(), "--threads", "2").exit());
        assertEquals(0, triage("scan", WAR.toString(), "-q", "-f", "sarif,json", "-o", tmp.resolve("b").toString(), "--threads", "1").exit());
        assertEquals(withoutTimes(tmp.resolve("a/triage.sarif")), withoutTimes(tmp.resolve("b/triage.sarif")));
    }

    static String withoutTimes(Path sarif) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(sarif.toFile());
        for (JsonNode run : root.path("runs")) {
            for (JsonNode inv : run.path("invocations")) {
                ((ObjectNode) inv).remove(List.of("startTimeUtc", "endTimeUtc"));
            }
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    static Set<String> fingerprints(Path json) throws Exception {
        Set<String> out = new TreeSet<>();
        for (JsonNode f : JSON.readTree(json.toFile()).path("findings")) out.add(f.path("fingerprint").asText());
        return out;
    }

    static List<Integer> lines(Path json) throws Exception {
        List<Integer> out = new ArrayList<>();
        for (JsonNode f : JSON.readTree(json.toFile()).path("findings")) out.add(f.path("location").path("line").asInt());
        return out;
    }
}
