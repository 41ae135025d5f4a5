package dev.triage.cli;

import dev.triage.contract.TriageVersion;
import dev.triage.components.AdvisoryDb;
import dev.triage.components.ComponentOptions;
import dev.triage.intake.IntakeOptions;
import dev.triage.portfolio.Figures;
import dev.triage.portfolio.PortfolioReport;
import dev.triage.portfolio.PortfolioRunner;
import dev.triage.portfolio.PortfolioSource;
import dev.triage.portfolio.ReportWriters;
import dev.triage.portfolio.WorkerProtocol;
import dev.triage.store.ScanRecords;
import dev.triage.store.Store;
import dev.triage.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code triage portfolio scan|report}: many apps into the store, and the study's report from it. */
@Command(name = "portfolio", mixinStandardHelpOptions = true,
        description = "Scan a portfolio of apps into the store, and report the study's figures.",
        subcommands = {PortfolioCommand.Scan.class, PortfolioCommand.Report.class, PortfolioCommand.Worker.class})
final class PortfolioCommand implements Runnable {
    /** The store could not be opened, or refused an operation. */
    static final int STORE_FAILED = 6;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: scan or report");
    }

    static final String STORE_HELP = "The store: a jdbc:postgresql://... URL (credentials as user=/password= parameters or "
            + "TRIAGE_STORE_USER/TRIAGE_STORE_PASSWORD), a jdbc:h2: URL or a path for an embedded H2 file. "
            + "Default: $TRIAGE_STORE, else ~/.local/share/triage/store/triage.";

    @Command(name = "scan", mixinStandardHelpOptions = true,
            description = "Scan every app of a directory or a manifest CSV (columns path, app_id, name, category, vendor, "
                    + "version, store_updated; all optional but path) into the store, each in a child JVM with a time and "
                    + "heap budget. Run it again after an interruption: stored app versions are skipped.")
    static final class Scan implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR|manifest.csv")
        Path source;

        @Option(names = "--store", paramLabel = "URL|PATH", description = STORE_HELP)
        String store;

        @Option(names = {"-j", "--workers"}, paramLabel = "N", description = "apps scanned at once, each in its own JVM (default: one per core)")
        Integer workers;

        @Option(names = "--app-timeout", paramLabel = "DURATION", defaultValue = "10m",
                description = "wall time one app may take; a late worker is killed and the app stored as failed (default 10m)")
        String appTimeout;

        @Option(names = "--worker-heap", paramLabel = "SIZE", defaultValue = "1g",
                description = "heap of each worker JVM (-Xmx); an app that exhausts it is stored as failed (default 1g)")
        String workerHeap;

        @Option(names = "--retry-failed", description = "scan again the app versions whose stored scan failed")
        boolean retryFailed;

        @Option(names = "--db", paramLabel = "DIR", description = "advisory database (default: $TRIAGE_DB, else ~/.triage/db)")
        Path db;

        @Option(names = "--rules", split = ",", paramLabel = "IDS", description = "run only these rule ids or prefixes")
        List<String> rules = new ArrayList<>();

        @Option(names = "--exclude-rules", split = ",", paramLabel = "IDS", description = "do not run these rule ids or prefixes")
        List<String> excludeRules = new ArrayList<>();

        @Option(names = "--by", paramLabel = "NAME", description = "who runs the scan, for the audit trail (default: $USER)")
        String by;

        @Option(names = "--no-progress", description = "no progress display")
        boolean noProgress;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            PrintWriter out = spec.commandLine().getOut();
            Duration timeout;
            try {
                timeout = ScanCommand.parseDuration(appTimeout);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            if (!workerHeap.matches("\\d+[kKmMgG]?")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "bad --worker-heap '" + workerHeap + "' (e.g. 512m, 1g)");
            }
            PortfolioSource.Listing listing;
            try {
                listing = PortfolioSource.read(source);
            } catch (IOException e) {
                err.println("triage: " + e.getMessage());
                err.flush();
                return Main.USAGE;
            }
            int n = workers != null && workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
            List<String> command = workerCommand(workerHeap, timeout, db, rules, excludeRules);
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("workers", n);
            settings.put("appTimeoutSeconds", timeout.toSeconds());
            settings.put("workerHeap", workerHeap);
            settings.put("rules", rules);
            settings.put("excludeRules", excludeRules);
            String actor = by != null ? by : System.getProperty("user.name", "triage");
            boolean terminal = System.console() != null;
            PortfolioProgress progress = new PortfolioProgress(err, terminal, !noProgress);
            try (Store s = Store.open(store)) {
                PortfolioRunner runner = new PortfolioRunner(s, new PortfolioRunner.Options(n, timeout, command, retryFailed,
                        500, TriageVersion.get(), new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(settings), actor),
                        progress);
                PortfolioRunner.Summary sum = runner.run(listing);
                progress.finish();
                out.printf(java.util.Locale.ROOT, "Portfolio run %d %s: %d listed, %d scanned, %d failed, %d already stored, "
                                + "%d problem(s), %.1f s; store: %s%n", sum.runId(), sum.resumed() ? "resumed and finished" : "finished",
                        sum.listed(), sum.scanned(), sum.failed(), sum.skipped(), sum.problems(), sum.wallMillis() / 1000.0,
                        s.description());
                out.flush();
                return Main.OK;
            } catch (StoreException e) {
                progress.finish();
                err.println("triage: " + e.getMessage());
                err.flush();
                return STORE_FAILED;
            }
        }
    }

    /** The command that starts one worker: this JVM's Java and class path, a heap limit, the worker subcommand. */
    static List<String> workerCommand(String heap, Duration timeout, Path db, List<String> rules, List<String> exclude) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        // one scan at a time per worker: the serial collector has the smallest footprint and no GC threads to share
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Xshare:auto");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.add("portfolio");
        cmd.add("worker");
        cmd.add("--timeout");
        cmd.add(timeout.toSeconds() + "s");
        if (db != null) {
            cmd.add("--db");
            cmd.add(db.toAbsolutePath().toString());
        }
        if (!rules.isEmpty()) {
            cmd.add("--rules");
            cmd.add(String.join(",", rules));
        }
        if (!exclude.isEmpty()) {
            cmd.add("--exclude-rules");
            cmd.add(String.join(",", exclude));
        }
        return cmd;
    }

    @Command(name = "worker", hidden = true, description = "Internal: the child JVM of a portfolio scan (requests on stdin).")
    static final class Worker implements Callable<Integer> {
        @Option(names = "--timeout", defaultValue = "10m")
        String timeout;

        @Option(names = "--db")
        Path db;

        @Option(names = "--rules", split = ",")
        List<String> rules = new ArrayList<>();

        @Option(names = "--exclude-rules", split = ",")
        List<String> excludeRules = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            // the protocol owns stdout; anything else printed goes to stderr
            PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
            System.setOut(System.err);
            Duration budget = ScanCommand.parseDuration(timeout);
            ComponentOptions components = new ComponentOptions(db != null ? db : AdvisoryDb.defaultLocation(),
                    Duration.ofDays(36500), 2, 2, null);
            // load the models and the rule catalogue before saying ready: start-up is not an app's time
            dev.triage.analysis.model.Models.builtIn();
            dev.triage.findings.RuleCatalogue.builtIn();
            WorkerProtocol.serve(System.in, protocol, TriageVersion.get(), (artifact, reportDir) -> {
                ScanRequest request = new ScanRequest(List.of(artifact), IntakeOptions.defaults(), Set.copyOf(rules),
                        Set.copyOf(excludeRules), 1, budget, ScanRequest.DEFAULT_SOURCES, components);
                dev.triage.findings.ScanResult result = ScanPipeline.run(request);
                if (reportDir != null) writeReports(result, reportDir);
                return ScanRecords.of(result, System.currentTimeMillis());
            });
            return Main.OK;
        }
    }

    /**
     * The reports a server keeps for a scan (SARIF, JSON, HTML and the CycloneDX SBOM), all findings included: the
     * store, not the report, decides what is mitigated.
     */
    static void writeReports(dev.triage.findings.ScanResult result, Path dir) {
        dev.triage.report.ReportOptions options = dev.triage.report.ReportOptions.defaults();
        try {
            java.nio.file.Files.createDirectories(dir);
            for (dev.triage.report.ReportFormat f : List.of(dev.triage.report.ReportFormat.SARIF,
                    dev.triage.report.ReportFormat.JSON, dev.triage.report.ReportFormat.HTML)) {
                try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(dir.resolve(f.fileName()), StandardCharsets.UTF_8)) {
                    dev.triage.report.Reports.writer(f).write(result, options, w);
                }
            }
            try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(dir.resolve("triage.cdx.json"), StandardCharsets.UTF_8)) {
                new dev.triage.report.CycloneDxSbom().write(result, options, w);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write the scan's reports to " + dir + ": " + e.getMessage(), e);
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Write the portfolio report from the store: HTML with charts, JSON (versioned schema), CSV per table.")
    static final class Report implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--store", paramLabel = "URL|PATH", description = STORE_HELP)
        String store;

        @Option(names = {"-f", "--format"}, split = ",", paramLabel = "LIST", defaultValue = "html,json,csv",
                description = "any of html,json,csv (default: all three)")
        List<String> formats;

        @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "triage-portfolio",
                description = "where the report goes (default ./triage-portfolio)")
        Path output;

        @Option(names = "--stale-years", paramLabel = "N", defaultValue = "2",
                description = "an app is stale with no build or store update in N years (default 2)")
        int staleYears;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            PrintWriter out = spec.commandLine().getOut();
            for (String f : formats) {
                if (!Set.of("html", "json", "csv").contains(f.strip().toLowerCase(java.util.Locale.ROOT))) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "unknown format '" + f + "' (html, json, csv)");
                }
            }
            if (staleYears <= 0) throw new CommandLine.ParameterException(spec.commandLine(), "--stale-years must be positive");
            try (Store s = Store.open(store)) {
                Figures.Report report = PortfolioReport.of(s, staleYears, TriageVersion.get());
                for (Path p : ReportWriters.write(report, formats, output)) {
                    if (!p.getParent().getFileName().toString().equals("csv")) out.println("Wrote " + p);
                }
                if (formats.stream().anyMatch(f -> f.strip().equalsIgnoreCase("csv"))) out.println("Wrote " + output.resolve("csv") + "/*.csv");
                Map<String, Object> h = report.headline();
                out.println("Apps: " + h.get("apps") + " (" + h.get("appsScanned") + " scanned, " + h.get("appsFailed")
                        + " failed); with a flaw: " + share(h.get("appsWithFlaw")) + "; with a high-severity flaw: "
                        + share(h.get("appsWithHighSeverityFlaw")));
                out.flush();
                return Main.OK;
            } catch (StoreException e) {
                err.println("triage: " + e.getMessage());
                err.flush();
                return STORE_FAILED;
            }
        }

        private static String share(Object o) {
            Figures.Share s = (Figures.Share) o;
            return s.share() == null ? "—" : String.format(java.util.Locale.ROOT, "%.1f%% (%d of %d)", s.share() * 100, s.count(), s.of());
        }
    }


}
