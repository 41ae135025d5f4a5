package dev.triage.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.triage.cli.ScanPipeline;
import dev.triage.cli.ScanRequest;
import dev.triage.components.ComponentOptions;
import dev.triage.findings.Finding;
import dev.triage.findings.ScanResult;
import dev.triage.report.CycloneDxSbom;
import dev.triage.report.ReportOptions;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The components stage end to end: a war built here with real log4j and Spring jars, the real OSV
 * advisories imported with {@code triage db import}, scanned through ScanPipeline and the CLI into
 * SARIF, JSON and a CycloneDX SBOM.
 */
class ComponentsCliTest {
    static final Path JARS = Path.of("target", "test-jars");
    static final Path OSV = Path.of("..", "triage-components", "src", "test", "resources", "osv");

    static Path war(Path dir) throws Exception {
        return war(dir, Map.of());
    }

    /** The logging app with real log4j and Spring jars in WEB-INF/lib, and these further library jars. */
    static Path war(Path dir, Map<String, byte[]> moreLibs) throws Exception {
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        e.put("WEB-INF/classes/com/acme/AuditLog.class", loggingClass());
        for (String jar : List.of("log4j-core-2.14.1.jar", "log4j-api-2.14.1.jar", "spring-beans-5.3.17.jar")) {
            e.put("WEB-INF/lib/" + jar, Files.readAllBytes(JARS.resolve(jar)));
        }
        moreLibs.forEach((name, bytes) -> e.put("WEB-INF/lib/" + name, bytes));
        Path war = dir.resolve("portal.war");
        Files.write(war, zip(e));
        return war;
    }

