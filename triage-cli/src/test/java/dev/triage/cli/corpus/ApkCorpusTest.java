package dev.triage.cli.corpus;

import dev.triage.cli.ScanPipeline;
import dev.triage.cli.ScanRequest;
import dev.triage.findings.Finding;
import dev.triage.findings.Rule;
import dev.triage.findings.RuleCatalogue;
import dev.triage.findings.ScanResult;
import dev.triage.testkit.AndroidTestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Android corpus as real apps: every folder case that holds an {@code AndroidManifest.xml} is built with
 * {@link AndroidTestApp} (javac → D8 → DEX, smali, manifest and res XML → binary XML, res/values → resources.arsc,
 * assets verbatim, apksig) into an APK (or the AAB or AAR its {@code apk.properties} asks for) and scanned as that
 * app, so the whole Android path — DEX conversion, binary XML decoding with the original line numbers, resource
 * resolution, signing — is what the markers check.
 *
 * <p>Where markers expect findings:
 * <ul>
 *   <li>{@code apk.properties}: {@code # BUG: rule} on the app file itself (line 0: signing, trackers);
 *       {@code # BUG at path:line: rule} at a line of a file that holds no comments (a JSON asset);</li>
 *   <li>{@code res/values*}{@code /*.xml}: the values are compiled into the resource table, which intake decodes to
 *       {@code android-resources.xml}; those findings are matched by rule and count (a table has no source lines);</li>
 *   <li>everything else (Java, manifest, other res/ XML, assets) at its own file and line.</li>
 * </ul>
 * After all cases a per-rule table (TP, FP, FN, precision, recall) is printed, as for the JVM corpus.
 */
class ApkCorpusTest {
    @TempDir
    static Path tmp;

    private static final Map<String, int[]> TALLY = new TreeMap<>();
    private static final List<String> CASES = new ArrayList<>();
    private static final List<String> BROKEN = new ArrayList<>();
    static final String TABLE = "android-resources.xml";

    @TestFactory
    Stream<DynamicTest> apks() {
        return CorpusCase.discover().stream().filter(CorpusCase::isAndroid)
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
            if (m.sourcePath().equals(Markers.APK_PROPERTIES)) expected.add(new Marker(appName, 0, m.ruleId()));
            else if (m.sourcePath().startsWith("res/values")) tableMarkers.add(m);
            else expected.add(m);
        }
        ScanResult result;
        synchronized (TALLY) {
            CASES.add(c.id());
        }
        try {
            result = ScanPipeline.run(ScanRequest.of(List.of(app)).withSourceKinds(c.sourceKinds()));
        } catch (RuntimeException | Error e) {
            synchronized (TALLY) {
                BROKEN.add(c.id() + ": " + e);
                c.markers().forEach(m -> tally(m.ruleId())[2]++);
            }
            throw new AssertionError("scan of " + c.id() + " failed", e);
        }
        CorpusHarnessTest.assertProvenance(c.id(), result.findings());
        List<Finding> findings = new ArrayList<>();
        List<Finding> tableFindings = new ArrayList<>();
        for (Finding f : result.findings()) {
            if (f.location().sourcePath().equals(TABLE)) tableFindings.add(f);
            else findings.add(f);
        }
        CorpusHarnessTest.Comparison cmp = CorpusHarnessTest.compare(expected, findings);
        // resource-table findings: one per marker, by rule
        Map<String, Integer> want = new TreeMap<>();
        tableMarkers.forEach(m -> want.merge(m.ruleId(), 1, Integer::sum));
        Map<String, Integer> got = new TreeMap<>();
        tableFindings.forEach(f -> got.merge(f.rule().id(), 1, Integer::sum));
        List<String> tableMissing = new ArrayList<>();
        List<String> tableExtra = new ArrayList<>();
        for (String rule : want.keySet()) {
            int missing = want.get(rule) - got.getOrDefault(rule, 0);
            if (missing > 0) tableMissing.add(rule + " x" + missing);
        }
        for (String rule : got.keySet()) {
            int extra = got.get(rule) - want.getOrDefault(rule, 0);
            if (extra > 0) tableExtra.add(rule + " x" + extra);
        }
        synchronized (TALLY) {
            cmp.tp().forEach(m -> tally(m.ruleId())[0]++);
            cmp.fp().keySet().forEach(m -> tally(m.ruleId())[1]++);
            cmp.fn().forEach(m -> tally(m.ruleId())[2]++);
            for (String rule : want.keySet()) {
                tally(rule)[0] += Math.min(want.get(rule), got.getOrDefault(rule, 0));
                tally(rule)[2] += Math.max(0, want.get(rule) - got.getOrDefault(rule, 0));
            }
            for (String rule : got.keySet()) tally(rule)[1] += Math.max(0, got.get(rule) - want.getOrDefault(rule, 0));
        }
        if (!cmp.fp().isEmpty() || !cmp.fn().isEmpty() || !tableMissing.isEmpty() || !tableExtra.isEmpty()) {
            StringBuilder sb = new StringBuilder("apk case " + c.id() + ": " + cmp.fp().size() + " false positive(s), "
                    + cmp.fn().size() + " false negative(s)\n");
            cmp.fp().forEach((m, f) -> sb.append("  FP ").append(m).append(" — ").append(f.message())
                    .append(" [").append(f.location().qualifiedMethod()).append("]\n"));
            cmp.fn().forEach(m -> sb.append("  FN ").append(m).append('\n'));
            tableMissing.forEach(s -> sb.append("  FN ").append(TABLE).append(' ').append(s).append('\n'));
            tableExtra.forEach(s -> sb.append("  FP ").append(TABLE).append(' ').append(s).append('\n'));
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
        Map<String, int[]> rows = new TreeMap<>();
        for (Rule r : RuleCatalogue.builtIn().all()) if (r.id().startsWith("android/")) rows.put(r.id(), new int[3]);
        synchronized (TALLY) {
            TALLY.forEach((id, n) -> rows.put(id, n.clone()));
        }
        System.out.println(CorpusHarnessTest.table("Triage Android corpus (built apps)", rows, CASES.size(), BROKEN));
    }
}
