package dev.triage.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.cli.ScanPipeline;
import dev.triage.cli.ScanRequest;
import dev.triage.components.ComponentOptions;
import dev.triage.findings.Finding;
import dev.triage.findings.ScanResult;
import dev.triage.intake.IntakeOptions;
import dev.triage.intake.JarRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real apps as people hand them over: the app's own code in jars beside real Maven Central libraries (a war split into
 * an api jar and a util jar, an ear with an EJB module, a war of 5 first-party jars among 100 libraries), a war of
 * libraries only, and a lone vulnerable library jar. Asserts which jars are app code and which findings appear.
 */
class AppCodeCliTest {
    static final Path JARS = Path.of("target", "test-jars");
    static final Path OSV = Path.of("..", "triage-components", "src", "test", "resources", "osv");
    static final Path LEGACY_WAR = Path.of("..", "testapps", "legacy-war", "target", "legacy-war.war");

    @TempDir
    static Path tmp;
    static Path db;

    @BeforeAll
    static void database() throws Exception {
        db = tmp.resolve("db");
        assertEquals(0, CliTest.triage("db", "import", OSV.toString(), "--db", db.toString()).exit());
    }

    private static ScanResult scan(Path input, List<String> appPackages) {
        IntakeOptions intake = new IntakeOptions(IntakeOptions.defaults().limits(), appPackages, List.of());
        ScanRequest req = new ScanRequest(List.of(input), intake, Set.of(), Set.of(), 1, java.time.Duration.ofMinutes(5))
                .withComponents(ComponentOptions.defaults().withDatabase(db).withNow(Instant.parse("2026-01-15T00:00:00Z")));
        return ScanPipeline.run(req);
    }

    private static Map<String, Boolean> roles(ScanResult r) {
        Map<String, Boolean> m = new TreeMap<>();
        for (JarRole j : r.appCode().jars()) m.put(j.path().substring(j.path().lastIndexOf('/') + 1), j.app());
        return m;
    }

