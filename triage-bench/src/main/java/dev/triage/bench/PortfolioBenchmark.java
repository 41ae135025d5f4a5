package dev.triage.bench;

import dev.triage.testkit.PortfolioFixture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Portfolio benchmark (a harness, not a test): generates portfolios of small apps — about 50 classes each, half JVM
 * wars and half signed APKs, with the fixture's planted flaws — and, for each size, runs {@code triage portfolio scan}
 * into a fresh embedded store and then {@code triage portfolio report}, as child processes. It prints wall time, CPU
 * time (the parent and its worker JVMs), apps per hour, the peak RSS of the parent and of the largest worker, and the
 * store's size per 1,000 apps; and, as the baseline in the same invocation, the same first apps scanned the way one
 * had to before portfolio scans: one {@code triage scan} process per app (with {@code --baseline-jar}, e.g. a jar of
 * main before this work), two at a time.
 *
 * <pre>
 * java -cp triage-bench/target/triage-bench.jar dev.triage.bench.PortfolioBenchmark --sizes 100,1000 \
 *     [--workers 2] [--baseline-jar /work/baseline/triage-82fb402.jar] [--baseline-apps 100] [--work bench-work]
 * </pre>
 */
public final class PortfolioBenchmark {
    private PortfolioBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        List<Integer> sizes = new ArrayList<>();
        for (String s : o.getOrDefault("sizes", "100,1000").split(",")) sizes.add(Integer.parseInt(s.strip()));
        int workers = Integer.parseInt(o.getOrDefault("workers", "2"));
        Path work = Path.of(o.getOrDefault("work", "bench-work")).toAbsolutePath();
        Path triage = Path.of(o.getOrDefault("triage-jar", "triage-cli/target/triage.jar")).toAbsolutePath();
        String heap = o.getOrDefault("worker-heap", "1g");
        String baselineJar = o.get("baseline-jar");
        int baselineApps = Integer.parseInt(o.getOrDefault("baseline-apps", "100"));
        long seed = Long.parseLong(o.getOrDefault("seed", "42"));
        if (!Files.isRegularFile(triage)) throw new IllegalStateException("no " + triage + ": run ./mvnw -q -DskipTests package first");

