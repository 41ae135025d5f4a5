package dev.triage.bench;

import dev.triage.testkit.AndroidTestApp;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Mutation campaign (issue 21): takes real apps (APKs built from the corpus' Android cases, wars, jars from Maven
 * Central), changes one thing in each copy — one entry of the archive (bits flipped, an int overwritten, a range
 * zeroed, truncated; inside nested archives too) or the raw archive bytes — and scans every mutant with a bounded
 * heap and time. Each scan must end with a report (exit 0 or 1, the JSON report written) or a clear refusal (exit 2);
 * anything else (internal error, out of memory, a dead worker, a hang) is a failure, and its input is kept under
 * {@code <work>/failures/} to become a regression test.
 *
 * <p>Scans run in one worker JVM at a time ({@code java -Xmx<heap> -cp triage.jar:<bench> ...$Worker}), one mutant
 * after another in-process so that the JVM start is paid once; a worker that dies, hangs past {@code --timeout} or
 * reports out-of-memory is replaced. Deterministic for a seed: mutant i is derived from {@code seed + i} alone.
 *
 * <pre>
 * java -cp triage-bench/target/triage-bench.jar dev.triage.bench.MutationCampaign --mutants 10000 \
 *     [--inputs a.war,b.jar] [--android-cases triage-cli/src/test/cases/androidwebview/...,...] [--seed 1]
 *     [--heap 384m] [--timeout 180] [--work bench-work/mutation] [--triage-jar triage-cli/target/triage.jar]
 *     [--minutes M]
 * </pre>
 */
public final class MutationCampaign {
    private MutationCampaign() {
    }

    public static void main(String[] args) throws Exception {
        int mutants = 1000;
        long seed = 1;
        String heap = "384m";
        long timeoutSeconds = 180;
        double minutes = Double.MAX_VALUE;
        Path work = Path.of("bench-work/mutation");
        Path triage = null;
        List<Path> inputs = new ArrayList<>();
        List<Path> androidCases = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--mutants" -> mutants = Integer.parseInt(args[++i]);
                case "--start" -> start = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--heap" -> heap = args[++i];
                case "--timeout" -> timeoutSeconds = Long.parseLong(args[++i]);
                case "--minutes" -> minutes = Double.parseDouble(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--triage-jar" -> triage = Path.of(args[++i]);
                case "--inputs" -> { for (String s : args[++i].split(",")) if (!s.isBlank()) inputs.add(Path.of(s)); }
                case "--android-cases" -> { for (String s : args[++i].split(",")) if (!s.isBlank()) androidCases.add(Path.of(s)); }
                default -> {
                    System.err.println("usage: MutationCampaign [--mutants N] [--start I] [--seed N] [--heap SIZE] [--timeout S] "
                            + "[--minutes M] [--work DIR] [--triage-jar JAR] [--inputs F,...] [--android-cases DIR,...]");
                    System.exit(2);
                }
            }
        }
        if (triage == null) triage = Benchmark.repoRoot(Benchmark.benchTarget()).resolve("triage-cli/target/triage.jar");
        if (!Files.isRegularFile(triage)) throw new IOException("triage.jar not found: " + triage);
        work = work.toAbsolutePath().normalize();
        Files.createDirectories(work.resolve("failures"));
        for (Path c : androidCases) inputs.add(buildApk(c, work.resolve("apps")));
        if (inputs.isEmpty()) throw new IOException("no inputs: give --inputs and/or --android-cases");
        List<byte[]> originals = new ArrayList<>();
        for (Path p : inputs) originals.add(Files.readAllBytes(p));