    private static Set<String> findingClasses(ScanResult r, String rule) {
        return r.findings().stream().filter(f -> f.rule().id().equals(rule))
                .map(f -> f.location().className()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> advisories(ScanResult r) {
        return r.components().vulnerabilities().stream().map(v -> v.advisory().id()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void warWithTheAppInAnApiJarAndAUtilJar() throws Exception {
        Map<String, byte[]> war = new LinkedHashMap<>();
        war.put("META-INF/maven/com.acme.portal/portal-war/pom.properties", pom("com.acme.portal", "portal-war", "1.0"));
        war.put("WEB-INF/classes/com/acme/portal/web/Home.class", weakCipherClass("com/acme/portal/web/Home", "AES/GCM/NoPadding"));
        war.put("WEB-INF/lib/portal-api-1.0.jar", jar(Map.of(
                "META-INF/maven/com.acme.portal/portal-api/pom.properties", pom("com.acme.portal", "portal-api", "1.0"),
                "com/acme/portal/api/Tokens.class", weakCipherClass("com/acme/portal/api/Tokens", "DES"))));
        war.put("WEB-INF/lib/portal-util-1.0.jar", jar(Map.of(
                "com/acme/portal/util/Legacy.class", weakCipherClass("com/acme/portal/util/Legacy", "DESede"))));
        for (String lib : List.of("log4j-core-2.14.1.jar", "log4j-api-2.14.1.jar", "spring-beans-5.3.17.jar")) {
            war.put("WEB-INF/lib/" + lib, Files.readAllBytes(JARS.resolve(lib)));
        }
        Path input = write("portal.war", war);
        ScanResult r = scan(input, List.of());
        assertEquals(Map.of("portal-api-1.0.jar", true, "portal-util-1.0.jar", true, "log4j-core-2.14.1.jar", false,
                "log4j-api-2.14.1.jar", false, "spring-beans-5.3.17.jar", false), roles(r));
        JarRole api = r.appCode().jars().stream().filter(j -> j.path().endsWith("portal-api-1.0.jar")).findFirst().orElseThrow();
        assertTrue(api.reason().contains("com.acme.portal") && api.reason().contains("app's own"), api.reason());
        JarRole util = r.appCode().jars().stream().filter(j -> j.path().endsWith("portal-util-1.0.jar")).findFirst().orElseThrow();
        assertTrue(util.reason().contains("no Maven metadata") && util.reason().contains("app's packages"), util.reason());
        assertEquals(Set.of("com.acme.portal.api.Tokens", "com.acme.portal.util.Legacy"), findingClasses(r, "java/weak-cipher"));
        // the app's own modules stay in the inventory (a published module has advisories of its own), judged referenced
        assertEquals(Set.of("pkg:maven/com.acme.portal/portal-api@1.0", ""), r.components().components().stream()
                .filter(c -> c.fileName().startsWith("portal-")).map(c -> c.purl()).collect(Collectors.toSet()),
                r.components().components().stream().map(c -> c.fileName() + " " + c.purl()).toList().toString());
        assertTrue(advisories(r).contains("GHSA-jfh8-c2jp-5v3q"), "the libraries are still matched");
        assertEquals("", r.appCode().note());

        // --app-packages still decides when given: only the web classes are the app
        ScanResult overridden = scan(input, List.of("com.acme.portal.web"));
        assertEquals(Map.of(), roles(overridden));
        assertEquals(Set.of(), findingClasses(overridden, "java/weak-cipher"));
    }

    @Test
    void earWithAnEjbModuleAndTheAppsModelJarInItsLibraryDirectory() throws Exception {
        Map<String, byte[]> ear = new LinkedHashMap<>();
        ear.put("META-INF/application.xml", ("<?xml version=\"1.0\"?><application><module><ejb>portal-ejb.jar</ejb></module>"
                + "<library-directory>lib</library-directory></application>").getBytes(StandardCharsets.UTF_8));
        ear.put("META-INF/maven/com.acme.portal/portal-ear/pom.properties", pom("com.acme.portal", "portal-ear", "2.0"));
        ear.put("portal-ejb.jar", jar(Map.of("com/acme/portal/ejb/RecordsBean.class", weakCipherClass("com/acme/portal/ejb/RecordsBean", "RC4"))));
        ear.put("lib/portal-model-2.0.jar", jar(Map.of(
                "META-INF/maven/com.acme.portal/portal-model/pom.properties", pom("com.acme.portal", "portal-model", "2.0"),
                "com/acme/portal/model/Patient.class", weakCipherClass("com/acme/portal/model/Patient", "Blowfish"))));
        ear.put("lib/log4j-core-2.14.1.jar", Files.readAllBytes(JARS.resolve("log4j-core-2.14.1.jar")));
        ScanResult r = scan(write("portal.ear", ear), List.of());
        assertEquals(Map.of("portal-model-2.0.jar", true, "log4j-core-2.14.1.jar", false), roles(r));
        assertEquals(Set.of("com.acme.portal.ejb.RecordsBean", "com.acme.portal.model.Patient"), findingClasses(r, "java/weak-cipher"));
        assertTrue(advisories(r).contains("GHSA-jfh8-c2jp-5v3q"));
    }

    @Test
    void warOfLibrariesOnlyIsReportedAsComponentsWithExitZero() throws Exception {
        Map<String, byte[]> war = new LinkedHashMap<>();
        for (String lib : List.of("log4j-core-2.14.1.jar", "log4j-api-2.14.1.jar", "spring-beans-5.3.17.jar")) {
            war.put("WEB-INF/lib/" + lib, Files.readAllBytes(JARS.resolve(lib)));
        }
        Path input = write("libs.war", war);
        Path out = tmp.resolve("libs-out");
        CliTest.Run run = CliTest.triage("scan", input.toString(), "--db", db.toString(), "-f", "json", "-o", out.toString(),
                "--no-progress", "--sbom", "cyclonedx");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("no app code was found") && run.err().contains("libs.war"), run.err());
        JsonNode json = new ObjectMapper().readTree(out.resolve("triage.json").toFile());
        assertTrue(json.path("appCode").path("note").asText().startsWith("no app code was found"));
        assertTrue(json.toString().contains("GHSA-jfh8-c2jp-5v3q"), "its advisories are reported");
        assertTrue(Files.isRegularFile(out.resolve("triage.cdx.json")), "and its SBOM");
    }

    @Test
    void aLoneVulnerableLibraryJarReportsItsOwnAdvisories() throws Exception {
        Path jar = tmp.resolve("log4j-core-2.14.1.jar");
        Files.copy(JARS.resolve("log4j-core-2.14.1.jar"), jar);
        Path out = tmp.resolve("lone-out");
        CliTest.Run run = CliTest.triage("scan", jar.toString(), "--db", db.toString(), "-f", "json", "-o", out.toString(), "--no-progress");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("no app code was found") && run.err().contains("org.apache.logging.log4j:log4j-core:2.14.1"), run.err());
        JsonNode json = new ObjectMapper().readTree(out.resolve("triage.json").toFile());
        Set<String> cves = new TreeSet<>();
        for (JsonNode f : json.path("findings")) {
            if (f.path("ruleId").asText().equals("component/vulnerable-dependency")) cves.add(f.path("properties").path("aliases").asText());
        }
        assertTrue(cves.contains("CVE-2021-44228"), cves.toString());
        // named as an app with --app-packages, it is analysed as one and not reported as a component
        ScanResult asApp = scan(jar, List.of("org.apache.logging.log4j.core"));
        assertTrue(asApp.stats().appClasses() > 0);
        assertEquals("", asApp.appCode().note());
    }

    @Test
    void fiveFirstPartyJarsAmongAHundredLibraries() throws Exception {
        Map<String, byte[]> war = new LinkedHashMap<>();
        war.put("META-INF/maven/com.acme.clinic/clinic-war/pom.properties", pom("com.acme.clinic", "clinic-war", "3.1"));
        war.put("WEB-INF/classes/com/acme/clinic/web/Start.class", weakCipherClass("com/acme/clinic/web/Start", "AES/GCM/NoPadding"));
        Set<String> mine = new TreeSet<>();
        for (String m : List.of("api", "service", "persistence")) {
            String name = "clinic-" + m + "-3.1.jar";
            mine.add(name);
            war.put("WEB-INF/lib/" + name, jar(Map.of(
                    "META-INF/maven/com.acme.clinic/clinic-" + m + "/pom.properties", pom("com.acme.clinic", "clinic-" + m, "3.1"),
                    "com/acme/clinic/" + m + "/Impl.class", weakCipherClass("com/acme/clinic/" + m + "/Impl", "DES"))));
        }
        for (String m : List.of("reports", "hl7")) {
            String name = "clinic-" + m + ".jar";
            mine.add(name);
            war.put("WEB-INF/lib/" + name, jar(Map.of("com/acme/clinic/" + m + "/Impl.class", weakCipherClass("com/acme/clinic/" + m + "/Impl", "DES"))));
        }
        int libs = 0;
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(LEGACY_WAR))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                if (e.getName().startsWith("WEB-INF/lib/") && e.getName().endsWith(".jar")) {
                    war.put(e.getName(), z.readAllBytes());
                    libs++;
                }
            }
        }
        assertEquals(100, libs);
        ScanResult r = scan(write("clinic.war", war), List.of());
        Set<String> app = new TreeSet<>();
        roles(r).forEach((k, v) -> {
            if (v) app.add(k);
        });
        assertEquals(mine, app, "the five first-party jars and none of the hundred libraries");
        assertEquals(105, r.appCode().jars().size());
        assertEquals(5, findingClasses(r, "java/weak-cipher").size());
        assertFalse(r.components().components().isEmpty());
    }

    // ------------------------------------------------------------------ helpers

    static byte[] pom(String g, String a, String v) {
        return ("groupId=" + g + "\nartifactId=" + a + "\nversion=" + v + "\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    static Path write(String name, Map<String, byte[]> entries) throws Exception {
        Path p = tmp.resolve(name);
        Files.write(p, jar(entries));
        return p;
    }

    static byte[] jar(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bos)) {
            for (Map.Entry<String, byte[]> x : new TreeMap<>(entries).entrySet()) {
                ZipEntry ze = new ZipEntry(x.getKey());
                ze.setTime(1_700_000_000_000L);
                z.putNextEntry(ze);
                z.write(x.getValue());
                z.closeEntry();
            }
        }
        return bos.toByteArray();
    }

    /** {@code public class C { public Object make() throws Exception { return Cipher.getInstance("<transformation>"); } }} */
    static byte[] weakCipherClass(String internalName, String transformation) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V11, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, internalName, null, "java/lang/Object", null);
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor m = cw.visitMethod(Opcodes.ACC_PUBLIC, "make", "()Ljava/lang/Object;", null, new String[]{"java/lang/Exception"});
        m.visitCode();
        m.visitLdcInsn(transformation);
        m.visitMethodInsn(Opcodes.INVOKESTATIC, "javax/crypto/Cipher", "getInstance", "(Ljava/lang/String;)Ljavax/crypto/Cipher;", false);
        m.visitInsn(Opcodes.ARETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
