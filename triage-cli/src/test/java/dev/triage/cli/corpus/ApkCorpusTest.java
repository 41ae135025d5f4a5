package dev.triage.cli.corpus;

import dev.triage.cli.ScanPipeline;
import dev.triage.cli.ScanRequest;
import dev.triage.findings.Finding;
import dev.triage.findings.ScanResult;
import dev.triage.testkit.AndroidTestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Android corpus as real apps: every folder case that holds an {@code AndroidManifest.xml} is built into a signed
 * APK with {@link AndroidTestApp} (javac → D8 → DEX, manifest and res XML → binary XML, res/values → resources.arsc,
 * assets verbatim, apksig) and scanned as an APK, so the whole Android path — DEX conversion, binary XML decoding with
 * the original line numbers, resource resolution, signing — is what the markers check.
 *
 * <p>An optional {@code apk.properties} in the case folder says how to build it (see
 * {@link AndroidTestApp#fromDirectory}: signing, schemes, digest, expired, format, classesPerDex, minApi). Markers in it ({@code # BUG: android/debug-certificate}) expect a finding on the app file itself (line 0): that is
 * where signing findings stand. The case's own {@code android-resources.xml} (the decoded resource table that JVM
 * cases hand-write) is not packed: the APK gets the real table from res/values, so markers in it are checked by rule
 * and file only (a resource table has no source lines).
 */
class ApkCorpusTest {
    @TempDir
    static Path tmp;

    private static final Map<String, int[]> TALLY = new TreeMap<>();
    private static final List<String> CASES = new ArrayList<>();

    @TestFactory
    Stream<DynamicTest> apks() {
        return CorpusCase.discover().stream()
                .filter(c -> Files.isDirectory(c.root()) && Files.isRegularFile(c.root().resolve("AndroidManifest.xml")))
                .map(c -> DynamicTest.dynamicTest("apk:" + c.id(), () -> run(c)));
    }

    private static void run(CorpusCase c) throws IOException {
        AndroidTestApp builder = AndroidTestApp.fromDirectory(c.root()).classPath(testClassPathJars());
        String appName = c.name() + "." + builder.format();
        Path app = tmp.resolve(c.family()).resolve(appName);
        Files.createDirectories(app.getParent());
        builder.build(app);

        List<Marker> expected = new ArrayList<>();
        List<Marker> tableMarkers = new ArrayList<>();
        for (Marker m : c.markers()) {
            if (m.sourcePath().equals("apk.properties")) expected.add(new Marker(appName, 0, m.ruleId()));
            else if (m.sourcePath().equals("android-resources.xml")) tableMarkers.add(m);
            else expected.add(m);
        }
        ScanResult result = ScanPipeline.run(ScanRequest.of(List.of(app)));
        List<Finding> findings = new ArrayList<>();
        List<Finding> tableFindings = new ArrayList<>();
        for (Finding f : result.findings()) {
            if (f.location().sourcePath().equals("android-resources.xml")) tableFindings.add(f);
            else findings.add(f);
        }
        CorpusHarnessTest.Comparison cmp = CorpusHarnessTest.compare(expected, findings);
        // resource-table findings: one per marker, by rule (the decoded table's lines are not the source's)
        List<String> tableMissing = new ArrayList<>();
        List<String> tableExtra = new ArrayList<>();
        Map<String, Integer> want = new TreeMap<>();
        tableMarkers.forEach(m -> want.merge(m.ruleId(), 1, Integer::sum));
        Map<String, Integer> got = new TreeMap<>();
        tableFindings.forEach(f -> got.merge(f.rule().id(), 1, Integer::sum));
        for (String rule : want.keySet()) {
            if (got.getOrDefault(rule, 0) < want.get(rule)) tableMissing.add(rule + " x" + (want.get(rule) - got.getOrDefault(rule, 0)));
        }
        for (String rule : got.keySet()) {
            if (got.get(rule) > want.getOrDefault(rule, 0)) tableExtra.add(rule + " x" + (got.get(rule) - want.getOrDefault(rule, 0)));
        }
        synchronized (TALLY) {
            CASES.add(c.id());
            cmp.tp().forEach(m -> tally(m.ruleId())[0]++);
            cmp.fp().keySet().forEach(m -> tally(m.ruleId())[1]++);
            cmp.fn().forEach(m -> tally(m.ruleId())[2]++);
            for (String rule : want.keySet()) tally(rule)[0] += Math.min(want.get(rule), got.getOrDefault(rule, 0));
        }
        if (!cmp.fp().isEmpty() || !cmp.fn().isEmpty() || !tableMissing.isEmpty() || !tableExtra.isEmpty()) {
            StringBuilder sb = new StringBuilder("apk case " + c.id() + ": " + cmp.fp().size() + " false positive(s), "
                    + cmp.fn().size() + " false negative(s)\n");
            cmp.fp().forEach((m, f) -> sb.append("  FP ").append(m).append(" — ").append(f.message()).append('\n'));
            cmp.fn().forEach(m -> sb.append("  FN ").append(m).append('\n'));
            tableMissing.forEach(s -> sb.append("  FN android-resources.xml ").append(s).append('\n'));
            tableExtra.forEach(s -> sb.append("  FP android-resources.xml ").append(s).append('\n'));
            result.problems().forEach(p -> sb.append("  problem: ").append(p).append('\n'));
            fail(sb.toString());
        }
    }

    /** Jars of the test class path other than the Android framework (the builder adds that one itself). */
    static List<Path> testClassPathJars() {
        List<Path> out = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(e);
            String n = p.getFileName().toString();
            if (n.endsWith(".jar") && !n.startsWith("android-all-")) out.add(p);
        }
        return out;
    }

    private static int[] tally(String rule) {
        return TALLY.computeIfAbsent(rule, k -> new int[3]);
    }

    @AfterAll
    static void printTable() {
        StringBuilder sb = new StringBuilder("\nTriage Android corpus as APKs: " + CASES.size() + " case(s)\n");
        String fmt = "%-40s | %4s | %4s | %4s%n";
        sb.append(String.format(Locale.ROOT, fmt, "rule", "TP", "FP", "FN"));
        synchronized (TALLY) {
            TALLY.forEach((id, n) -> sb.append(String.format(Locale.ROOT, fmt, id, n[0], n[1], n[2])));
        }
        System.out.println(sb);
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
