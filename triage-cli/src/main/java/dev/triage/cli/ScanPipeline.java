package dev.triage.cli;

import dev.triage.contract.TriageVersion;
import dev.triage.analysis.Analyses;
import dev.triage.analysis.Deadline;
import dev.triage.contract.Detection;
import dev.triage.analysis.Detector;
import dev.triage.analysis.model.Models;
import dev.triage.components.AdvisoryDb;
import dev.triage.components.ComponentAnalysis;
import dev.triage.components.DbException;
import dev.triage.components.HashIndex;
import dev.triage.components.KnownArtifacts;
import dev.triage.components.PublishedLibrary;
import dev.triage.components.ComponentReport;
import dev.triage.components.LibraryClassIndex;
import dev.triage.findings.AppCode;
import dev.triage.findings.Finding;
import dev.triage.findings.FindingAssembler;
import dev.triage.findings.Rule;
import dev.triage.findings.RuleCatalogue;
import dev.triage.findings.ScanProblem;
import dev.triage.findings.ScanResult;
import dev.triage.findings.ScanStats;
import dev.triage.intake.ArtifactReader;
import dev.triage.intake.ClassEntry;
import dev.triage.intake.IntakeListener;
import dev.triage.intake.IntakeOptions;
import dev.triage.intake.JarRole;
import dev.triage.intake.LibraryArchive;
import dev.triage.intake.ResourceEntry;
import dev.triage.intake.SkippedInput;
import dev.triage.program.Program;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/** Runs one scan through the pipeline: intake → program model → analyses and components → findings. */
public final class ScanPipeline {
    private ScanPipeline() {
    }

    /** Progress of a long scan, for a display. */
    public interface Progress {
        void phase(String name);

        void classes(int done, int total);

        Progress NONE = new Progress() {
            @Override
            public void phase(String name) {
            }

            @Override
            public void classes(int done, int total) {
            }
        };
    }

    public static ScanResult run(ScanRequest request) {
        return run(request, Progress.NONE);
    }

