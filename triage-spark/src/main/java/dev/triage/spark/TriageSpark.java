package dev.triage.spark;

import dev.triage.contract.TriageVersion;
import dev.triage.portfolio.Figures;
import dev.triage.portfolio.ReportWriters;
import dev.triage.store.Store;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The Spark job's entry point ({@code spark-submit --class dev.triage.spark.TriageSpark triage-spark.jar ...}):
 * <pre>
 * [scan] MANIFEST OUT [--round N] [--app-timeout 10m] [--worker-heap 1g] [--db DIR] [--rules IDS]
 *        [--exclude-rules IDS] [--retry-failed] [--no-report] [-f html,json,csv] [--stale-years N]
 * report OUT [-o DIR] [-f html,json,csv] [--stale-years N]
 * import OUT --store URL|PATH [--by NAME]
 * </pre>
 * {@code scan} scans one round of the manifest into OUT's Parquet tables and then writes the report of every round
 * so far to {@code OUT/report}; {@code report} writes it again; {@code import} loads the scans into a store.
 */
public final class TriageSpark {
    private TriageSpark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            System.out.println(usage());
            return;
        }
        List<String> a = new ArrayList<>(Arrays.asList(args));
        String mode = a.get(0);
        if (mode.equals("scan") || mode.equals("report") || mode.equals("import")) a.remove(0);
        else mode = "scan";
        Opts o = Opts.parse(mode, a);
        SparkSession spark = SparkSession.builder().appName("triage-portfolio " + mode).getOrCreate();
        try {
            switch (mode) {
                case "scan" -> {
                    SparkScan.Summary s = SparkScan.run(spark, o.positional.get(0), o.positional.get(1), o.round, o.settings());
                    s.problems().forEach(p -> System.err.println("problem: " + p));
                    System.out.printf(Locale.ROOT, "Round %d: %d listed, %d scanned, %d failed, %d already stored, %d unreadable%n",
                            s.round(), s.listed(), s.scanned(), s.failed(), s.skipped(), s.unreadable());
                    if (!o.noReport) writeReport(spark, o.positional.get(1), o.output(o.positional.get(1)), o);
                }
                case "report" -> writeReport(spark, o.positional.get(0), o.output(o.positional.get(0)), o);
                case "import" -> {
                    if (o.store == null) throw new IllegalArgumentException("import needs --store URL|PATH");
                    try (Store store = Store.open(o.store)) {
                        SparkImport.Summary s = SparkImport.run(spark, o.positional.get(0), store, TriageVersion.get(), o.by);
                        System.out.println("Imported " + s.imported() + " scans (" + s.skipped() + " already stored) into " + store.description());
                    }
                }
                default -> throw new IllegalStateException(mode);
            }
        } finally {
            spark.stop();
        }
    }

    /** Computes the report in Spark and writes it (HTML, JSON, CSV) to {@code dest}, any Hadoop FileSystem URI. */
    static Figures.Report writeReport(SparkSession spark, String out, String dest, Opts o) throws IOException {
        Figures.Report report = SparkReport.report(spark, out, o.staleYears, TriageVersion.get());
        java.nio.file.Path local = Files.createTempDirectory("triage-spark-report-");
        try {
            ReportWriters.write(report, o.formats, local);
            Path target = new Path(dest);
            FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
            fs.delete(target, true);
            fs.copyFromLocalFile(false, true, new Path(local.toUri()), target);
            System.out.println("Wrote the report to " + fs.makeQualified(target));
        } finally {
            try (var s = Files.walk(local)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return report;
    }

    static String usage() {
        return """
                Usage: spark-submit --class dev.triage.spark.TriageSpark triage-spark.jar [scan] MANIFEST OUT [options]
                       ... report OUT [-o DIR] [-f html,json,csv] [--stale-years N]
                       ... import OUT --store URL|PATH [--by NAME]
                MANIFEST and OUT are paths or URIs Hadoop reads (file:, hdfs://, s3a://).
                scan options: --round N  --app-timeout 10m  --worker-heap 1g  --db DIR (advisory database on every
                  executor)  --rules IDS  --exclude-rules IDS  --retry-failed  --no-report  -o DIR (default OUT/report)
                  -f html,json,csv  --stale-years 2""";
    }

    /** The command line. */
    static final class Opts {
        final List<String> positional = new ArrayList<>();
        Integer round;
        String appTimeout = "10m", workerHeap = "1g", db, store, by = System.getProperty("user.name", "triage"), output;
        List<String> rules = List.of(), excludeRules = List.of(), formats = List.of("html", "json", "csv");
        boolean retryFailed, noReport;
        int staleYears = 2;
        String failOnceApp, failOnceMarker;

        static Opts parse(String mode, List<String> args) {
            Opts o = new Opts();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--round" -> o.round = Integer.parseInt(value(args, ++i, arg));
                    case "--app-timeout" -> o.appTimeout = value(args, ++i, arg);
                    case "--worker-heap" -> o.workerHeap = value(args, ++i, arg);
                    case "--db" -> o.db = value(args, ++i, arg);
                    case "--rules" -> o.rules = List.of(value(args, ++i, arg).split(","));
                    case "--exclude-rules" -> o.excludeRules = List.of(value(args, ++i, arg).split(","));
                    case "--retry-failed" -> o.retryFailed = true;
                    case "--no-report" -> o.noReport = true;
                    case "-f", "--format" -> o.formats = List.of(value(args, ++i, arg).split(","));
                    case "-o", "--output" -> o.output = value(args, ++i, arg);
                    case "--stale-years" -> o.staleYears = Integer.parseInt(value(args, ++i, arg));
                    case "--store" -> o.store = value(args, ++i, arg);
                    case "--by" -> o.by = value(args, ++i, arg);
                    default -> {
                        if (arg.startsWith("-")) throw new IllegalArgumentException("unknown option " + arg + "\n" + usage());
                        o.positional.add(arg);
                    }
                }
            }
            int need = mode.equals("scan") ? 2 : 1;
            if (o.positional.size() != need) throw new IllegalArgumentException("expected " + need + " arguments\n" + usage());
            if (!o.workerHeap.matches("\\d+[kKmMgG]?")) throw new IllegalArgumentException("bad --worker-heap " + o.workerHeap);
            if (o.staleYears <= 0) throw new IllegalArgumentException("--stale-years must be positive");
            return o;
        }

        private static String value(List<String> args, int i, String option) {
            if (i >= args.size()) throw new IllegalArgumentException(option + " needs a value");
            return args.get(i);
        }

        String output(String out) {
            return output != null ? output : new Path(out, "report").toString();
        }

        ScanTask.Settings settings() {
            return new ScanTask.Settings(workerHeap, millis(appTimeout), db, rules, excludeRules, retryFailed, TriageVersion.get(),
                    failOnceApp, failOnceMarker);
        }

        /** {@code 90s}, {@code 10m}, {@code 1h}, {@code 500ms}. */
        static long millis(String d) {
            var m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h)").matcher(d.strip());
            if (!m.matches()) throw new IllegalArgumentException("bad duration '" + d + "' (e.g. 90s, 10m, 1h)");
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> n;
                case "s" -> n * 1000;
                case "m" -> n * 60_000;
                default -> n * 3_600_000;
            };
        }
    }
}