        System.out.printf(Locale.ROOT, "Portfolio benchmark: %d cores, load average %s, workers %d, worker heap %s%n",
                Runtime.getRuntime().availableProcessors(), loadAverage(), workers, heap);
        System.out.println("size  apps/h   wall s   cpu s  cpu s/app  parent MB  worker MB  store MB  store MB/1000 apps");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Path firstManifest = null;
        for (int size : sizes) {
            Path dir = work.resolve("portfolio-n" + size + "-s" + seed);
            Path manifest = dir.resolve("manifest.csv");
            if (!Files.isRegularFile(manifest)) {
                long g0 = System.nanoTime();
                new PortfolioFixture(dir, seed, today, 45).generate(size / 2, size - size / 2, 0);
                System.out.printf(Locale.ROOT, "(generated %d apps in %.0f s)%n", size, (System.nanoTime() - g0) / 1e9);
            }
            if (firstManifest == null) firstManifest = manifest;
            Path store = work.resolve("runs").resolve("store-n" + size);
            deleteTree(store.getParent().resolve("store-n" + size));
            Files.createDirectories(store);
            Run scan = measure(List.of("java", "-Xmx1g", "-jar", triage.toString(), "portfolio", "scan", manifest.toString(),
                    "--store", store.resolve("triage").toString(), "--workers", String.valueOf(workers), "--worker-heap", heap,
                    "--no-progress"), work.resolve("runs").resolve("scan-n" + size + ".log"));
            Run report = measure(List.of("java", "-jar", triage.toString(), "portfolio", "report", "--store",
                    store.resolve("triage").toString(), "-o", work.resolve("runs").resolve("report-n" + size).toString()),
                    work.resolve("runs").resolve("report-n" + size + ".log"));
            if (scan.exit != 0 || report.exit != 0) {
                System.out.println("size " + size + ": failed (exit " + scan.exit + "/" + report.exit + "), see " + work.resolve("runs"));
                continue;
            }
            double storeMb = size(store) / 1e6;
            System.out.printf(Locale.ROOT, "%4d  %6.0f  %7.1f  %6.1f  %9.3f  %9.0f  %9.0f  %8.1f  %8.1f%n", size,
                    size / (scan.wall / 3600), scan.wall, scan.cpu, scan.cpu / size, scan.parentKb / 1024.0,
                    scan.workerKb / 1024.0, storeMb, storeMb * 1000 / size);
            System.out.printf(Locale.ROOT, "      report: %.1f s wall, %.1f s CPU%n", report.wall, report.cpu);
        }
        if (baselineJar != null && firstManifest != null) {
            baseline(Path.of(baselineJar), firstManifest, baselineApps, workers, work);
        }
    }

    /** One {@code triage scan} per app, {@code parallel} at a time: the way before portfolio scans. */
    private static void baseline(Path jar, Path manifest, int apps, int parallel, Path work) throws Exception {
        List<Path> files = new ArrayList<>();
        for (String line : Files.readAllLines(manifest).subList(1, Files.readAllLines(manifest).size())) {
            if (files.size() == apps) break;
            files.add(manifest.getParent().resolve(line.substring(0, line.indexOf(','))));
        }
        long t0 = System.nanoTime();
        double cpu = 0;
        List<Thread> threads = new ArrayList<>();
        double[] cpus = new double[parallel];
        for (int w = 0; w < parallel; w++) {
            int id = w;
            Thread t = new Thread(() -> {
                for (int i = id; i < files.size(); i += parallel) {
                    try {
                        Run r = measure(List.of("java", "-Xmx1g", "-jar", jar.toString(), "scan", files.get(i).toString(), "-f", "json",
                                "-o", work.resolve("runs").resolve("baseline").resolve("app-" + i).toString(), "-q", "--no-progress"),
                                work.resolve("runs").resolve("baseline").resolve("app-" + i + ".log"));
                        cpus[id] += r.cpu;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join();
        for (double c : cpus) cpu += c;
        double wall = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "baseline (%s, one 'triage scan' process per app, %d at a time), first %d apps: %.0f apps/h, "
                + "%.1f s wall, %.1f s CPU, %.3f CPU s/app%n", jar.getFileName(), parallel, files.size(), files.size() / (wall / 3600),
                wall, cpu, cpu / files.size());
    }

    private record Run(int exit, double wall, double cpu, long parentKb, long workerKb) {
    }

    /**
     * Runs a command, sampling /proc for it and its descendants (the worker JVMs) every 50 ms. CPU time is the parent's
     * own plus each worker's last sample (a worker's time reaches the parent's cutime only when it is reaped, often
     * after the last sample), so it can be short by about 50 ms per worker and per core.
     */
    private static Run measure(List<String> command, Path log) throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        Path stat = Path.of("/proc", Long.toString(p.pid()), "stat");
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        long ownTicks = 0, parentKb = 0, workerKb = 0;
        Map<Long, Long> workerTicks = new TreeMap<>();
        while (!p.waitFor(ProcessMeter.POLL_MS, TimeUnit.MILLISECONDS)) {
            ownTicks = Math.max(ownTicks, ownTicks(stat));
            parentKb = Math.max(parentKb, ProcessMeter.readHwm(status));
            for (ProcessHandle h : p.descendants().toList()) {
                Path dir = Path.of("/proc", Long.toString(h.pid()));
                workerKb = Math.max(workerKb, ProcessMeter.readHwm(dir.resolve("status")));
                long t = ProcessMeter.readTicks(dir.resolve("stat"));
                if (t > 0) workerTicks.merge(h.pid(), t, Math::max);
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        long ticks = ownTicks;
        for (long t : workerTicks.values()) ticks += t;
        return new Run(p.exitValue(), wall, ticks / (double) ProcessMeter.clockTicks(), parentKb, workerKb);
    }

    /** utime + stime of the process itself (not its reaped children), or -1. */
    private static long ownTicks(Path stat) {
        try {
            String s = Files.readString(stat);
            String[] f = s.substring(s.lastIndexOf(')') + 2).trim().split("\\s+");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "?";
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("unexpected " + args[i]);
            String k = args[i].substring(2);
            if (k.equals("help")) {
                System.out.println("options: --sizes 100,1000 --workers 2 --worker-heap 1g --seed 42 --work bench-work "
                        + "--triage-jar triage-cli/target/triage.jar --baseline-jar JAR --baseline-apps 100");
                System.exit(0);
            }
            o.put(k, args[++i]);
        }
        return o;
    }
}