    public static ScanResult run(ScanRequest request, Progress progress) {
        long started = System.currentTimeMillis();
        long t0 = System.nanoTime();
        progress.phase("reading inputs");
        Intake intake = intake(request.inputs(), request.intake());
        String note = "";
        if (request.intake().appPackages().isEmpty() && intake.program().appClassCount() > 0) {
            // A library jar scanned on its own is reported as a library (its advisories, its SBOM), not analysed as an app.
            Map<Path, String> libraries = publishedLibraries(request, intake.program());
            if (!libraries.isEmpty()) {
                List<Path> rest = new ArrayList<>(request.inputs());
                rest.removeAll(libraries.keySet());
                List<Path> classpath = new ArrayList<>(request.intake().classpath());
                classpath.addAll(libraries.keySet());
                intake = intake(rest, new IntakeOptions(request.intake().limits(), request.intake().appPackages(), classpath));
                note = "no app code was found: " + String.join("; ", libraries.values())
                        + "; it is reported as a library (components, advisories, SBOM); pass --app-packages to analyse its code as an app";
            }
        }
        Program program = intake.program();
        LibraryClassIndex libraryIndex = intake.index();
        if (program.appClassCount() == 0 && note.isEmpty() && !program.libraries().isEmpty()) {
            note = noAppCodeNote(request, intake.jarRoles(), program);
        }

        RuleCatalogue catalogue = RuleCatalogue.builtIn();
        List<Rule> rules = new ArrayList<>();
        for (Rule r : catalogue.all()) {
            if (selected(r.id(), request.enabledRules(), request.disabledRules())) rules.add(r);
        }
        Set<String> ruleIds = new java.util.HashSet<>();
        rules.forEach(r -> ruleIds.add(r.id()));

        Models models = Models.builtIn();
        List<Detector> detectors = new ArrayList<>();
        for (Detector d : Analyses.builtInDetectors(models)) {
            if (d.rules().stream().anyMatch(ruleIds::contains)) detectors.add(d);
        }
        progress.phase("analysing " + program.appClassCount() + " app classes");
        int total = program.appClassCount();
        IntConsumer onClass = done -> progress.classes(done, total);
        // one clock reading for the whole scan: certificate validity and the components' ages are judged against it
        java.time.Instant now = request.components().clock();
        List<ScanProblem> problems = new ArrayList<>();
        Analyses.Result analysis;
        try {
            analysis = Analyses.run(program, models, detectors, request.threads(),
                    new Deadline(request.budget()), request.sourceKinds(), now, onClass);
        } catch (RuntimeException | Error e) {
            // a failure no per-class guard caught: the report says the analyses did not finish, and the exit code too
            problems.add(stageFailed("analysis", "the code analyses did not finish; their findings are missing", e));
            analysis = new Analyses.Result(List.of(), List.of(), 0, false);
        }

        List<Detection> detected = new ArrayList<>(analysis.detections());
        ComponentReport components = ComponentReport.empty();
        if (ComponentAnalysis.RULES.stream().anyMatch(ruleIds::contains)) {
            progress.phase("matching " + program.libraries().size() + " bundled libraries");
            java.util.Set<String> appJars = new java.util.HashSet<>();
            for (JarRole r : intake.jarRoles()) if (r.app()) appJars.add(r.origin());
            try {
                ComponentAnalysis.Result c = ComponentAnalysis.run(program, libraryIndex, inputs(request),
                        request.components().withNow(now), appJars);
                detected.addAll(c.detections());
                components = c.report();
            } catch (RuntimeException | Error e) {
                problems.add(stageFailed("components", "the bundled libraries were not matched against advisories", e));
            }
        }
        List<Detection> kept = new ArrayList<>();
        Set<String> unknownRules = new java.util.TreeSet<>();
        for (Detection d : detected) {
            if (ruleIds.contains(d.ruleId())) kept.add(d);
            else if (catalogue.find(d.ruleId()).isEmpty()) unknownRules.add(d.ruleId());
        }
        List<Finding> findings = new FindingAssembler(catalogue).assemble(kept, unknownRules::add);

        // A detector and the catalogue out of step: say so rather than lose its findings silently or fail the scan.
        for (String id : unknownRules) {
            problems.add(new ScanProblem("analysis", "", "rule " + id + " is not in the rule catalogue; its findings are left out"));
        }
        for (SkippedInput s : program.skipped()) {
            problems.add(new ScanProblem(s.input(), s.entry(), s.reason(),
                    s.isOutOfMemory() ? ScanProblem.Kind.OUT_OF_MEMORY : ScanProblem.Kind.INPUT));
        }
        for (String p : analysis.problems()) {
            problems.add(new ScanProblem("analysis", "", p,
                    analysis.outOfMemory().contains(p) ? ScanProblem.Kind.OUT_OF_MEMORY : ScanProblem.Kind.INPUT));
        }
        for (String p : components.problems()) problems.add(new ScanProblem("components", "", p));
        if (program.appClassCount() == 0 && program.libraries().isEmpty()) {
            problems.add(new ScanProblem(String.join(", ", inputs(request)), "", "no app classes found in the inputs"));
        }
        long duration = (System.nanoTime() - t0) / 1_000_000;
        dev.triage.analysis.ModelCoverage cov = analysis.coverage();
        Map<String, Integer> coverage = new java.util.LinkedHashMap<>();
        coverage.put("sites-model", cov.sitesByModel());
        coverage.put("sites-computed", cov.sitesByComputed());
        coverage.put("sites-none", cov.sitesByNothing());
        coverage.put("methods-model", cov.methodsByModel());
        coverage.put("methods-computed", cov.methodsByComputed());
        coverage.put("methods-none", cov.methodsByNothing());
        ScanStats stats = new ScanStats(started, duration, program.appClassCount(), program.libraryClassCount(),
                analysis.methodsAnalysed(), program.libraries().size(), intake.appCodeBytes(), coverage);
        return new ScanResult(TriageVersion.get(), inputs(request), findings, problems, rules, stats, components,
                new AppCode(intake.jarRoles(), note));
    }