        Path db = Files.createDirectories(work.resolve("empty-db"));
        Map<String, Integer> outcomes = new TreeMap<>();
        Map<String, Integer> refusals = new TreeMap<>();
        List<Long> millis = new ArrayList<>();
        long began = System.nanoTime();
        int failures = 0;
        int done = 0;
        Worker.Handle worker = null;
        try {
            for (int i = start; i < start + mutants; i++) {
                if ((System.nanoTime() - began) / 60e9 > minutes) break;
                // java.util.Random's first draws from consecutive seeds are nearly equal: mix the seed first
                Random rnd = new Random(mix64(seed * 0x9E3779B97F4A7C15L + i));
                int which = rnd.nextInt(inputs.size());
                Path input = inputs.get(which);
                String name = input.getFileName().toString();
                String ext = name.substring(name.lastIndexOf('.'));
                StringBuilder what = new StringBuilder(name);
                byte[] mutant = mutateArchive(originals.get(which), rnd, what, 0);
                Path file = work.resolve("mutant" + ext);
                Files.write(file, mutant);
                Path out = work.resolve("out");
                deleteTree(out);
                if (worker == null) worker = Worker.Handle.start(triage, heap);
                long t0 = System.nanoTime();
                String reply = worker.scan(file, out, db, timeoutSeconds);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                millis.add(ms);
                String outcome = classify(reply, out);
                outcomes.merge(outcome.split(" ")[0], 1, Integer::sum);
                if (outcome.equals("ok-refused")) refusals.merge(name + ": " + refusal(out), 1, Integer::sum);
                done++;
                boolean failed = !outcome.startsWith("ok");
                if (failed || reply == null || reply.startsWith("THROWN") || reply.startsWith("RESULT 5")) {
                    worker.stop();
                    worker = null;
                }
                if (failed) {
                    failures++;
                    Path keep = work.resolve("failures").resolve(String.format(Locale.ROOT, "m%06d-%s%s", i,
                            outcome.split(" ")[0], ext));
                    Files.copy(file, keep, StandardCopyOption.REPLACE_EXISTING);
                    Path err = out.resolve("stderr.txt");
                    String stderr = Files.isRegularFile(err) ? Files.readString(err) : "";
                    Files.writeString(work.resolve("failures").resolve(keep.getFileName() + ".txt"),
                            "mutant " + i + " (seed " + seed + "): " + what + "\noutcome: " + outcome + "\nreply: " + reply
                                    + "\n--- stderr\n" + stderr);
                    System.out.printf(Locale.ROOT, "FAIL mutant %d: %s: %s%n", i, what, outcome);
                }
                if (done % 100 == 0) progress(done, failures, outcomes, millis, began);
            }
        } finally {
            if (worker != null) worker.stop();
        }
        progress(done, failures, outcomes, millis, began);
        System.out.println("refusals (exit 2), by input and reason:");
        refusals.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(20)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %6d  %s%n", e.getValue(), e.getKey()));
        System.exit(failures == 0 ? 0 : 1);
    }

    /** SplitMix64's finalizer: consecutive inputs give unrelated outputs. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static void progress(int done, int failures, Map<String, Integer> outcomes, List<Long> millis, long began) {
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        long median = sorted.length == 0 ? 0 : sorted[sorted.length / 2];
        long p99 = sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))];
        System.out.printf(Locale.ROOT, "%d mutants, %d failures, outcomes %s; per mutant: median %d ms, p99 %d ms, max %d ms;"
                        + " elapsed %.1f min%n", done, failures, outcomes, median, p99,
                sorted.length == 0 ? 0 : sorted[sorted.length - 1], (System.nanoTime() - began) / 60e9);
        System.out.flush();
    }

    /** Why a scan refused its input: its last "triage: " line on stderr, numbers and paths blurred so reasons group. */
    static String refusal(Path out) {
        try {
            List<String> lines = Files.readAllLines(out.resolve("stderr.txt"));
            for (int k = lines.size() - 1; k >= 0; k--) {
                String l = lines.get(k);
                if (l.startsWith("triage: ") && !l.startsWith("triage: problem: ")) {
                    return l.replaceAll("/\\S+", "<path>").replaceAll("[0-9]+", "N");
                }
            }
        } catch (IOException e) {
            // no stderr
        }
        return "(no message)";
    }

    /** ok-report / ok-refused, or the failure: internal-error, out-of-memory, other-exit, no-report, hang, crash. */
    static String classify(String reply, Path out) {
        if (reply == null) return "crash (the worker died)";
        if (reply.equals("HANG")) return "hang";
        if (reply.startsWith("THROWN")) return "crash " + reply;
        String[] p = reply.split(" ");
        int code = Integer.parseInt(p[1]);
        return switch (code) {
            case 0, 1 -> Files.isRegularFile(out.resolve("triage.json")) ? "ok-report" : "no-report exit " + code;
            case 2 -> "ok-refused";
            case 4 -> "internal-error";
            case 5 -> "out-of-memory";
            default -> "other-exit " + code;
        };
    }

    // ---------------------------------------------------------------------------------------------- mutations

    private static final String[] INTERESTING = {".class", ".dex", ".arsc", ".xml", ".jar", ".war", ".apk", ".properties",
            ".yml", ".yaml", ".mf", ".pb", ".sf", ".rsa"};

    /** One change: to the raw archive bytes (one time in eight at the top level), else to one entry (recursing into nested archives). */
    static byte[] mutateArchive(byte[] zip, Random rnd, StringBuilder what, int depth) throws IOException {
        List<Map.Entry<String, byte[]>> entries = new ArrayList<>();
        Map<String, Integer> methods = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.add(Map.entry(e.getName(), in.readAllBytes()));
                methods.put(e.getName(), e.getMethod());
            }
        }
        if (entries.isEmpty() || (depth == 0 && rnd.nextInt(8) == 0)) {
            what.append(" raw archive: ");
            return mutateBytes(zip, rnd, what);
        }
        // weigh the entries parsers read heavily (code, binary XML, resource tables, nested archives, config)
        List<Integer> pool = new ArrayList<>();
        for (int k = 0; k < entries.size(); k++) {
            String n = entries.get(k).getKey().toLowerCase(Locale.ROOT);
            if (n.endsWith("/")) continue;
            boolean hot = Arrays.stream(INTERESTING).anyMatch(n::endsWith);
            for (int w = hot ? 6 : 1; w > 0; w--) pool.add(k);
        }
        if (pool.isEmpty()) return mutateBytes(zip, rnd, what.append(" raw archive: "));
        int k = pool.get(rnd.nextInt(pool.size()));
        String entryName = entries.get(k).getKey();
        byte[] bytes = entries.get(k).getValue();
        what.append(depth == 0 ? "!/" : "!/").append(entryName);
        String lower = entryName.toLowerCase(Locale.ROOT);
        boolean nested = lower.endsWith(".jar") || lower.endsWith(".war") || lower.endsWith(".apk") || lower.endsWith(".zip");
        byte[] changed;
        if (nested && depth < 2 && rnd.nextInt(4) != 0) {
            changed = mutateArchive(bytes, rnd, what, depth + 1);
        } else {
            what.append(": ");
            changed = mutateBytes(bytes, rnd, what);
        }
        ByteArrayOutputStream bout = new ByteArrayOutputStream(zip.length + 1024);
        try (ZipOutputStream out = new ZipOutputStream(bout)) {
            for (int j = 0; j < entries.size(); j++) {
                String n = entries.get(j).getKey();
                byte[] b = j == k ? changed : entries.get(j).getValue();
                ZipEntry e = new ZipEntry(n);
                e.setTime(315532800000L + 86_400_000L);
                if (methods.get(n) == ZipEntry.STORED) {
                    CRC32 crc = new CRC32();
                    crc.update(b);
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(b.length);
                    e.setCompressedSize(b.length);
                    e.setCrc(crc.getValue());
                }
                out.putNextEntry(e);
                out.write(b);
                out.closeEntry();
            }
        }
        return bout.toByteArray();
    }

    private static final int[] INTS = {0, -1, 1, 0x7fffffff, 0x80000000, 0xffff, 0x10000, 0x7fff, 0x8000, 0xff, 0x100,
            0x0fffffff, 0x40000000};

    /** Bits flipped, an int overwritten (either byte order), a range zeroed, or the bytes truncated. */
    static byte[] mutateBytes(byte[] in, Random rnd, StringBuilder what) {
        byte[] b = in.clone();
        if (b.length == 0) {
            what.append("empty, left empty");
            return b;
        }
        switch (rnd.nextInt(4)) {
            case 0 -> {
                int n = 1 + rnd.nextInt(8);
                what.append(n).append(" bits flipped");
                for (int j = 0; j < n; j++) {
                    int at = rnd.nextInt(b.length);
                    b[at] ^= (byte) (1 << rnd.nextInt(8));
                }
            }
            case 1 -> {
                if (b.length < 4) {
                    what.append("truncated to 1 byte");
                    return Arrays.copyOf(b, 1);
                }
                int at = rnd.nextInt(b.length - 3);
                if (rnd.nextBoolean()) at &= ~3;
                int v = rnd.nextInt(3) == 0 ? rnd.nextInt() : INTS[rnd.nextInt(INTS.length)];
                boolean little = rnd.nextBoolean();
                what.append(String.format(Locale.ROOT, "int 0x%08x at %d (%s)", v, at, little ? "LE" : "BE"));
                for (int j = 0; j < 4; j++) {
                    int shift = little ? 8 * j : 8 * (3 - j);
                    b[at + j] = (byte) (v >>> shift);
                }
            }
            case 2 -> {
                int at = rnd.nextInt(b.length);
                int len = 1 + rnd.nextInt(Math.min(256, b.length - at));
                what.append("zeroed ").append(len).append(" bytes at ").append(at);
                Arrays.fill(b, at, at + len, (byte) 0);
            }
            default -> {
                int len = rnd.nextInt(b.length);
                what.append("truncated to ").append(len).append(" of ").append(b.length).append(" bytes");
                return Arrays.copyOf(b, len);
            }
        }
        return b;
    }

    // ---------------------------------------------------------------------------------------------- inputs

    private static Path buildApk(Path caseDir, Path appsDir) throws IOException {
        Path out = appsDir.resolve(caseDir.getParent().getFileName() + "-" + caseDir.getFileName() + ".apk");
        if (Files.isRegularFile(out)) return out;
        Files.createDirectories(appsDir);
        AndroidTestApp app = AndroidTestApp.fromDirectory(caseDir);
        Path android = androidJar();
        if (android != null) app.androidJar(android);
        app.buildApk(out);
        System.out.println("built " + out);
        return out;
    }

    private static Path androidJar() {
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (Path.of(e).getFileName() != null && Path.of(e).getFileName().toString().startsWith("android-all-")) return Path.of(e);
        }
        try (var s = Files.list(Benchmark.benchTarget().resolve("lib"))) {
            return s.filter(p -> p.getFileName().toString().startsWith("android-all-")).findFirst().orElse(null);
        } catch (IOException | java.net.URISyntaxException e) {
            return null;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    // ---------------------------------------------------------------------------------------------- the worker

    /**
     * The worker JVM: reads {@code mutant<TAB>outDir<TAB>db} lines, runs {@code triage scan} in-process for each (its
     * console output to {@code outDir/stderr.txt}) and answers {@code RESULT <exit code>} or {@code THROWN <class>}.
     */
    public static final class Worker {
        private Worker() {
        }

        public static void main(String[] args) throws Exception {
            PrintStream reply = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
            Method execute = Class.forName("dev.triage.cli.Main").getMethod("execute", String[].class);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                String[] p = line.split("\t");
                Path out = Path.of(p[1]);
                Files.createDirectories(out);
                ByteArrayOutputStream captured = new ByteArrayOutputStream();
                PrintStream capture = new PrintStream(new Bounded(captured, 64 << 10), true, StandardCharsets.UTF_8);
                PrintStream oldOut = System.out;
                PrintStream oldErr = System.err;
                System.setOut(capture);
                System.setErr(capture);
                String answer;
                try {
                    Object code = execute.invoke(null, (Object) new String[]{"scan", p[0], "-f", "json", "-o", p[1],
                            "--no-progress", "-q", "--db", p[2], "--threads", "1", "--timeout", "60s"});
                    answer = "RESULT " + code;
                } catch (InvocationTargetException e) {
                    Throwable t = e.getCause();
                    t.printStackTrace(capture);
                    answer = "THROWN " + t.getClass().getName();
                } catch (Throwable t) {
                    answer = "THROWN " + t.getClass().getName();
                } finally {
                    System.setOut(oldOut);
                    System.setErr(oldErr);
                }
                capture.flush();
                Files.write(out.resolve("stderr.txt"), captured.toByteArray());
                reply.println(answer);
            }
        }

        /** Keeps the first {@code max} bytes written. */
        private static final class Bounded extends OutputStream {
            private final ByteArrayOutputStream to;
            private final int max;

            Bounded(ByteArrayOutputStream to, int max) {
                this.to = to;
                this.max = max;
            }

            @Override
            public void write(int b) {
                if (to.size() < max) to.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                int n = Math.min(len, max - to.size());
                if (n > 0) to.write(b, off, n);
            }
        }

        /** A running worker process (started by this harness; stopped by its own handle, never by name). */
        static final class Handle {
            private final Process process;
            private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();

            private Handle(Process process) {
                this.process = process;
                Thread t = new Thread(() -> {
                    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String l; (l = r.readLine()) != null; ) replies.add(l);
                    } catch (IOException e) {
                        // the worker is gone
                    }
                    replies.add("EOF");
                }, "worker-replies");
                t.setDaemon(true);
                t.start();
            }

            static Handle start(Path triageJar, String heap) throws IOException {
                String bench = Path.of(MutationCampaign.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
                List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
                        "-XX:+UseSerialGC", "-Xss4m",
                        "-cp", triageJar.toAbsolutePath() + File.pathSeparator + bench, Worker.class.getName());
                Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                return new Handle(p);
            }

            /** The worker's answer, "HANG" when it takes longer than the timeout, null when the worker died. */
            String scan(Path mutant, Path out, Path db, long timeoutSeconds) throws IOException, InterruptedException {
                OutputStream o = process.getOutputStream();
                o.write((mutant + "\t" + out + "\t" + db + "\n").getBytes(StandardCharsets.UTF_8));
                o.flush();
                String r = replies.poll(timeoutSeconds, TimeUnit.SECONDS);
                if (r == null) return "HANG";
                return r.equals("EOF") ? null : r;
            }

            void stop() {
                process.destroyForcibly();
                try {
                    process.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
