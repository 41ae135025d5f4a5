package dev.triage.bench;

import dev.triage.testkit.AndroidTestApp;
import dev.triage.testkit.Signing;
import org.jf.dexlib2.Opcodes;
import org.jf.dexlib2.dexbacked.DexBackedDexFile;

import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Android benchmark (issue 5: "a multi-dex APK of about 3,600 classes scanned in under 30 s wall and 3 GiB"): builds a
 * signed multi-dex APK from a generated app ({@link AndroidAppGenerator}) plus real Android-app libraries (OkHttp,
 * Okio, the Kotlin standard library) and runs, as child processes in the same invocation:
 * <ol>
 *   <li>Triage on the APK (DEX intake, manifest, signing, every Android check);</li>
 *   <li>the baseline: Triage on the same code as JVM bytecode (the app's javac output with the same libraries as
 *   {@code -cp}), so the ratio isolates what the Android path costs.</li>
 * </ol>
 * Prints wall time, CPU time, peak RSS and findings, and the ratio APK/JVM. Not a test: it prints figures.
 *
 * <pre>
 * java -cp triage-bench/target/triage-bench.jar dev.triage.bench.AndroidBenchmark [--classes 3600] [--repeat 1]
 *     [--work bench-work] [--seed 42] [--heap 3g] [--triage-jar triage-cli/target/triage.jar] [--timeout 600]
 *     [--baseline-jar JAR] [--build-only]
 * </pre>
 * With {@code --baseline-jar} (another build of Triage, e.g. a jar of main) the APK is also scanned by that build,
 * alternating with the first in every repeat, and the ratio and whether the findings agree are printed.
 * <pre>
 * </pre>
 */
