package dev.triage.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Benchmark harness: generates synthetic web apps of several sizes, runs each analyser on them as a child process
 * and prints wall time, CPU time, peak RSS and the number of findings per tool and size. Not a test: it asserts
 * nothing, it prints figures.
 */
public final class Benchmark {

    private static final String USAGE = """
        Usage: java -jar triage-bench/target/triage-bench.jar [options]
          --sizes LIST            app sizes in top-level classes (default 1000,5000,20000)
          --tools LIST            triage,spotbugs (default both); baseline: an older triage.jar (--baseline-jar) in the same runs
          --baseline-jar PATH     the triage.jar the baseline tool runs
          --repeat N              runs per tool and size; the table shows the median wall/CPU (default 1)
          --work DIR              cache of generated apps and run outputs (default bench-work)
          --seed N                generator seed (default 42)
          --heap SIZE             -Xmx for Triage (default 2g)
          --spotbugs-heap SIZE    -Xmx for SpotBugs (default 4g)
          --spotbugs-effort E     min|less|default|more|max (default max, FindSecBugs' recommendation)
          --spotbugs-threshold T  low|medium|high (default low, FindSecBugs' recommendation)
          --spotbugs-all          report all SpotBugs categories, not only SECURITY
          --timeout SECONDS       per run (default 3600)
          --triage-jar PATH       default <repo>/triage-cli/target/triage.jar
          --spotbugs-lib DIR      default triage-bench/target/spotbugs-lib
          --app-lib DIR           library jars for the generated apps (default triage-bench/target/app-lib)
          --generate-only         generate (and cache) the apps, run nothing
        """;

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = parse(args);
        if (opt.containsKey("help")) {
            System.out.print(USAGE);
            return;
        }
        List<Integer> sizes = Arrays.stream(opt.getOrDefault("sizes", "1000,5000,20000").split(","))
            .map(String::trim).filter(s -> !s.isEmpty()).map(Integer::parseInt).collect(Collectors.toList());
        List<String> toolNames = Arrays.stream(opt.getOrDefault("tools", "triage,spotbugs").split(","))
            .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toList());
        int repeat = Integer.parseInt(opt.getOrDefault("repeat", "1"));
        Path work = Path.of(opt.getOrDefault("work", "bench-work")).toAbsolutePath().normalize();
        long seed = Long.parseLong(opt.getOrDefault("seed", "42"));
        long timeout = Long.parseLong(opt.getOrDefault("timeout", "3600"));

        Path benchTarget = benchTarget();
        Path root = repoRoot(benchTarget);
        Path triageJar = Path.of(opt.getOrDefault("triage-jar",
            System.getProperty("triage.jar", root.resolve("triage-cli/target/triage.jar").toString())));
        Path spotbugsLib = Path.of(opt.getOrDefault("spotbugs-lib", benchTarget.resolve("spotbugs-lib").toString()));
        Path appLib = Path.of(opt.getOrDefault("app-lib", benchTarget.resolve("app-lib").toString()));
        String java = javaCommand();

        List<ToolRunner> tools = new ArrayList<>();
        for (String t : toolNames) {
            switch (t) {
                case "triage" -> tools.add(new TriageRunner(triageJar, opt.getOrDefault("heap", "2g"), java));
                case "baseline" -> tools.add(new TriageRunner("baseline", Path.of(opt.getOrDefault("baseline-jar", "")),
                    opt.getOrDefault("heap", "2g"), java));
                case "spotbugs" -> tools.add(new SpotBugsRunner(spotbugsLib, opt.getOrDefault("spotbugs-heap", "4g"), java,
                    opt.getOrDefault("spotbugs-effort", "max"), opt.getOrDefault("spotbugs-threshold", "low"),
                    !opt.containsKey("spotbugs-all")));
                default -> throw new IllegalArgumentException("unknown tool " + t + " (triage, baseline, spotbugs)");
            }
        }

        printMachine(work);
        List<ToolRunner> runnable = new ArrayList<>();
        for (ToolRunner t : tools) {
            String why = t.unavailableReason();
            if (why == null) {
                System.out.println("tool      " + t.describe());
                runnable.add(t);
            } else {
                System.out.println("tool      " + t.name() + " SKIPPED: " + why);
            }
        }
        System.out.println();

        List<Path> libs = libraries(appLib);
        if (libs.stream().noneMatch(p -> p.getFileName().toString().startsWith("javax.servlet-api"))) {
            throw new IllegalStateException("javax.servlet-api jar not found in " + appLib);
        }
        AppGenerator generator = new AppGenerator(seed, libs);
        Files.createDirectories(work);
        Path csv = work.resolve("results-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".csv");
        List<String> csvLines = new ArrayList<>();
        csvLines.add("size,tool,run,wall_s,cpu_s,peak_rss_mb,findings,exit,note");
        List<String> summary = new ArrayList<>();

        for (int n : sizes) {
            long g0 = System.nanoTime();
            AppGenerator.App app = generator.generate(n, work);
            double gs = (System.nanoTime() - g0) / 1e9;
            System.out.printf(Locale.ROOT, "== %d classes: %s (%d class files, %d planted weak calls, %s %.1f s)%n",
                n, app.jar(), app.classFiles(), app.plantedWeakCalls(), app.fromCache() ? "cached," : "generated in", gs);
            if (opt.containsKey("generate-only")) {
                continue;
            }
            Map<String, List<ToolRunner.Result>> byTool = new LinkedHashMap<>();
            for (int r = 1; r <= repeat; r++) {
                for (ToolRunner t : runnable) {
                    Path runDir = work.resolve("runs").resolve("n" + n).resolve(t.name() + "-" + r);
                    ToolRunner.Result res = t.run(app, runDir, timeout);
                    byTool.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(res);
                    ProcessMeter.Measurement m = res.measurement();
                    System.out.printf(Locale.ROOT, "   run %d %-9s wall %8.2f s  cpu %8.2f s  rss %7.0f MB  findings %5s  %s%n",
                        r, t.name(), m.wallSeconds(), m.cpuSeconds(), m.peakRssMb(), res.findings() < 0 ? "?" : res.findings(),
                        res.note());
                    csvLines.add(String.format(Locale.ROOT, "%d,%s,%d,%.3f,%.3f,%.1f,%d,%d,\"%s\"", n, t.name(), r,
                        m.wallSeconds(), m.cpuSeconds(), m.peakRssMb(), res.findings(), m.exitCode(),
                        res.note().replace('"', '\'')));
                    Files.write(csv, csvLines);
                }
            }
            if (byTool.isEmpty()) {
                continue;
            }
            System.out.println();
            String header = String.format(Locale.ROOT, "%-9s | %8s | %8s | %11s | %8s | %10s", "tool", "wall s", "CPU s",
                "peak RSS MB", "findings", "ms/class");
            System.out.println(header);
            System.out.println("-".repeat(header.length()));
            Map<String, Double> wall = new LinkedHashMap<>();
            for (Map.Entry<String, List<ToolRunner.Result>> e : byTool.entrySet()) {
                List<ToolRunner.Result> rs = e.getValue();
                double w = median(rs.stream().mapToDouble(x -> x.measurement().wallSeconds()).toArray());
                double c = median(rs.stream().mapToDouble(x -> x.measurement().cpuSeconds()).toArray());
                double rss = rs.stream().mapToDouble(x -> x.measurement().peakRssMb()).max().orElse(0);
                int f = rs.get(rs.size() - 1).findings();
                boolean ok = rs.stream().allMatch(x -> x.findings() >= 0 && !x.measurement().timedOut());
                wall.put(e.getKey(), ok ? w : Double.NaN);
                String line = String.format(Locale.ROOT, "%-9s | %8.2f | %8.2f | %11.0f | %8s | %10.2f%s", e.getKey(), w, c, rss,
                    f < 0 ? "?" : Integer.toString(f), w * 1000 / n, ok ? "" : "  (failed: " + rs.get(0).note() + ")");
                System.out.println(line);
                summary.add(String.format(Locale.ROOT, "%6d  %s", n, line));
            }
            if (wall.containsKey("triage") && wall.containsKey("baseline")) {
                double ratio = wall.get("triage") / wall.get("baseline");
                String line = String.format(Locale.ROOT, "Triage/baseline wall time: %.3f (%+.1f%%)", ratio, (ratio - 1) * 100);
                System.out.println(line);
                summary.add(String.format(Locale.ROOT, "%6d  %s", n, line));
            }
            if (wall.containsKey("triage") && wall.containsKey("spotbugs")) {
                double ratio = wall.get("triage") / wall.get("spotbugs");
                String verdict = Double.isNaN(ratio) ? "n/a" : ratio <= 0.25 ? "meets target <= 0.25" : "MISSES target <= 0.25";
                String line = String.format(Locale.ROOT, "Triage/SpotBugs wall time: %.3f (%s)", ratio, verdict);
                System.out.println(line);
                summary.add(String.format(Locale.ROOT, "%6d  %s", n, line));
            }
            System.out.println();
        }
        if (!summary.isEmpty()) {
            System.out.println("== summary (median of " + repeat + " run(s); results also in " + csv + ")");
            System.out.println("  size  tool      |   wall s |    CPU s | peak RSS MB | findings |   ms/class");
            summary.forEach(System.out::println);
        }
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int k = s.length / 2;
        return s.length % 2 == 1 ? s[k] : (s[k - 1] + s[k]) / 2;
    }

    private static void printMachine(Path work) {
        System.out.println("== Triage benchmark (" + LocalDateTime.now().withNano(0) + ")");
        System.out.println("machine   " + Runtime.getRuntime().availableProcessors() + " cores, " + cpuModel() + ", "
            + memTotal() + ", load average " + firstLine("/proc/loadavg"));
        System.out.println("java      " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
            + " (" + System.getProperty("java.vendor") + "), " + javaCommand());
        System.out.println("measuring wall = parent clock; CPU = utime+stime from /proc/PID/stat (CLK_TCK "
            + ProcessMeter.clkTck() + "); peak RSS = VmHWM from /proc/PID/status; polled every " + ProcessMeter.POLL_MS + " ms");
        System.out.println("work      " + work);
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }

    private static String memTotal() {
        String l = firstLine("/proc/meminfo");
        try {
            long kb = Long.parseLong(l.replaceAll("\\D+", ""));
            return String.format(Locale.ROOT, "%.1f GiB RAM", kb / 1024.0 / 1024.0);
        } catch (RuntimeException e) {
            return "? RAM";
        }
    }

    private static String firstLine(String file) {
        try (Stream<String> lines = Files.lines(Path.of(file))) {
            return lines.findFirst().orElse("").trim();
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    static String javaCommand() {
        return ProcessHandle.current().info().command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    static List<Path> libraries(Path appLib) throws IOException {
        if (!Files.isDirectory(appLib)) {
            throw new IllegalStateException("app library dir not found: " + appLib
                + " (build triage-bench with `mvn -q -DskipTests package`, or pass --app-lib)");
        }
        try (Stream<Path> s = Files.list(appLib)) {
            return s.filter(p -> p.toString().endsWith(".jar")).map(Path::toAbsolutePath).sorted().collect(Collectors.toList());
        }
    }

    /** triage-bench/target: the directory holding triage-bench.jar (or target/classes' parent when run from classes). */
    static Path benchTarget() throws URISyntaxException {
        Path where = Path.of(Benchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        return where.getParent(); // target/triage-bench.jar or target/classes
    }

    /** The repo root: the nearest directory up from the working directory that has triage-cli/, else benchTarget/../.. */
    static Path repoRoot(Path benchTarget) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("triage-cli")) && Files.isDirectory(p.resolve("triage-bench"))) {
                return p;
            }
        }
        Path up = benchTarget.getParent() == null ? null : benchTarget.getParent().getParent();
        return up == null ? Path.of("").toAbsolutePath() : up;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                m.put("help", "");
                continue;
            }
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + a + "\n" + USAGE);
            }
            String key = a.substring(2);
            String value = null;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            }
            if (key.equals("generate-only") || key.equals("spotbugs-all")) {
                m.put(key, "");
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for --" + key);
                }
                value = args[++i];
            }
            m.put(key, value);
        }
        return m;
    }
}
