package dev.triage.cli;

import dev.triage.components.AdvisoryDb;
import dev.triage.components.ComponentOptions;
import dev.triage.findings.Baseline;
import dev.triage.findings.Finding;
import dev.triage.findings.Policy;
import dev.triage.findings.ScanProblem;
import dev.triage.findings.Suppressions;
import dev.triage.findings.ScanResult;
import dev.triage.contract.Severity;
import dev.triage.intake.IntakeLimits;
import dev.triage.intake.IntakeOptions;
import dev.triage.report.CycloneDxSbom;
import dev.triage.report.ReportFormat;
import dev.triage.report.ReportOptions;
import dev.triage.report.Reports;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code triage scan}: scans artifacts and writes reports. */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false, defaultValueProvider = ScanCommand.Defaults.class,
        description = "Scan compiled Java code: classes directories, .class, .jar, .war, .ear, Spring Boot jars.",
        footer = {"", "Exit codes: 0 ok; 1 a finding at or above --fail-on; 2 usage error or no readable input; 4 internal error "
                + "and 5 out of memory (the report, if written, is partial: its problems say what was not scanned)."})
final class ScanCommand implements Callable<Integer> {
    /** Problem lines printed on stderr without --verbose (the reports list them all). */
    static final int MAX_PROBLEM_LINES = 100;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Artifacts to scan.")
    List<Path> inputs;

    @Option(names = {"-cp", "--classpath"}, paramLabel = "PATHS",
            description = "Extra library jars or directories (separated by the path separator, ':' on Linux; repeatable).")
    List<String> classpath = new ArrayList<>();

    @Option(names = "--source-root", paramLabel = "DIR", description = "Source tree, for relative file paths in SARIF and reports.")
    Path sourceRoot;