public final class AndroidBenchmark {
    private AndroidBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int target = 3600;
        int repeat = 1;
        long seed = 42;
        String heap = "3g";
        long timeout = 600;
        Path work = Path.of("bench-work");
        Path triage = null;
        Path baselineJar = null;
        boolean buildOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--classes" -> target = Integer.parseInt(args[++i]);
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--heap" -> heap = args[++i];
                case "--timeout" -> timeout = Long.parseLong(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--triage-jar" -> triage = Path.of(args[++i]);
                case "--baseline-jar" -> baselineJar = Path.of(args[++i]);
                case "--build-only" -> buildOnly = true;
                default -> {
                    System.err.println("usage: AndroidBenchmark [--classes N] [--repeat N] [--seed N] [--heap SIZE] "
                        + "[--timeout S] [--work DIR] [--triage-jar JAR] [--baseline-jar JAR] [--build-only]");
                    System.exit(2);
                }
            }
        }
        if (triage == null) triage = Benchmark.repoRoot(Benchmark.benchTarget()).resolve("triage-cli/target/triage.jar");
        if (!buildOnly && !Files.isRegularFile(triage)) throw new IOException("triage.jar not found: " + triage + " (build with ./mvnw -q -DskipTests package)");
        work = work.toAbsolutePath().normalize();
        Path androidJar = onClassPath("android-all-");
        List<Path> libraries = libraries();
        int libraryClasses = 0;
        for (Path l : libraries) libraryClasses += classFiles(l);

        Path dir = work.resolve("android-c" + target + "-s" + seed + "-g" + AndroidAppGenerator.VERSION);
        Path apk = dir.resolve("app.apk");
        Path jar = dir.resolve("app.jar");
        int dexClasses;
        if (Files.isRegularFile(apk) && Files.isRegularFile(jar)) {
            dexClasses = dexClasses(apk);
            System.out.printf(Locale.ROOT, "cached %s%n", apk);
        } else {
            // D8 adds a class per lambda; start from an estimate and correct once against the real count
            int types = Math.max(20, (int) ((target - libraryClasses) / 1.55));
            dexClasses = build(dir, types, seed, androidJar, libraries);
            if (Math.abs(dexClasses - target) > target / 20) {
                int appClasses = dexClasses - libraryClasses;
                types = Math.max(20, (int) Math.round(types * (double) (target - libraryClasses) / Math.max(1, appClasses)));
                dexClasses = build(dir, types, seed, androidJar, libraries);
            }
        }
        int dexFiles = dexFiles(apk);
        System.out.printf(Locale.ROOT, "Android benchmark: %s: %d classes in %d dex files (%d of them library classes: "
            + "OkHttp, Okio, Kotlin stdlib), %.1f MB%n", apk.getFileName(), dexClasses, dexFiles, libraryClasses,
            Files.size(apk) / 1048576.0);
        if (buildOnly) return;

        String java = Benchmark.javaCommand();
        List<String> apkCmd = List.of(java, "-Xmx" + heap, "-jar", triage.toString(), "scan", apk.toString(),
            "-f", "json", "-o", dir.resolve("out-apk").toString(), "--no-progress", "-q");
        List<String> jvmCmd = List.of(java, "-Xmx" + heap, "-jar", triage.toString(), "scan", jar.toString(),
            "-cp", libraries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator))
                + File.pathSeparator + androidJar,
            "-f", "json", "-o", dir.resolve("out-jvm").toString(), "--no-progress", "-q");
        List<String> baselineCmd = baselineJar == null ? null : List.of(java, "-Xmx" + heap, "-jar", baselineJar.toString(),
            "scan", apk.toString(), "-f", "json", "-o", dir.resolve("out-baseline").toString(), "--no-progress", "-q");
        List<ProcessMeter.Measurement> apkRuns = new ArrayList<>();
        List<ProcessMeter.Measurement> jvmRuns = new ArrayList<>();
        List<ProcessMeter.Measurement> baselineRuns = new ArrayList<>();
        for (int r = 0; r < repeat; r++) {
            if (baselineCmd != null) baselineRuns.add(ProcessMeter.run(baselineCmd, dir.resolve("baseline-" + r + ".log"), timeout));
            apkRuns.add(ProcessMeter.run(apkCmd, dir.resolve("apk-" + r + ".log"), timeout));
            jvmRuns.add(ProcessMeter.run(jvmCmd, dir.resolve("jvm-" + r + ".log"), timeout));
        }
        ProcessMeter.Measurement a = median(apkRuns);
        ProcessMeter.Measurement j = median(jvmRuns);
        int apkFindings = findings(dir.resolve("out-apk/triage.json"));
        int jvmFindings = findings(dir.resolve("out-jvm/triage.json"));
        System.out.printf(Locale.ROOT, "%-34s | %7s | %7s | %9s | %8s | %s%n", "run", "wall s", "CPU s", "peak RSS", "findings", "exit");
        System.out.printf(Locale.ROOT, "%-34s | %7.2f | %7.2f | %6.0f MB | %8d | %d%n", "Triage on the APK (DEX)",
            a.wallSeconds(), a.cpuSeconds(), a.peakRssMb(), apkFindings, a.exitCode());
        System.out.printf(Locale.ROOT, "%-34s | %7.2f | %7.2f | %6.0f MB | %8d | %d%n", "baseline: same code as JVM classes",
            j.wallSeconds(), j.cpuSeconds(), j.peakRssMb(), jvmFindings, j.exitCode());
        if (baselineCmd != null) {
            ProcessMeter.Measurement b = median(baselineRuns);
            int baselineFindings = findings(dir.resolve("out-baseline/triage.json"));
            System.out.printf(Locale.ROOT, "%-34s | %7.2f | %7.2f | %6.0f MB | %8d | %d%n", "baseline build on the APK",
                b.wallSeconds(), b.cpuSeconds(), b.peakRssMb(), baselineFindings, b.exitCode());
            System.out.printf(Locale.ROOT, "ratio triage/baseline on the APK: wall %.3f, CPU %.3f, RSS %.2f; findings %d vs %d (%s)%n",
                a.wallSeconds() / b.wallSeconds(), a.cpuSeconds() / b.cpuSeconds(), a.peakRssMb() / b.peakRssMb(),
                apkFindings, baselineFindings, apkFindings == baselineFindings ? "same count" : "DIFFERENT");
        }
        System.out.printf(Locale.ROOT, "ratio APK/JVM: wall %.2f, CPU %.2f, RSS %.2f; limits: 30 s wall (%s), 3 GiB (%s)%n",
            a.wallSeconds() / j.wallSeconds(), a.cpuSeconds() / j.cpuSeconds(), a.peakRssMb() / j.peakRssMb(),
            a.wallSeconds() < 30 ? "met" : "MISSED", a.peakRssMb() < 3072 ? "met" : "MISSED");
    }

    private static int build(Path dir, int types, long seed, Path androidJar, List<Path> libraries) throws IOException {
        AndroidAppGenerator.App app = new AndroidAppGenerator(seed).generate(types, dir, androidJar);
        Path apk = dir.resolve("app.apk");
        buildApk(app, libraries, apk);
        int n = dexClasses(apk);
        System.out.printf(Locale.ROOT, "built %s: %d generated types, %d planted weak calls, %d classes in the dex files%n",
            apk, types, app.plantedWeakCalls(), n);
        return n;
    }

    /** The benchmark's APK of a generated app: its classes and the libraries dexed in, a string resource, release-signed. */
    static void buildApk(AndroidAppGenerator.App app, List<Path> libraries, Path apk) throws IOException {
        List<Path> code = new ArrayList<>();
        code.add(app.jar());
        code.addAll(libraries);
        AndroidTestApp.builder()
            .manifest(app.manifest())
            .resource("res/values/strings.xml", "<resources>\n    <string name=\"app_name\">Bench Health</string>\n</resources>\n")
            .libraryJars(code)
            .classesPerDex(2000)
            .signing(Signing.release())
            .buildApk(apk);
    }

    /** The benchmark's app libraries: OkHttp, Okio and the Kotlin standard library. */
    static List<Path> libraries() throws IOException {
        return List.of(onClassPath("okhttp-"), onClassPath("okio-jvm-"), onClassPath("kotlin-stdlib-"));
    }

    static Path onClassPath(String prefix) throws IOException {
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(e);
            String name = p.getFileName().toString();
            if (name.startsWith(prefix) && name.endsWith(".jar")) return p.toAbsolutePath();
        }
        // launched with -jar: the manifest class path lists lib/*.jar next to the bench jar
        try {
            Path lib = Benchmark.benchTarget().resolve("lib");
            try (var s = Files.list(lib)) {
                return s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().findFirst()
                    .orElseThrow(() -> new IOException("no " + prefix + "*.jar on the class path or in " + lib));
            }
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
    }

    private static int classFiles(Path jar) throws IOException {
        try (ZipFile z = new ZipFile(jar.toFile())) {
            return (int) z.stream().filter(e -> e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/")).count();
        }
    }

    static int dexFiles(Path apk) throws IOException {
        try (ZipFile z = new ZipFile(apk.toFile())) {
            return (int) z.stream().filter(e -> e.getName().matches("classes\\d*\\.dex")).count();
        }
    }

    static int dexClasses(Path apk) throws IOException {
        int n = 0;
        try (ZipFile z = new ZipFile(apk.toFile())) {
            Enumeration<? extends ZipEntry> en = z.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                if (!e.getName().matches("classes\\d*\\.dex")) continue;
                try (InputStream in = new BufferedInputStream(z.getInputStream(e))) {
                    n += DexBackedDexFile.fromInputStream(Opcodes.getDefault(), in).getClasses().size();
                }
            }
        }
        return n;
    }

    private static int findings(Path json) {
        try {
            return Files.isRegularFile(json) ? TriageRunner.countFindings(MiniJson.parse(Files.readString(json))) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static ProcessMeter.Measurement median(List<ProcessMeter.Measurement> runs) {
        List<ProcessMeter.Measurement> sorted = new ArrayList<>(runs);
        sorted.sort((x, y) -> Double.compare(x.wallSeconds(), y.wallSeconds()));
        return sorted.get(sorted.size() / 2);
    }
}
