package dev.triage.cli.corpus;

import dev.triage.cli.ScanPipeline;
import dev.triage.cli.ScanRequest;
import dev.triage.findings.Finding;
import dev.triage.findings.Rule;
import dev.triage.findings.RuleCatalogue;
import dev.triage.findings.ScanResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Scans every corpus case with {@link ScanPipeline} and compares findings with the {@code BUG:} markers.
 * A finding is identified by (source path, line, rule id); a finding on a line without a marker for its rule is a
 * false positive, a marker with no such finding a false negative. One dynamic test per case fails with its FPs and
 * FNs; after all cases a per-rule table {@code rule | TP | FP | FN | precision | recall} is printed to stdout, whether
 * or not cases failed. {@code -Dcorpus.case=crypto/,xml/XxeCases} runs a subset.
 */
class CorpusHarnessTest {
    @TempDir
    static Path tmp;

    /** rule id → counts over every case run so far. */
    private static final Map<String, int[]> TALLY = new TreeMap<>();
    private static final List<String> CASES_RUN = new ArrayList<>();
    private static final List<String> CASES_BROKEN = new ArrayList<>();

    @TestFactory
    Stream<DynamicTest> corpus() {
        // Android cases are built into apps and scanned as such by ApkCorpusTest.
        return CorpusCase.discover().stream().filter(c -> !c.isAndroid())
                .map(c -> DynamicTest.dynamicTest(c.id(), () -> run(c)));
    }

    private static void run(CorpusCase c) {
        List<Marker> markers = c.markers();
        Path classes = CaseCompiler.compile(c, tmp.resolve(c.family()).resolve(c.name()));
        ScanResult result;
        synchronized (TALLY) {
            CASES_RUN.add(c.id());
        }
        try {
            result = ScanPipeline.run(ScanRequest.of(List.of(classes)).withSourceKinds(c.sourceKinds()));
        } catch (RuntimeException | Error e) {
            // the engine could not scan the case: every marker of it is a miss
            synchronized (TALLY) {
                CASES_BROKEN.add(c.id() + ": " + e);
                for (Marker m : markers) tally(m.ruleId())[2]++;
            }
            throw new AssertionError("scan of " + c.id() + " failed; " + markers.size() + " markers missed", e);
        }
        assertProvenance(c.id(), result.findings());
        Comparison cmp = compare(markers, result.findings());
        synchronized (TALLY) {
            cmp.tp.forEach(m -> tally(m.ruleId())[0]++);
            cmp.fp.keySet().forEach(m -> tally(m.ruleId())[1]++);
            cmp.fn.forEach(m -> tally(m.ruleId())[2]++);
        }
        if (!cmp.fp.isEmpty() || !cmp.fn.isEmpty()) {
            StringBuilder sb = new StringBuilder("case " + c.id() + ": " + cmp.fp.size() + " false positive(s), "
                    + cmp.fn.size() + " false negative(s)\n");
            cmp.fp.forEach((m, f) -> sb.append("  FP ").append(m.sourcePath()).append(':').append(m.line())
                    .append(' ').append(m.ruleId()).append(" — ").append(f.message())
                    .append(" [").append(f.location().qualifiedMethod()).append("]\n"));
            cmp.fn.forEach(m -> sb.append("  FN ").append(m.sourcePath()).append(':').append(m.line())
                    .append(' ').append(m.ruleId()).append(" — no finding\n"));
            fail(sb.toString());
        }
    }

    /**
     * Every finding names what made it (the result property {@code triage/provenance}): model rows and tables as
     * {@code role: FILE (...)}, or the engine by name; never nothing.
     */
    static void assertProvenance(String caseId, List<Finding> findings) {
        for (Finding f : findings) {
            String p = f.properties().get(dev.triage.contract.Detection.PROVENANCE);
            if (p == null || !p.matches("(?:[a-z]+: [^;]+|engine \\([^;]+\\)(?:; table: [^;]+)?)(?:; (?:[a-z]+: [^;]+))*")) {
                fail("case " + caseId + ": " + f.rule().id() + " at line " + f.location().line() + " names no provenance: " + p);
            }
        }
    }

    /** The outcome of one case. FP keys are the finding's (file, line, rule); values the finding itself. */
    record Comparison(List<Marker> tp, Map<Marker, Finding> fp, List<Marker> fn) {
    }

    /**
     * Duplicate findings with the same (file, line, rule) count once: a marker is one expected finding and the
     * corpus cannot tell several flaws on one line apart.
     */
    static Comparison compare(List<Marker> markers, List<Finding> findings) {
        Map<Marker, Finding> found = new LinkedHashMap<>();
        for (Finding f : findings) {
            Marker key = new Marker(f.location().sourcePath(), f.location().line(), f.rule().id());
            found.putIfAbsent(key, f);
        }
        TreeSet<Marker> expected = new TreeSet<>(markers);
        List<Marker> tp = new ArrayList<>();
        Map<Marker, Finding> fp = new TreeMap<>();
        for (Map.Entry<Marker, Finding> e : found.entrySet()) {
            if (expected.contains(e.getKey())) tp.add(e.getKey());
            else fp.put(e.getKey(), e.getValue());
        }
        List<Marker> fn = expected.stream().filter(m -> !found.containsKey(m)).toList();
        return new Comparison(tp, fp, fn);
    }

    private static int[] tally(String rule) {
        return TALLY.computeIfAbsent(rule, k -> new int[3]);
    }

    @AfterAll
    static void printTable() {
        System.out.println(table());
    }

    static String table() {
        Map<String, int[]> rows = new TreeMap<>();
        for (Rule r : RuleCatalogue.builtIn().all()) {
            if (!r.id().startsWith("android/")) rows.put(r.id(), new int[3]);
        }
        synchronized (TALLY) {
            TALLY.forEach((id, n) -> rows.put(id, n.clone()));
        }
        return table("Triage corpus", rows, CASES_RUN.size(), CASES_BROKEN);
    }

    /** The per-rule table {@code rule | TP | FP | FN | precision | recall} with a total row. */
    static String table(String title, Map<String, int[]> rows, int casesRun, List<String> broken) {
        int w = Math.max(4, rows.keySet().stream().mapToInt(String::length).max().orElse(4));
        StringBuilder sb = new StringBuilder();
        sb.append("\n").append(title).append(": ").append(casesRun).append(" case(s) run");
        if (!broken.isEmpty()) sb.append(", ").append(broken.size()).append(" could not be scanned");
        sb.append('\n');
        String fmt = "%-" + w + "s | %4s | %4s | %4s | %9s | %6s%n";
        sb.append(String.format(Locale.ROOT, fmt, "rule", "TP", "FP", "FN", "precision", "recall"));
        sb.append("-".repeat(w)).append("-+------+------+------+-----------+-------\n");
        int[] total = new int[3];
        rows.forEach((id, n) -> {
            sb.append(row(fmt, id, n));
            for (int i = 0; i < 3; i++) total[i] += n[i];
        });
        sb.append("-".repeat(w)).append("-+------+------+------+-----------+-------\n");
        sb.append(row(fmt, "all", total));
        for (String b : broken) sb.append("  not scanned: ").append(b).append('\n');
        return sb.toString();
    }

    private static String row(String fmt, String id, int[] n) {
        return String.format(Locale.ROOT, fmt, id, n[0], n[1], n[2], ratio(n[0], n[0] + n[1]), ratio(n[0], n[0] + n[2]));
    }

    private static String ratio(int num, int den) {
        return den == 0 ? "-" : String.format(Locale.ROOT, "%.2f", (double) num / den);
    }
}
