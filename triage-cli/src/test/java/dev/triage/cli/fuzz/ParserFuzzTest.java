package dev.triage.cli.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.triage.cli.ScanPipeline;
import dev.triage.cli.ScanRequest;
import dev.triage.components.DbException;
import dev.triage.components.DbImporter;
import dev.triage.findings.Baseline;
import dev.triage.findings.ScanProblem;
import dev.triage.findings.ScanResult;
import dev.triage.intake.AppBundle;
import dev.triage.intake.ArtifactReader;
import dev.triage.intake.IntakeOptions;
import dev.triage.intake.android.ApkSigningReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Jazzer fuzz targets (issue 21) for every parser that reads artifact bytes, each through the guarded path a scan
 * takes, asserting that path's contract: intake never throws (a bad input or entry is a problem line), a scan never
 * ends with an internal-error problem, the importers throw only the exceptions their callers turn into messages.
 *
 * <p>Without {@code JAZZER_FUZZ} these run as ordinary tests over the inputs in
 * {@code src/test/resources/dev/triage/cli/fuzz/ParserFuzzTestInputs/<method>/}: the seeds (taken from the corpus and
 * the sample app) and every crasher found so far, kept as a regression input. With {@code JAZZER_FUZZ=1} and one
 * method selected, Jazzer fuzzes it ({@code .ci/fuzz} does so for a few seconds each; see docs/fuzzing.md).
 */
class ParserFuzzTest {
    /**
     * One input may take this long. Jazzer turns {@code @Timeout} into libFuzzer's per-input timeout when fuzzing
     * (libFuzzer's own default is 20 minutes, which let one slow input eat a CI run); as a test it bounds each input.
     * A seed scans in well under a second; the margin is for a loaded two-core machine.
     */
    static final long PER_INPUT_SECONDS = 30;

    private static Path dir;

    @BeforeAll
    static void tempDir() throws IOException {
        dir = Files.createTempDirectory("triage-fuzz");
    }

    @AfterAll
    static void cleanUp() throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    // ------------------------------------------------------------------------------ code: class files, DEX