    static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        long now = System.currentTimeMillis();
        try (ZipOutputStream z = new ZipOutputStream(bos)) {
            for (Map.Entry<String, byte[]> x : entries.entrySet()) {
                ZipEntry ze = new ZipEntry(x.getKey());
                ze.setTime(now);
                z.putNextEntry(ze);
                z.write(x.getValue());
                z.closeEntry();
            }
        }
        return bos.toByteArray();
    }

    /** {@code public class AuditLog { public void handle(String s) { LogManager.getLogger().error(s); } }} */
    static byte[] loggingClass() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V11, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "com/acme/AuditLog", null, "java/lang/Object", null);
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor m = cw.visitMethod(Opcodes.ACC_PUBLIC, "handle", "(Ljava/lang/String;)V", null, null);
        m.visitCode();
        m.visitMethodInsn(Opcodes.INVOKESTATIC, "org/apache/logging/log4j/LogManager", "getLogger", "()Lorg/apache/logging/log4j/Logger;", false);
        m.visitVarInsn(Opcodes.ALOAD, 1);
        m.visitMethodInsn(Opcodes.INVOKEINTERFACE, "org/apache/logging/log4j/Logger", "error", "(Ljava/lang/String;)V", true);
        m.visitInsn(Opcodes.RETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    @Test
    void pipelineReportsExactlyTheApplicableAdvisories(@TempDir Path tmp) throws Exception {
        Path db = tmp.resolve("db");
        assertEquals(0, CliTest.triage("db", "import", OSV.toString(), "--db", db.toString()).exit());
        Path war = war(tmp);
        ScanResult r = ScanPipeline.run(ScanRequest.of(List.of(war)).withComponents(
                ComponentOptions.defaults().withDatabase(db).withNow(Instant.now())));
        List<String> ids = r.findings().stream().filter(f -> f.rule().id().equals("component/vulnerable-dependency"))
                .map(f -> f.properties().get("advisoryId") + "@" + f.properties().get("purl")).sorted().toList();
        assertEquals(List.of(
                "GHSA-36p3-wjmg-h94x@pkg:maven/org.springframework/spring-beans@5.3.17",
                "GHSA-7rjr-3q55-vv33@pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
                "GHSA-jfh8-c2jp-5v3q@pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
                "GHSA-p6xc-xr62-6r2g@pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"), ids);
        Finding shell = r.findings().stream().filter(f -> "GHSA-jfh8-c2jp-5v3q".equals(f.properties().get("advisoryId"))).findFirst().orElseThrow();
        assertEquals(5, shell.severity().level());
        assertEquals("WEB-INF/lib/log4j-core-2.14.1.jar", shell.location().sourcePath());
        assertEquals("reachable", shell.properties().get("reachability"));
        assertEquals(5, r.findings().get(0).severity().level(), "very high (CVSS >= 9) log4j-core findings come first");
        Finding spring = r.findings().stream().filter(f -> "GHSA-36p3-wjmg-h94x".equals(f.properties().get("advisoryId"))).findFirst().orElseThrow();
        assertEquals("not referenced", spring.properties().get("reachability"));
        assertEquals(3, r.components().components().size(), "three jars: " + r.components().components());
    }

    /** {@code public class <name> {}} */
    static byte[] emptyClass(String internalName) {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V11, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, internalName, null, "java/lang/Object", null);
        cw.visitEnd();
        return cw.toByteArray();
    }

    /**
     * {@code db update --hashes-from}: a bundled jar without Maven metadata, published in a repository (a directory in
     * repository layout) under the group its packages name, is confirmed by SHA-1, indexed and remembered; the next
     * scan names it exactly. A jar whose proposals the repository does not publish stays unknown.
     */
    @Test
    void hashesFromIndexesBundledJarsConfirmedByChecksum(@TempDir Path tmp) throws Exception {
        Path db = tmp.resolve("db");
        assertEquals(0, CliTest.triage("db", "import", OSV.toString(), "--db", db.toString()).exit());
        Map<String, byte[]> widget = new LinkedHashMap<>();
        widget.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        widget.put("org/example/widgets/core/Widget.class", emptyClass("org/example/widgets/core/Widget"));
        widget.put("org/example/widgets/core/Part.class", emptyClass("org/example/widgets/core/Part"));
        byte[] widgetJar = zip(widget);
        Path repo = tmp.resolve("repo");
        Path dir = Files.createDirectories(repo.resolve("org/example/widgets/widget-core/1.2.0"));
        Files.write(dir.resolve("widget-core-1.2.0.jar"), widgetJar);
        Path war = war(tmp, Map.of("widget-core-1.2.0.jar", widgetJar));

        CliTest.Run update = CliTest.triage("db", "update", "--db", db.toString(), "--skip-advisories",
                "--repository", repo.toUri().toString(), "--hashes-from", war.toString());
        assertEquals(0, update.exit(), update.err() + update.out());
        assertTrue(update.out().contains("widget-core-1.2.0.jar: org.example.widgets:widget-core:1.2.0 (SHA-1 equal"), update.out());
        assertTrue(update.out().contains("log4j-core-2.14.1.jar: not found"), update.out());
        assertTrue(Files.readString(db.resolve("hashes-confirmed.tsv")).startsWith("org.example.widgets:widget-core\t1.2.0\t"));

        Path out = tmp.resolve("out");
        CliTest.Run scan = CliTest.triage("scan", war.toString(), "--db", db.toString(), "-f", "json", "-o", out.toString(),
                "--rules", "component/", "--no-progress");
        assertEquals(0, scan.exit(), scan.err() + scan.out());
        JsonNode w = null;
        for (JsonNode c : new ObjectMapper().readTree(out.resolve("triage.json").toFile()).path("components")) {
            if (c.path("path").asText().equals("WEB-INF/lib/widget-core-1.2.0.jar")) w = c;
        }
        assertEquals("pkg:maven/org.example.widgets/widget-core@1.2.0", w.path("purl").asText());
        assertEquals("hash", w.path("identifiedBy").asText());

        CliTest.Run status = CliTest.triage("db", "status", "--db", db.toString());
        assertTrue(status.out().contains("Confirmed by checksum (--hashes-from): 1 artifacts"), status.out());

        CliTest.Run contradictory = CliTest.triage("db", "update", "--db", db.toString(), "--skip-advisories", "--no-hashes",
                "--hashes-from", war.toString());
        assertTrue(contradictory.exit() != 0 && contradictory.err().contains("--no-hashes"), contradictory.err());
    }

    @Test
    void cliWritesSarifJsonAndAValidSbom(@TempDir Path tmp) throws Exception {
        Path db = tmp.resolve("db");
        assertEquals(0, CliTest.triage("db", "import", OSV.toString(), "--db", db.toString()).exit());
        CliTest.Run status = CliTest.triage("db", "status", "--db", db.toString());
        assertEquals(0, status.exit(), status.err());
        assertTrue(status.out().contains("Advisories:  14") && status.out().contains("Source:"), status.out());
        Path war = war(tmp);
        Path out = tmp.resolve("out");
        CliTest.Run run = CliTest.triage("scan", war.toString(), "--db", db.toString(), "-f", "sarif,json", "-o", out.toString(),
                "--sbom", "cyclonedx", "--rules", "component/", "--no-progress");
        assertEquals(0, run.exit(), run.err() + run.out());

        JsonNode sarif = new ObjectMapper().readTree(out.resolve("triage.sarif").toFile());
        JsonSchema sarifSchema;
        try (InputStream in = Files.newInputStream(Path.of("..", "triage-report", "src", "test", "resources", "sarif-schema-2.1.0.json"))) {
            sarifSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        assertEquals(java.util.Set.of(), sarifSchema.validate(sarif));
        JsonNode first = null;
        for (JsonNode res : sarif.path("runs").get(0).path("results")) {
            if (res.path("properties").path("advisoryId").asText().equals("GHSA-jfh8-c2jp-5v3q")) first = res;
        }
        assertEquals("component/vulnerable-dependency", first.path("ruleId").asText());
        JsonNode p = first.path("properties");
        assertEquals("GHSA-jfh8-c2jp-5v3q", p.path("advisoryId").asText());
        assertEquals("CVE-2021-44228", p.path("aliases").get(0).asText());
        assertEquals("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", p.path("purl").asText());
        assertEquals("2.15.0", p.path("fixedVersion").asText());
        assertEquals("reachable", p.path("reachability").asText());
        assertEquals("WEB-INF/lib/log4j-core-2.14.1.jar",
                first.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText());

        JsonNode json = new ObjectMapper().readTree(out.resolve("triage.json").toFile());
        JsonSchema ours;
        try (InputStream in = Files.newInputStream(Path.of("..", "docs", "json-report-schema.json"))) {
            ours = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        assertEquals(java.util.Set.of(), ours.validate(json));
        assertEquals(3, json.path("components").size());

        Path sbom = out.resolve("triage.cdx.json");
        assertEquals(List.of(), new JsonParser().validate(sbom.toFile(), org.cyclonedx.Version.VERSION_16));
        assertEquals(4, new ObjectMapper().readTree(sbom.toFile()).path("vulnerabilities").size());
    }

    /**
     * The SBOM of a scan (written by triage-report's CycloneDX writer) validates against the CycloneDX 1.6 schema and
     * carries purls, hashes, shaded copies nested in their host jar, and a VEX analysis per advisory: exploitable where
     * app code calls the vulnerable symbols, not affected where no code refers to the library.
     */
    @Test
    void sbomCarriesComponentsShadedCopiesAndVexAnalysis(@TempDir Path tmp) throws Exception {
        Path db = tmp.resolve("db");
        assertEquals(0, CliTest.triage("db", "import", OSV.toString(), "--db", db.toString()).exit());
        byte[] fatLib = zip(Map.of(
                "META-INF/maven/com.acme/fat-lib/pom.properties", "groupId=com.acme\nartifactId=fat-lib\nversion=1.0\n".getBytes(StandardCharsets.ISO_8859_1),
                "META-INF/maven/org.yaml/snakeyaml/pom.properties", "groupId=org.yaml\nartifactId=snakeyaml\nversion=1.33\n".getBytes(StandardCharsets.ISO_8859_1)));
        Path war = war(tmp, Map.of("fat-lib-1.0.jar", fatLib));
        ScanResult r = ScanPipeline.run(ScanRequest.of(List.of(war)).withComponents(
                ComponentOptions.defaults().withDatabase(db).withNow(Instant.now())));
        StringWriter out = new StringWriter();
        new CycloneDxSbom().write(r, ReportOptions.defaults(), out);
        Path file = tmp.resolve("sbom.cdx.json");
        Files.writeString(file, out.toString());
        assertEquals(List.of(), new JsonParser().validate(file.toFile(), CycloneDxSbom.VERSION).stream().map(Throwable::getMessage).toList(),
                "CycloneDX schema validation");

        JsonNode bom = new ObjectMapper().readTree(out.toString());
        assertEquals("1.6", bom.path("specVersion").asText());
        assertEquals("portal.war", bom.path("metadata").path("component").path("name").asText());
        assertEquals(4, bom.path("components").size(), "shaded snakeyaml nests inside fat-lib");
        JsonNode core = null;
        for (JsonNode c : bom.path("components")) if (c.path("name").asText().equals("log4j-core")) core = c;
        assertEquals("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", core.path("purl").asText());
        assertEquals(2, core.path("hashes").size());
        Map<String, JsonNode> vulns = new LinkedHashMap<>();
        for (JsonNode v : bom.path("vulnerabilities")) vulns.put(v.path("id").asText(), v);
        assertEquals("exploitable", vulns.get("GHSA-jfh8-c2jp-5v3q").path("analysis").path("state").asText());
        assertEquals("CVE-2021-44228", vulns.get("GHSA-jfh8-c2jp-5v3q").path("references").get(0).path("id").asText());
        assertEquals(core.path("bom-ref").asText(), vulns.get("GHSA-jfh8-c2jp-5v3q").path("affects").get(0).path("ref").asText());
        JsonNode spring = vulns.get("GHSA-36p3-wjmg-h94x").path("analysis");
        assertEquals("not_affected", spring.path("state").asText());
        assertEquals("code_not_reachable", spring.path("justification").asText());
        assertTrue(vulns.containsKey("GHSA-mjmj-j48q-9wg2"), "the shaded snakeyaml 1.33 is matched too");
    }

    @Test
    void missingDatabaseIsAProblemLineNotACrash(@TempDir Path tmp) throws Exception {
        Path war = war(tmp);
        CliTest.Run run = CliTest.triage("scan", war.toString(), "--db", tmp.resolve("none").toString(), "--no-progress");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("no advisory database"), run.out());
        CliTest.Run status = CliTest.triage("db", "status", "--db", tmp.resolve("none").toString());
        assertEquals(3, status.exit());
        CliTest.Run bad = CliTest.triage("db", "import", tmp.resolve("missing.zip").toString(), "--db", tmp.resolve("db2").toString());
        assertEquals(3, bad.exit());
        assertTrue(bad.err().contains("no such file"), bad.err());
    }
}
