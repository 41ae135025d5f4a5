package dev.triage.bench;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * <pre>
 * java -cp triage-bench/target/triage-bench.jar:triage-cli/target/triage.jar dev.triage.bench.ComponentsBenchmark \
 *     [--jars 360] [--mb 400] [--repo ~/.m2/repository] [--work bench-work] \
 *     [--triage-jar triage-cli/target/triage.jar] [--osv triage-components/src/test/resources/osv]
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
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jars" -> jars = Integer.parseInt(args[++i]);
                case "--mb" -> mb = Long.parseLong(args[++i]);
                case "--repo" -> repo = Path.of(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--triage-jar" -> triage = Path.of(args[++i]);
                case "--osv" -> osv = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: ComponentsBenchmark [--jars N] [--mb MB] [--repo DIR] [--work DIR] [--triage-jar JAR] [--osv DIR]");
                    System.exit(2);
                }
            }
        }
        Files.createDirectories(work);
        Path war = work.resolve("components-" + jars + "-" + mb + "mb.war");
        if (!Files.isRegularFile(war)) build(war, repo, jars, mb << 20);
        Path db = work.resolve("components-db");
        run(List.of("java", "-jar", triage.toString(), "db", "import", osv.toString(), "--db", db.toString()), null);
        Path out = work.resolve("components-out");
        long t0 = System.nanoTime();
        run(List.of("java", "-Xmx2g", "-jar", triage.toString(), "scan", war.toString(), "--db", db.toString(),
                "--rules", "component/,app/", "-f", "json", "-o", out.toString(), "--sbom", "cyclonedx", "--no-progress", "-q", "--stats"), null);
        double wall = (System.nanoTime() - t0) / 1e9;
        System.out.printf("components benchmark: %s (%d MB, %d jars): scan wall %.1f s (limit 30 s)%n", war.getFileName(),
                Files.size(war) >> 20, jars, wall);
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

    private static void run(List<String> cmd, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        int code = p.waitFor();
        if (code != 0) throw new IOException("exit " + code + ": " + String.join(" ", cmd));
    }
}