    @Option(names = {"-f", "--format"}, split = ",", paramLabel = "FORMAT",
            description = "console, sarif, json, html (comma separated; repeatable). Default: console.")
    List<String> formats = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "triage-out",
            description = "Directory for sarif/json/html files (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit 1 if any (new) finding is at or above this severity: 0-5 or informational, very-low, low, medium, high, very-high.")
    String failOn;

    @Option(names = "--rules", split = ",", paramLabel = "IDS", description = "Only these rule ids or prefixes (e.g. java/weak-cipher, java/).")
    List<String> rules = new ArrayList<>();

    @Option(names = "--exclude-rules", split = ",", paramLabel = "IDS", description = "Skip these rule ids or prefixes.")
    List<String> excludeRules = new ArrayList<>();

    @Option(names = "--sources", split = ",", paramLabel = "KINDS", completionCandidates = SourceKinds.class,
            description = "Where the taint rules start: any of ${COMPLETION-CANDIDATES}, or all (the audit profile: also the "
                    + "lower-confidence environment, system properties, command line, files, sockets, database rows and "
                    + "clipboard; 'audit' is the same). Naming kinds replaces the default: ${DEFAULT-VALUE}. The kinds, and "
                    + "which are on by default, are the models' (source-kinds in taint.yml).")
    List<String> sources = new ArrayList<>();

    /** Defaults that come from the models: the source kinds on by default. */
    static final class Defaults implements CommandLine.IDefaultValueProvider {
        @Override
        public String defaultValue(CommandLine.Model.ArgSpec argSpec) {
            if (argSpec instanceof CommandLine.Model.OptionSpec o && o.longestName().equals("--sources")) {
                return String.join(",", ScanRequest.DEFAULT_SOURCES);
            }
            return null;
        }
    }

    /** The source kinds a user may pick, as the models declare them (for the help text and completion). */
    static final class SourceKinds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ScanRequest.ALL_SOURCES.iterator();
        }
    }

    @Option(names = "--app-packages", split = ",", paramLabel = "PREFIXES",
            description = "Treat exactly the classes in these packages as app code (overrides the artifact's own split).")
    List<String> appPackages = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N", description = "Analysis threads (default: number of cores).")
    Integer threads;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30m",
            description = "Time budget for the analyses, e.g. 90s, 10m, 1h (default: ${DEFAULT-VALUE}). What is not finished is reported.")
    String timeout;

    @Option(names = "--baseline", paramLabel = "FILE", description = "A previous triage.json or triage.sarif: only findings not in it are reported and count for --fail-on.")
    Path baseline;

    @Option(names = "--suppressions", paramLabel = "FILE",
            description = "YAML list of triaged findings to leave out, each with a rule/class/fingerprint and a reason.")
    Path suppressionsFile;

    @Option(names = "--max-entry-size", paramLabel = "MB", description = "Largest archive entry read, in MiB (default: 256).")
    Long maxEntryMb;

    @Option(names = "--store", arity = "0..1", fallbackValue = "", paramLabel = "URL|PATH",
            description = "Also record the scan in the store (without a value: the default store; see 'triage portfolio'): "
                    + "the app's flaws move along their lifecycle, and flaws with an approved mitigation there are left out "
                    + "of the reports and of --fail-on.")
    String store;

    @Option(names = "--app-id", paramLabel = "KEY",
            description = "The app this scan belongs to in the store (default: the first input's file name less extension and version).")
    String appId;

    @Option(names = "--db", paramLabel = "DIR",
            description = "Advisory database directory (default: $TRIAGE_DB, else ~/.triage/db). Scans only read it, never the network.")
    Path db;

    @Option(names = "--db-max-age", paramLabel = "DURATION", defaultValue = "7d",
            description = "Warn when the advisory database is older than this (default: ${DEFAULT-VALUE}).")
    String dbMaxAge;

    @Option(names = "--stale-years", paramLabel = "YEARS", defaultValue = "2",
            description = "app/stale-app: report an app last built more than this many years ago (default: ${DEFAULT-VALUE}).")
    double staleYears;

    @Option(names = "--outdated-years", paramLabel = "YEARS", defaultValue = "2",
            description = "component/outdated-dependency: report a library this many libyears behind its newest release (default: ${DEFAULT-VALUE}).")
    double outdatedYears;

    @Option(names = "--sbom", paramLabel = "FORMAT", description = "Also write an SBOM: cyclonedx (CycloneDX 1.6 JSON with a VEX vulnerabilities section).")
    String sbom;

    @Option(names = "--sbom-output", paramLabel = "FILE", description = "Where the SBOM goes (default: <output>/triage.cdx.json).")
    Path sbomOutput;

    @Option(names = {"-q", "--quiet"}, description = "Print only the summary line (and errors).")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Print paths, skipped entries and analysis problems in full.")
    boolean verbose;

    @Option(names = "--no-progress", description = "No progress display.")
    boolean noProgress;

    @Option(names = "--stats", description = "Print wall time, CPU time, peak heap and peak RSS at the end.")
    boolean stats;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        long wallStart = System.nanoTime();

        Set<ReportFormat> fmts = new LinkedHashSet<>();
        if (formats.isEmpty()) fmts.add(ReportFormat.CONSOLE);
        for (String f : formats) {
            try {
                fmts.add(ReportFormat.parse(f.trim()));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown format '" + f + "' (console, sarif, json, html)");
            }
        }
        Severity threshold = null;
        if (failOn != null) {
            try {
                threshold = Severity.parse(failOn);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown severity '" + failOn + "'");
            }
        }
        Duration budget = parseDuration(timeout);
        if (sbom != null && !sbom.equalsIgnoreCase("cyclonedx")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown SBOM format '" + sbom + "' (cyclonedx)");
        }
        if (staleYears <= 0 || outdatedYears <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--stale-years and --outdated-years must be positive");
        }
        Duration maxAge;
        try {
            maxAge = parseDuration(dbMaxAge);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        List<Path> cp = new ArrayList<>();
        for (String c : classpath) for (String part : c.split(File.pathSeparator)) if (!part.isBlank()) cp.add(Path.of(part));
        List<Path> missing = new ArrayList<>();
        for (Path p : inputs) if (!Files.exists(p)) missing.add(p);
        if (missing.size() == inputs.size()) {
            err.println("triage: no readable input: " + missing.stream().map(Path::toString).reduce((a, b) -> a + ", " + b).orElse(""));
            err.flush();
            return Main.USAGE;
        }
        Baseline base = Baseline.empty();
        if (baseline != null) {
            try {
                base = Baseline.read(baseline);
            } catch (IOException | RuntimeException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "cannot read baseline " + baseline + ": " + e.getMessage());
            }
        }
        Suppressions suppressions = Suppressions.none();
        if (suppressionsFile != null) {
            try {
                suppressions = Suppressions.read(suppressionsFile);
            } catch (IOException | RuntimeException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "cannot read suppressions: " + e.getMessage());
            }
        }
        IntakeLimits d = IntakeLimits.DEFAULTS;
        IntakeLimits limits = maxEntryMb == null ? d : new IntakeLimits(d.maxEntries(), d.maxTotalBytes(), maxEntryMb << 20,
                d.maxCompressionRatio(), d.ratioGraceBytes(), d.maxNestingDepth());
        Set<String> sourceKinds = sources.isEmpty() ? ScanRequest.DEFAULT_SOURCES : new java.util.TreeSet<>(sources);
        // the audit profile: every kind, the lower-confidence ones included
        if (sourceKinds.contains("all") || sourceKinds.contains("audit")) sourceKinds = ScanRequest.ALL_SOURCES;
        for (String k : sourceKinds) {
            if (!ScanRequest.ALL_SOURCES.contains(k)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown source kind '" + k + "' (" + ScanRequest.ALL_SOURCES + ")");
            }
        }
        ScanRequest request = new ScanRequest(inputs, new IntakeOptions(limits, appPackages, cp), Set.copyOf(rules),
                Set.copyOf(excludeRules), threads != null && threads > 0 ? threads : Runtime.getRuntime().availableProcessors(), budget,
                sourceKinds,
                new ComponentOptions(db != null ? db : AdvisoryDb.defaultLocation(), maxAge, staleYears, outdatedYears, null));

        boolean terminal = System.console() != null;
        ProgressDisplay progress = new ProgressDisplay(err, terminal && !quiet && !noProgress);
        ScanResult result = ScanPipeline.run(request, progress);
        progress.done();

        List<Finding> fromScan = result.findings();
        int mitigatedCount = 0;
        String storedSummary = null;
        if (store != null) {
            try {
                ScanStore.Outcome stored = ScanStore.record(store.isEmpty() ? null : store, appId, inputs, result,
                        System.getProperty("user.name", "triage"));
                storedSummary = stored.summary();
                List<Finding> open = new ArrayList<>();
                for (Finding f : fromScan) if (!stored.mitigated().containsKey(f.fingerprint())) open.add(f);
                mitigatedCount = fromScan.size() - open.size();
                fromScan = open;
            } catch (dev.triage.store.StoreException e) {
                err.println("triage: " + e.getMessage());
                err.flush();
                return PortfolioCommand.STORE_FAILED;
            }
        }
        List<Suppressions.Suppressed> suppressed = new ArrayList<>();
        List<Finding> kept = suppressions.apply(fromScan, suppressed);
        int baselined = 0;
        if (baseline != null) {
            List<Finding> fresh = base.newFindings(kept);
            baselined = kept.size() - fresh.size();
            kept = fresh;
        }
        result = result.withFindings(kept);

        ReportOptions ropts = new ReportOptions(sourceRoot, terminal && System.getenv("NO_COLOR") == null, verbose);
        for (ReportFormat f : fmts) {
            if (f == ReportFormat.CONSOLE) {
                String text = Reports.render(f, result, ropts);
                if (quiet) {
                    String[] lines = text.strip().split("\n");
                    out.println(lines[lines.length - 1]);
                } else {
                    out.print(text);
                }
            } else {
                Files.createDirectories(output);
                Path file = output.resolve(f.fileName());
                try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    Reports.writer(f).write(result, ropts, w);
                }
                if (!quiet) out.println("Wrote " + file);
            }
        }
        if (sbom != null) {
            Path file = sbomOutput != null ? sbomOutput : output.resolve("triage.cdx.json");
            if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                new CycloneDxSbom().write(result, ropts, w);
            }
            if (!quiet) out.println("Wrote " + file);
        }
        if (storedSummary != null && !quiet) out.println(storedSummary + ".");
        if (mitigatedCount > 0 && !quiet) {
            out.println(mitigatedCount + " finding(s) under an approved mitigation in the store are not reported.");
        }
        if (baselined > 0 && !quiet) out.println(baselined + " finding(s) matched the baseline and are not reported.");
        if (!suppressed.isEmpty() && !quiet) {
            out.println(suppressed.size() + " finding(s) suppressed.");
            if (verbose) {
                for (Suppressions.Suppressed x : suppressed) {
                    out.println("  suppressed " + x.finding().rule().id() + " " + x.finding().location().qualifiedMethod()
                            + ":" + x.finding().location().line() + " — " + x.reason());
                }
            }
        }
        if (verbose) {
            for (dev.triage.intake.JarRole r : result.appCode().jars()) {
                out.println("  " + (r.app() ? "app code: " : "library:  ") + safe(r.path()) + " — " + safe(r.reason()));
            }
        }
        if (stats) {
            out.println(Stats.describe(wallStart));
            out.println(Stats.coverage(result.stats()));
        }
        out.flush();

        // Problems reach stderr whatever the formats (a CI log shows them even when only SARIF or JSON is written): one
        // line each, and the summary line when the console report is not on stdout.
        int shown = 0;
        for (ScanProblem p : result.problems()) {
            if (!verbose && shown == MAX_PROBLEM_LINES) {
                err.println("triage: problem: ... and " + (result.problems().size() - shown)
                        + " more (all of them are in the reports; --verbose prints every one)");
                break;
            }
            err.println("triage: problem: " + safe(p.describe()));
            shown++;
        }
        if (!fmts.contains(ReportFormat.CONSOLE)) err.println(safe(dev.triage.report.ConsoleReport.summaryLine(result)));
        err.flush();
        long outOfMemory = result.problems().stream().filter(p -> p.kind() == ScanProblem.Kind.OUT_OF_MEMORY).count();
        long internal = result.problems().stream().filter(p -> p.kind() == ScanProblem.Kind.INTERNAL_ERROR).count();
        if (outOfMemory > 0) {
            err.println("triage: out of memory: the report is partial (" + outOfMemory + " problem(s) above say what was"
                    + " not scanned); raise the heap, e.g. TRIAGE_JAVA_OPTS=-Xmx4g");
            err.flush();
            return Main.OUT_OF_MEMORY;
        }
        if (internal > 0) {
            err.println("triage: internal error: the report is partial (" + internal + " problem(s) above say what was"
                    + " not finished)");
            err.flush();
            return Main.INTERNAL_ERROR;
        }

        if (!result.appCode().note().isEmpty()) {
            // libraries only (a lone library jar, a war of libraries): reported as such, not a usage error
            err.println("triage: " + result.appCode().note());
            err.flush();
        } else if (result.stats().appClasses() == 0) {
            err.println("triage: no readable input: no app classes were found");
            err.flush();
            return Main.USAGE;
        }
        List<Finding> violations = new Policy(threshold).violations(result.findings());
        if (!violations.isEmpty()) {
            err.println("triage: policy failed: " + violations.size() + " finding(s) at or above " + threshold.label());
            err.flush();
            return Main.POLICY_FAILED;
        }
        return Main.OK;
    }

    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) return Duration.parse(t.toUpperCase(Locale.ROOT));
            long n = Long.parseLong(t.replaceAll("[a-z]+$", ""));
            String unit = t.replaceAll("^[0-9]+", "");
            return switch (unit) {
                case "", "s" -> Duration.ofSeconds(n);
                case "ms" -> Duration.ofMillis(n);
                case "m", "min" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> throw new IllegalArgumentException(unit);
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("bad duration '" + text + "' (use e.g. 90s, 10m, 1h)");
        }
    }

    /** A name from the scanned artifact, made safe for a terminal: control characters (escape sequences) shown as '?'. */
    private static String safe(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(Character.isISOControl(c) ? '?' : c);
        }
        return sb.toString();
    }
}