    /** A class file through every stage: intake's check, the program model's one parse, analyses, components, findings. */
    @FuzzTest(maxDuration = "10s")
    @Timeout(PER_INPUT_SECONDS)
    void classFileThroughEveryStage(byte[] data) throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.write(classes.resolve("Fuzzed.class"), data);
        scan(classes);
    }

    /** A DEX file: the layout pre-check, then dex2jar, then the program model (DEX conversion). */
    @FuzzTest(maxDuration = "10s")
    @Timeout(PER_INPUT_SECONDS)
    void dexFile(byte[] data) throws IOException {
        read(write("classes.dex", data));
    }

    // ------------------------------------------------------------------------------ Android resources

    /** Binary XML (AXML): the manifest of an APK. */
    @FuzzTest(maxDuration = "10s")
    @Timeout(PER_INPUT_SECONDS)
    void binaryXmlManifest(byte[] data) throws IOException {
        read(zip("app.apk", Map.of("AndroidManifest.xml", data)));
    }

    /** resources.arsc (and a binary res/ XML file decoded against it). */
    @FuzzTest(maxDuration = "10s")
    @Timeout(PER_INPUT_SECONDS)
    void resourceTable(byte[] data) throws IOException {
        read(zip("app.apk", Map.of("resources.arsc", data, "res/xml/network_security_config.xml", data)));
    }

    /** An AAB's protobuf XML manifest. */
    @FuzzTest(maxDuration = "10s")
    @Timeout(PER_INPUT_SECONDS)
    void bundleProtoXml(byte[] data) throws IOException {
        read(zip("app.aab", Map.of("base/manifest/AndroidManifest.xml", data)));
    }

    /** An AAB's protobuf resource table. */
    @FuzzTest(maxDuration = "10s")
    @Timeout(PER_INPUT_SECONDS)
    void bundleResourceTable(byte[] data) throws IOException {
        read(zip("app.aab", Map.of("base/resources.pb", data)));
    }

    /**
     * The APK signing block and the v1 signature files: a whole APK, as apksig reads it (its entries given directly,
     * within the cap), and as intake reads it (entries through intake's zip reader; the signature only when the
     * bytes start as a zip).
     */
    @FuzzTest(maxDuration = "10s")
    @Timeout(PER_INPUT_SECONDS)
    void apkSigning(byte[] data) throws IOException {
        Path apk = write("app.apk", data);
        ApkSigningReader.read(apk.toFile(), "app.apk", 0, (name, cap) -> {
            try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(apk.toFile())) {
                java.util.zip.ZipEntry e = z.getEntry(name);
                if (e == null) return null;
                byte[] b = z.getInputStream(e).readNBytes(cap + 1);
                return b.length > cap ? null : b;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        });
        read(apk);
    }

    // ------------------------------------------------------------------------------ archives and config

    /** ZIP intake with nesting: the bytes as a war (its jars inside jars are read the same way). */
    @FuzzTest(maxDuration = "10s")
    @Timeout(PER_INPUT_SECONDS)
    void zipWithNesting(byte[] data) throws IOException {
        read(write("app.war", data));
        read(zip("outer.war", Map.of("WEB-INF/lib/inner.jar", data)));
    }

    /** Manifests and Maven metadata of a bundled jar (component identification) and of the app. */
    @FuzzTest(maxDuration = "10s")
    @Timeout(PER_INPUT_SECONDS)
    void manifestsAndPoms(byte[] data) throws IOException {
        byte[] lib = zipBytes(Map.of("META-INF/MANIFEST.MF", data, "META-INF/maven/g/a/pom.properties", data,
                "META-INF/maven/g/a/pom.xml", data, "g/A.class", new byte[0]));
        scan(zip("app.war", Map.of("WEB-INF/lib/a.jar", lib, "META-INF/MANIFEST.MF", data,
                "WEB-INF/classes/App.class", SEED_CLASS)));
    }

    /** The app's configuration: properties, YAML, web.xml, Spring XML. */
    @FuzzTest(maxDuration = "10s")
    @Timeout(PER_INPUT_SECONDS)
    void configFiles(byte[] data) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("WEB-INF/classes/App.class", SEED_CLASS);
        entries.put("WEB-INF/classes/application.properties", data);
        entries.put("WEB-INF/classes/application.yml", data);
        entries.put("WEB-INF/web.xml", data);
        entries.put("WEB-INF/classes/applicationContext.xml", data);
        scan(zip("app.war", entries));
    }

    /**
     * A MyBatis mapper XML file: the parser alone (only {@code MapperException}, a problem line, may come out), then in a
     * war whose code calls the mapper interface it names (the scan returns, no stage fails).
     */
    @FuzzTest(maxDuration = "10s")
    @Timeout(PER_INPUT_SECONDS)
    void mybatisMapperXml(byte[] data) throws IOException {
        try {
            dev.triage.analysis.MyBatisMappers.parse(data);
        } catch (dev.triage.analysis.MyBatisMappers.MapperException e) {
            // a problem line: the contract
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("WEB-INF/classes/PatientMapper.class", MAPPER_INTERFACE);
        entries.put("WEB-INF/classes/MapperCaller.class", MAPPER_CALLER);
        entries.put("WEB-INF/classes/mapper/PatientMapper.xml", data);
        scan(zip("app.war", entries));
    }

    /** OSV JSON advisories imported into the database: only {@link DbException} (a message) may come out. */
    @FuzzTest(maxDuration = "10s")
    @Timeout(PER_INPUT_SECONDS)
    void osvJsonImport(byte[] data) throws IOException {
        Path src = Files.createDirectories(dir.resolve("osv"));
        Files.write(src.resolve("GHSA-fuzz.json"), data);
        try {
            new DbImporter().importFrom(src, dir.resolve("db"), "fuzz");
        } catch (DbException e) {
            // refused with a message: the contract
        }
    }

    /** A baseline (a previous triage.json or triage.sarif): the command line turns IOException and RuntimeException into a usage message. */
    @FuzzTest(maxDuration = "10s")
    @Timeout(PER_INPUT_SECONDS)
    void baselineJson(byte[] data) throws IOException {
        Path json = write("triage.json", data);
        try {
            Baseline.read(json);
        } catch (IOException | RuntimeException e) {
            // "cannot read baseline ...": exit 2
        }
        Path sarif = write("triage.sarif", data);
        try {
            Baseline.read(sarif);
        } catch (IOException | RuntimeException e) {
            // the same
        }
    }

    // ------------------------------------------------------------------------------ helpers

    /** A class file of the sample corpus, so that config targets have app code to scan. */
    private static final byte[] SEED_CLASS = seedClass();

    private static byte[] seedClass() {
        org.objectweb.asm.ClassWriter cw = new org.objectweb.asm.ClassWriter(0);
        cw.visit(org.objectweb.asm.Opcodes.V11, org.objectweb.asm.Opcodes.ACC_PUBLIC, "App", null, "java/lang/Object", null);
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** {@code interface PatientMapper { void find(String name); }} */
    private static final byte[] MAPPER_INTERFACE = mapperInterface();
    /** {@code class MapperCaller { void run(PatientMapper m, String s) { m.find(s); } }} */
    private static final byte[] MAPPER_CALLER = mapperCaller();

    private static byte[] mapperInterface() {
        org.objectweb.asm.ClassWriter cw = new org.objectweb.asm.ClassWriter(0);
        cw.visit(org.objectweb.asm.Opcodes.V11, org.objectweb.asm.Opcodes.ACC_PUBLIC | org.objectweb.asm.Opcodes.ACC_INTERFACE
                | org.objectweb.asm.Opcodes.ACC_ABSTRACT, "PatientMapper", null, "java/lang/Object", null);
        cw.visitMethod(org.objectweb.asm.Opcodes.ACC_PUBLIC | org.objectweb.asm.Opcodes.ACC_ABSTRACT, "find",
                "(Ljava/lang/String;)V", null, null).visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static byte[] mapperCaller() {
        org.objectweb.asm.ClassWriter cw = new org.objectweb.asm.ClassWriter(org.objectweb.asm.ClassWriter.COMPUTE_MAXS);
        cw.visit(org.objectweb.asm.Opcodes.V11, org.objectweb.asm.Opcodes.ACC_PUBLIC, "MapperCaller", null, "java/lang/Object", null);
        org.objectweb.asm.MethodVisitor mv = cw.visitMethod(org.objectweb.asm.Opcodes.ACC_PUBLIC, "run",
                "(LPatientMapper;Ljava/lang/String;)V", null, null);
        mv.visitCode();
        mv.visitVarInsn(org.objectweb.asm.Opcodes.ALOAD, 1);
        mv.visitVarInsn(org.objectweb.asm.Opcodes.ALOAD, 2);
        mv.visitMethodInsn(org.objectweb.asm.Opcodes.INVOKEINTERFACE, "PatientMapper", "find", "(Ljava/lang/String;)V", true);
        mv.visitInsn(org.objectweb.asm.Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** Intake must not throw, whatever the bytes. */
    private static AppBundle read(Path input) {
        return new ArtifactReader(IntakeOptions.defaults()).readAll(List.of(input));
    }

    /** A whole scan must not throw, and no stage may fail (an internal error is a bug, whatever the input). */
    private static void scan(Path input) {
        ScanRequest r = ScanRequest.of(List.of(input));
        ScanRequest one = new ScanRequest(r.inputs(), r.intake(), Set.of(), Set.of(), 1, Duration.ofSeconds(20),
                r.sourceKinds(), r.components());
        ScanResult result = ScanPipeline.run(one);
        for (ScanProblem p : result.problems()) {
            if (p.kind() == ScanProblem.Kind.INTERNAL_ERROR) throw new AssertionError("a stage failed: " + p.describe());
        }
    }

    private static Path write(String name, byte[] data) throws IOException {
        return Files.write(dir.resolve(name), data);
    }

    private static Path zip(String name, Map<String, byte[]> entries) throws IOException {
        return write(name, zipBytes(entries));
    }

    private static byte[] zipBytes(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : new java.util.TreeMap<>(entries).entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
