package dev.triage.spark;

import dev.triage.testkit.PortfolioFixture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Spark benchmark (a harness, not a test): generates portfolios of small apps (the testkit's fixture, about 50 classes
 * each, half wars and half signed APKs) and, for each size, scans the same manifest with the single-machine portfolio
 * scan ({@code java -jar triage.jar portfolio scan --workers 2} into a fresh embedded store) and with the Spark job in
 * {@code local[2]} ({@code SparkSubmit} with the job jar on Spark 3.5.9's own class path — its own Jackson, Guava and
 * Scala, as a stock distribution has them — into a fresh output folder), interleaved, {@code --reps} times; then the
 * Spark report of the last run. It prints apps per hour for both, their ratio, and the medians.
 *
 * <pre>
 * ./mvnw -q -DskipTests package
 * ./mvnw -q -pl triage-spark dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-cp.txt
 * java -cp "triage-spark/target/test-classes:$(cat triage-spark/target/test-cp.txt)" dev.triage.spark.SparkBenchmark \
 *     --sizes 1000,10000 [--reps 1] [--work bench-work/spark] [--spark-classpath FILE]
 * </pre>
 * {@code --spark-classpath} names a file with Spark's class path (one line, ':'-separated): by default the harness
 * resolves {@code org.apache.spark:spark-sql_2.13:3.5.9} with Maven in a project of its own (so no Triage dependency
 * management changes Spark's versions).
 */
public final class SparkBenchmark {
    private SparkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        List<Integer> sizes = new ArrayList<>();
        for (String s : o.getOrDefault("sizes", "1000,10000").split(",")) sizes.add(Integer.parseInt(s.strip()));
        int reps = Integer.parseInt(o.getOrDefault("reps", "1"));
        Path work = Path.of(o.getOrDefault("work", "bench-work/spark")).toAbsolutePath();
        Path triage = Path.of(o.getOrDefault("triage-jar", "triage-cli/target/triage.jar")).toAbsolutePath();
        Path job = Path.of(o.getOrDefault("spark-jar", "triage-spark/target/triage-spark.jar")).toAbsolutePath();
        long seed = Long.parseLong(o.getOrDefault("seed", "42"));
        for (Path p : List.of(triage, job)) if (!Files.isRegularFile(p)) throw new IllegalStateException("no " + p + ": package first");
        Files.createDirectories(work);
        String sparkCp = o.containsKey("spark-classpath") ? Files.readString(Path.of(o.get("spark-classpath"))).strip()
                : sparkClassPath(work);

        System.out.printf(Locale.ROOT, "Spark benchmark: %d cores, load average %s at start; single machine: --workers 2; Spark: local[2]%n",
                Runtime.getRuntime().availableProcessors(), load());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<Integer, List<double[]>> runs = new LinkedHashMap<>();
        for (int size : sizes) {
            Path dir = work.resolve("portfolio-n" + size + "-s" + seed);
            if (!Files.isRegularFile(dir.resolve("manifest.csv"))) {
                long g0 = System.nanoTime();
                new PortfolioFixture(dir, seed, today, 45).generate(size / 2, size - size / 2, 0);
                System.out.printf(Locale.ROOT, "(generated %d apps in %.0f s)%n", size, (System.nanoTime() - g0) / 1e9);
            }
            Path db = dir.resolve("db");
            if (!Files.isDirectory(db)) {
                run(List.of("java", "-jar", triage.toString(), "db", "import", dir.resolve("advisories").toString(), "--db", db.toString()),
                        work.resolve("db-import-n" + size + ".log"));
            }
        }
        System.out.println("size  rep  single apps/h  spark apps/h  spark/single  single s  spark s  load");
        for (int rep = 1; rep <= reps; rep++) {
            for (int size : sizes) {
                Path dir = work.resolve("portfolio-n" + size + "-s" + seed);
                Path manifest = dir.resolve("manifest.csv");
                Path db = dir.resolve("db");
                Path store = work.resolve("runs").resolve("store-n" + size + "-r" + rep);
                deleteTree(store);
                double single = run(List.of("java", "-Xmx1g", "-jar", triage.toString(), "portfolio", "scan", manifest.toString(),
                        "--store", store.resolve("triage").toString(), "--workers", "2", "--db", db.toString(), "--no-progress"),
                        work.resolve("runs").resolve("single-n" + size + "-r" + rep + ".log"));
                Path out = work.resolve("runs").resolve("spark-n" + size + "-r" + rep);
                deleteTree(out);
                List<String> submit = new ArrayList<>(List.of("java", "-Xmx1g"));
                submit.addAll(List.of(ADD_OPENS));
                submit.addAll(List.of("-cp", sparkCp, "org.apache.spark.deploy.SparkSubmit", "--master", "local[2]",
                        "--conf", "spark.ui.enabled=false", "--conf", "spark.driver.host=127.0.0.1",
                        "--class", "dev.triage.spark.TriageSpark", job.toString(), "scan", manifest.toString(), out.toUri().toString(),
                        "--db", db.toString(), "--no-report"));
                double spark = run(submit, work.resolve("runs").resolve("spark-n" + size + "-r" + rep + ".log"));
                runs.computeIfAbsent(size, k -> new ArrayList<>()).add(new double[]{single, spark});
                System.out.printf(Locale.ROOT, "%5d  %3d  %13.0f  %12.0f  %12.2f  %8.1f  %7.1f  %s%n", size, rep,
                        size / (single / 3600), size / (spark / 3600), (size / (spark / 3600)) / (size / (single / 3600)),
                        single, spark, load());
                if (rep == reps) {
                    List<String> report = new ArrayList<>(submit.subList(0, submit.indexOf(job.toString()) + 1));
                    report.addAll(List.of("report", out.toUri().toString()));
                    double r = run(report, work.resolve("runs").resolve("spark-report-n" + size + ".log"));
                    System.out.printf(Locale.ROOT, "       Spark report of %d apps (figures in Spark SQL, local[2]): %.1f s%n", size, r);
                }
            }
        }
        System.out.println("medians:");
        for (var e : runs.entrySet()) {
            List<Double> s = new ArrayList<>(), k = new ArrayList<>();
            for (double[] r : e.getValue()) {
                s.add(r[0]);
                k.add(r[1]);
            }
            double ms = median(s), mk = median(k);
            System.out.printf(Locale.ROOT, "%5d  single %.0f apps/h (%.1f s)  spark %.0f apps/h (%.1f s)  spark/single %.2f%n",
                    e.getKey(), e.getKey() / (ms / 3600), ms, e.getKey() / (mk / 3600), mk, ms / mk);
        }
    }

    static final String[] ADD_OPENS = ("--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED "
            + "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED "
            + "--add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED "
            + "--add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED "
            + "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED "
            + "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED "
            + "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false").split(" ");

    /** Spark 3.5.9's class path as Maven resolves it on its own (no Triage dependency management). */
    private static String sparkClassPath(Path work) throws Exception {
        Path dir = work.resolve("spark-classpath");
        Path file = dir.resolve("cp.txt");
        if (Files.isRegularFile(file)) return Files.readString(file).strip();
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
                  <groupId>bench</groupId><artifactId>spark-classpath</artifactId><version>1</version>
                  <dependencies>
                    <dependency><groupId>org.apache.spark</groupId><artifactId>spark-sql_2.13</artifactId><version>3.5.9</version></dependency>
                  </dependencies>
                </project>""");
        Path mvnw = Path.of("mvnw").toAbsolutePath();
        if (run(List.of(mvnw.toString(), "-B", "-ntp", "-q", "-f", dir.resolve("pom.xml").toString(), "dependency:build-classpath",
                "-Dmdep.outputFile=" + file), dir.resolve("resolve.log")) < 0 || !Files.isRegularFile(file)) {
            throw new IllegalStateException("could not resolve Spark's class path: see " + dir.resolve("resolve.log"));
        }
        return Files.readString(file).strip();
    }

    /** Runs a command to its end; its wall time in seconds (negative when it failed: see its log). */
    private static double run(List<String> command, Path log) throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(12, TimeUnit.HOURS)) p.destroyForcibly();
        double s = (System.nanoTime() - t0) / 1e9;
        if (p.exitValue() != 0) {
            System.out.println("failed (exit " + p.exitValue() + "): " + String.join(" ", command.subList(0, Math.min(8, command.size()))) + " ... see " + log);
            return -s;
        }
        return s;
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (var s = Files.walk(p)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