    /**
     * A stage that failed as a whole: out of memory, or an internal error (a bug; the stack trace goes to stderr so it
     * can be reported). The scan goes on with what the other stages give, and the exit code says it is partial.
     */
    private static ScanProblem stageFailed(String stage, String consequence, Throwable e) {
        boolean oom = causedByOutOfMemory(e);
        if (!oom) {
            System.err.println("triage: internal error in the " + stage + " stage:");
            e.printStackTrace(System.err);
        }
        String what = oom ? "out of memory" : "internal error (" + oneLine(e) + ")";
        return new ScanProblem(stage, "", what + ": " + consequence,
                oom ? ScanProblem.Kind.OUT_OF_MEMORY : ScanProblem.Kind.INTERNAL_ERROR);
    }

    /**
     * True when the heap running out is what failed: an OutOfMemoryError anywhere in the cause chain (a worker's is
     * wrapped in an ExecutionException), or a class whose static initialiser ran out of memory — the JVM then reports
     * ExceptionInInitializerError once and NoClassDefFoundError ("Could not initialize class") on every later use,
     * with the original error only named in a message. Either way the fix is a larger heap, not a bug report.
     */
    static boolean causedByOutOfMemory(Throwable e) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
            if ((t instanceof ExceptionInInitializerError || t instanceof NoClassDefFoundError)
                    && t.getMessage() != null && t.getMessage().contains("java.lang.OutOfMemoryError")) {
                return true;
            }
        }
        return false;
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage();
        String s = (e.getClass().getName() + (m == null ? "" : ": " + m)).replaceAll("[\\r\\n\\t]+", " ");
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    /** What intake gave: the program model, the library class index, the verdicts on nested jars, and the bytes of app code. */
    private record Intake(Program program, LibraryClassIndex index, List<JarRole> jarRoles, long appCodeBytes) {
    }

    private static Intake intake(List<Path> inputs, IntakeOptions options) {
        Program.Builder builder = Program.builder();
        LibraryClassIndex libraryIndex = new LibraryClassIndex();
        List<JarRole> roles = new ArrayList<>();
        AppCodeSize codeSize = new AppCodeSize();
        IntakeListener both = both(builder, both(libraryIndex, codeSize));
        new ArtifactReader(options).read(new ArrayList<>(inputs), new IntakeListener() {
            @Override public void onClass(ClassEntry e) { both.onClass(e); }
            @Override public void onResource(ResourceEntry e) { both.onResource(e); }
            @Override public void onLibrary(LibraryArchive l) { both.onLibrary(l); }
            @Override public void onSkipped(SkippedInput s) { both.onSkipped(s); }
            @Override public void onNewestEntryTime(long t) { both.onNewestEntryTime(t); }
            @Override public void onAndroidSigning(dev.triage.intake.AndroidSigning s) { both.onAndroidSigning(s); }
            @Override public void onJarRole(JarRole r) { roles.add(r); }
        });
        return new Intake(builder.build(), libraryIndex, roles, codeSize.bytes());
    }

    /** Plain jar inputs that are published libraries (by SHA-1 or Maven metadata Triage knows), with why. */
    private static Map<Path, String> publishedLibraries(ScanRequest request, Program program) {
        Map<Path, String> out = new LinkedHashMap<>();
        java.util.Set<String> advisoryKeys = java.util.Set.of();
        HashIndex hashes = HashIndex.empty();
        Path db = request.components().database();
        if (db != null) {
            try {
                advisoryKeys = AdvisoryDb.open(db).map(AdvisoryDb::keys).orElse(java.util.Set.of());
                hashes = HashIndex.open(db);
            } catch (DbException e) {
                // the components stage reports an unreadable database
            }
        }
        KnownArtifacts known = KnownArtifacts.of(advisoryKeys, hashes);
        for (Path input : request.inputs()) {
            String name = input.getFileName() == null ? "" : input.getFileName().toString();
            if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".jar") || !java.nio.file.Files.isRegularFile(input)) continue;
            String prefix = input.toString() + "!/";
            if (program.resources().stream().anyMatch(r -> r.origin().startsWith(prefix + "BOOT-INF/"))) continue;
            List<ResourceEntry> own = new ArrayList<>();
            for (ResourceEntry r : program.resources()) {
                if (r.origin().startsWith(prefix + "META-INF/maven/")) own.add(r);
            }
            String sha1 = sha1(input);
            PublishedLibrary.why(name, sha1, own, known, advisoryKeys).ifPresent(why -> out.put(input, why));
        }
        return out;
    }

    private static String sha1(Path file) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-1");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) != -1; ) md.update(buf, 0, n);
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
            return "";
        }
    }

    /** Why a scan with libraries found no app code: what the nested jars were judged to be. */
    private static String noAppCodeNote(ScanRequest request, List<JarRole> roles, Program program) {
        StringBuilder sb = new StringBuilder("no app code was found in ").append(String.join(", ", inputs(request))).append(": ");
        if (roles.isEmpty()) {
            sb.append("it holds no classes of its own");
        } else {
            sb.append("it holds no classes of its own, and none of its ").append(roles.size()).append(" nested jars is the app's (e.g. ")
                    .append(roles.get(0).path()).append(": ").append(roles.get(0).reason()).append(")");
        }
        sb.append("; its ").append(program.libraries().size())
                .append(" libraries are reported as components (advisories, SBOM); pass --app-packages to name the app's packages");
        return sb.toString();
    }

    /** Feeds intake to the program builder and the library class index. */
    private static IntakeListener both(IntakeListener a, IntakeListener b) {
        return new IntakeListener() {
            @Override public void onClass(ClassEntry e) { a.onClass(e); b.onClass(e); }
            @Override public void onResource(ResourceEntry e) { a.onResource(e); b.onResource(e); }
            @Override public void onLibrary(LibraryArchive l) { a.onLibrary(l); b.onLibrary(l); }
            @Override public void onSkipped(SkippedInput s) { a.onSkipped(s); b.onSkipped(s); }
            @Override public void onNewestEntryTime(long t) { a.onNewestEntryTime(t); b.onNewestEntryTime(t); }
            @Override public void onAndroidSigning(dev.triage.intake.AndroidSigning s) {
                a.onAndroidSigning(s);
                b.onAndroidSigning(s);
            }
        };
    }

    /** Counts the bytes of the app's own class files: the portfolio report's flaw density is per MB of app code. */
    private static final class AppCodeSize implements IntakeListener {
        private final java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();

        @Override
        public void onClass(ClassEntry e) {
            if (e.role() == dev.triage.intake.CodeRole.APP) bytes.addAndGet(e.bytes().length);
        }

        @Override public void onResource(ResourceEntry e) { }
        @Override public void onLibrary(LibraryArchive l) { }
        @Override public void onSkipped(SkippedInput s) { }

        long bytes() {
            return bytes.get();
        }
    }

    private static List<String> inputs(ScanRequest request) {
        List<String> out = new ArrayList<>();
        for (Path p : request.inputs()) out.add(p.toString());
        return out;
    }

    /** A rule runs when it matches an enabled id or prefix (or none is given) and no disabled one. */
    static boolean selected(String id, Set<String> enabled, Set<String> disabled) {
        boolean on = enabled.isEmpty() || enabled.stream().anyMatch(e -> matches(id, e));
        return on && disabled.stream().noneMatch(e -> matches(id, e));
    }

    private static boolean matches(String id, String pattern) {
        String p = pattern.trim();
        if (p.endsWith("*")) p = p.substring(0, p.length() - 1);
        return id.equals(p) || (p.endsWith("/") && id.startsWith(p)) || (pattern.trim().endsWith("*") && id.startsWith(p));
    }
}
