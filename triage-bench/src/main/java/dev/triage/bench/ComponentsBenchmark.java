package dev.triage.bench;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Components benchmark: a war of 350+ bundled jars (about 400 MB, real jars from the local Maven
 * repository copied under distinct names) scanned with {@code triage scan --rules component/,app/}
 * against an advisory database imported from the OSV fixtures; prints the wall time of the scan
 * (intake, program model, identification, matching, reachability) as a child process.
 *
 * <p>With {@code --baseline-jar}, a baseline Triage scans the same war against the same database in the same
 * invocation, the two alternating for {@code --repeat} rounds, and the median ratio is printed. The database's hash
 * index is filled by the measured Triage's {@code db update --skip-advisories} from a directory in repository layout
 * ({@code --index-from}, the local Maven repository by default), then padded with synthetic lines to the size a full
 * update from Maven Central gives ({@code --pad-index}, 450,000 jar checksums for 8,000 artifacts by default), so that
 * lookups cost what they cost in the field. A baseline that predates the index ignores it.
 *
 * <pre>
 * java -cp triage-bench/target/triage-bench.jar:triage-cli/target/triage.jar dev.triage.bench.ComponentsBenchmark \
 *     [--jars 360] [--mb 400] [--repo ~/.m2/repository] [--work bench-work] \
 *     [--triage-jar triage-cli/target/triage.jar] [--osv triage-components/src/test/resources/osv] \
 *     [--baseline-jar OLD.jar] [--repeat 3] [--index-from DIR] [--pad-index 450000]
 * </pre>
 */
public final class ComponentsBenchmark {
    private ComponentsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int jars = 360;
        long mb = 400;
        Path repo = Path.of(System.getProperty("user.home"), ".m2", "repository");
        Path work = Path.of("bench-work");
        Path triage = Path.of("triage-cli", "target", "triage.jar");
        Path osv = Path.of("triage-components", "src", "test", "resources", "osv");
        Path baseline = null;
        Path indexFrom = null;
        int repeat = 3;
        int pad = 450_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jars" -> jars = Integer.parseInt(args[++i]);
                case "--mb" -> mb = Long.parseLong(args[++i]);
                case "--repo" -> repo = Path.of(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--triage-jar" -> triage = Path.of(args[++i]);
                case "--osv" -> osv = Path.of(args[++i]);
                case "--baseline-jar" -> baseline = Path.of(args[++i]);
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                case "--index-from" -> indexFrom = Path.of(args[++i]);
                case "--pad-index" -> pad = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: ComponentsBenchmark [--jars N] [--mb MB] [--repo DIR] [--work DIR] [--triage-jar JAR]"
                            + " [--osv DIR] [--baseline-jar JAR] [--repeat N] [--index-from DIR] [--pad-index N]");
                    System.exit(2);
                }
            }
        }
        if (indexFrom == null) indexFrom = repo;
        Files.createDirectories(work);
        Path war = work.resolve("components-" + jars + "-" + mb + "mb.war");
        if (!Files.isRegularFile(war)) build(war, repo, jars, mb << 20);
        Path db = work.resolve("components-db");
        deleteTree(db);
        run(List.of("java", "-jar", triage.toString(), "db", "import", osv.toString(), "--db", db.toString()));
        run(List.of("java", "-jar", triage.toString(), "db", "update", "--skip-advisories", "--repository",
                indexFrom.toAbsolutePath().toUri().toString(), "--db", db.toString()));
        if (pad > 0) pad(db, pad);
        long indexBytes = size(db.resolve("hashes.tsv")) + size(db.resolve("hashes-artifacts.tsv"));

        List<Double> mine = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        for (int r = 0; r < repeat; r++) {
            if (baseline != null) theirs.add(scan(baseline, war, db, work.resolve("components-out-baseline")));
            mine.add(scan(triage, war, db, work.resolve("components-out")));
        }
        double m = median(mine);
        System.out.printf(Locale.ROOT, "components benchmark: %s (%d MB, %d jars): scan wall %.1f s median of %d %s (limit 30 s)%n",
                war.getFileName(), Files.size(war) >> 20, jars, m, repeat, mine);
        System.out.printf(Locale.ROOT, "hash index: %.1f MB on disk (hashes.tsv + hashes-artifacts.tsv)%n", indexBytes / 1e6);
        if (baseline != null) {
            double b = median(theirs);
            System.out.printf(Locale.ROOT, "baseline %s: scan wall %.1f s median %s; ratio %.3f (identification by hash and evidence adds %+.1f%%)%n",
                    baseline.getFileName(), b, theirs, m / b, (m / b - 1) * 100);
        }
    }

    private static double scan(Path jar, Path war, Path db, Path out) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        run(List.of("java", "-Xmx2g", "-jar", jar.toString(), "scan", war.toString(), "--db", db.toString(),
                "--rules", "component/,app/", "-f", "json", "-o", out.toString(), "--sbom", "cyclonedx", "--no-progress", "-q", "--stats"));
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        return s.isEmpty() ? 0 : s.get(s.size() / 2);
    }

    private static long size(Path p) throws IOException {
        return Files.isRegularFile(p) ? Files.size(p) : 0;
    }

    /** Adds synthetic jar checksums and artifacts (deterministic) to the real ones, keeping both files sorted. */
    private static void pad(Path db, int lines) throws IOException {
        Random rnd = new Random(42);
        TreeSet<String> hashes = new TreeSet<>(Files.isRegularFile(db.resolve("hashes.tsv"))
                ? Files.readAllLines(db.resolve("hashes.tsv")) : List.of());
        TreeSet<String> artifacts = new TreeSet<>(Files.isRegularFile(db.resolve("hashes-artifacts.tsv"))
                ? Files.readAllLines(db.resolve("hashes-artifacts.tsv")) : List.of());
        int perArtifact = 56;
        byte[] sha = new byte[20];
        for (int a = 0; a * perArtifact < lines; a++) {
            String ga = "org.synthetic.g" + (a % 900) + ":artifact-" + a;
            StringBuilder versions = new StringBuilder();
            for (int v = 0; v < perArtifact && a * perArtifact + v < lines; v++) {
                rnd.nextBytes(sha);
                String version = (v / 10) + "." + (v % 10) + ".0";
                hashes.add(HexFormat.of().formatHex(sha) + "\t" + ga + ":" + version);
                versions.append(v == 0 ? "" : ",").append(version);
            }
            artifacts.add(ga + "\t20250101000000\t" + versions + "\t");
        }
        Files.write(db.resolve("hashes.tsv"), hashes, StandardCharsets.UTF_8);
        Files.write(db.resolve("hashes-artifacts.tsv"), artifacts, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(x);
        }
    }
    private static void build(Path war, Path repo, int minJars, long minBytes) throws IOException {
        List<Path> pool;
        try (Stream<Path> s = Files.walk(repo)) {
            pool = s.filter(p -> p.toString().endsWith(".jar") && !p.toString().endsWith("-sources.jar")
                    && !p.toString().contains("dev/triage")).sorted().toList();
        }
        if (pool.isEmpty()) throw new IOException("no jars under " + repo);
        Path tmp = war.resolveSibling(war.getFileName() + ".tmp");
        long total = 0;
        int n = 0;
        try (OutputStream fos = Files.newOutputStream(tmp); ZipOutputStream z = new ZipOutputStream(fos)) {
            stored(z, "WEB-INF/classes/com/acme/bench/Main.class", appClass());
            List<Path> order = new ArrayList<>(pool);
            for (int round = 0; n < minJars || total < minBytes; round++) {
                for (Path jar : order) {
                    if (n >= minJars && total >= minBytes) break;
                    byte[] b = Files.readAllBytes(jar);
                    String name = round == 0 ? jar.getFileName().toString() : "copy" + round + "-" + jar.getFileName();
                    stored(z, "WEB-INF/lib/" + name, b);
                    total += b.length;
                    n++;
                }
            }
        }
        Files.move(tmp, war, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("built %s: %d jars, %d MB%n", war, n, total >> 20);
    }

    private static void stored(ZipOutputStream z, String name, byte[] b) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(b.length);
        CRC32 crc = new CRC32();
        crc.update(b);
        e.setCrc(crc.getValue());
        z.putNextEntry(e);
        z.write(b);
        z.closeEntry();
    }

    private static byte[] appClass() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V11, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "com/acme/bench/Main", null, "java/lang/Object", null);
        MethodVisitor m = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "main", "([Ljava/lang/String;)V", null, null);
        m.visitCode();
        m.visitInsn(Opcodes.RETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        int code = p.waitFor();
        if (code != 0) throw new IOException("exit " + code + ": " + String.join(" ", cmd));
    }
}
