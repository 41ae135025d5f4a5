package dev.triage.bench;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * What deciding which nested jars are the app's own costs: a war of 5 first-party jars (3 with the war's Maven group,
 * 2 without Maven metadata in the app's packages, 40 classes each) and the 100 library jars of
 * {@code testapps/legacy-war}, scanned by Triage as it decides by itself and with the right {@code --app-packages},
 * alternating for {@code --repeat} rounds in the same invocation; prints both medians and their ratio.
 *
 * <pre>
 * java -cp triage-bench/target/triage-bench.jar dev.triage.bench.AppSplitBenchmark \
 *     [--triage-jar triage-cli/target/triage.jar] [--libs testapps/legacy-war/target/legacy-war.war] [--repeat 5] [--work bench-work]
 * </pre>
 */
public final class AppSplitBenchmark {
    private AppSplitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path triage = Path.of("triage-cli", "target", "triage.jar");
        Path libs = Path.of("testapps", "legacy-war", "target", "legacy-war.war");
        Path work = Path.of("bench-work");
        int repeat = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--triage-jar" -> triage = Path.of(args[++i]);
                case "--libs" -> libs = Path.of(args[++i]);
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: AppSplitBenchmark [--triage-jar JAR] [--libs WAR] [--repeat N] [--work DIR]");
                    System.exit(2);
                }
            }
        }
        Files.createDirectories(work);
        Path war = work.resolve("app-split.war");
        build(war, libs);
        List<Double> auto = new ArrayList<>();
        List<Double> named = new ArrayList<>();
        for (int r = 0; r < repeat; r++) {
            auto.add(scan(triage, war, work.resolve("app-split-auto"), List.of()));
            named.add(scan(triage, war, work.resolve("app-split-named"), List.of("--app-packages", "com.acme.clinic")));
        }
        double a = median(auto);
        double n = median(named);
        System.out.printf(Locale.ROOT, "app split benchmark: %s (5 first-party jars, 100 libraries)%n", war);
        System.out.printf(Locale.ROOT, "  deciding by itself:   median %.2f s %s%n", a, auto);
        System.out.printf(Locale.ROOT, "  --app-packages given: median %.2f s %s%n", n, named);
        System.out.printf(Locale.ROOT, "  ratio %.3f (%+.1f%%; target within 5%%)%n", a / n, (a / n - 1) * 100);
    }

    private static double scan(Path triage, Path war, Path out, List<String> extra) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("java", "-Xmx2g", "-jar", triage.toString(), "scan", war.toString(),
                "-f", "json", "-o", out.toString(), "--no-progress", "-q", "--db", out.resolveSibling("app-split-nodb").toString()));
        cmd.addAll(extra);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int code = p.waitFor();
        if (code > 1) throw new IOException("exit " + code + ": " + String.join(" ", cmd));
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    private static void build(Path war, Path libs) throws IOException {
        Map<String, byte[]> e = new TreeMap<>();
        e.put("META-INF/maven/com.acme.clinic/clinic-war/pom.properties", pom("clinic-war"));
        e.put("WEB-INF/classes/com/acme/clinic/web/Start.class", cls("com/acme/clinic/web/Start"));
        for (String m : List.of("api", "service", "persistence", "reports", "hl7")) {
            Map<String, byte[]> j = new TreeMap<>();
            boolean metadata = !m.equals("reports") && !m.equals("hl7");
            if (metadata) j.put("META-INF/maven/com.acme.clinic/clinic-" + m + "/pom.properties", pom("clinic-" + m));
            for (int c = 0; c < 40; c++) j.put("com/acme/clinic/" + m + "/C" + c + ".class", cls("com/acme/clinic/" + m + "/C" + c));
            e.put("WEB-INF/lib/clinic-" + m + (metadata ? "-3.1" : "") + ".jar", zip(j));
        }
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(libs))) {
            for (ZipEntry x; (x = z.getNextEntry()) != null; ) {
                if (x.getName().startsWith("WEB-INF/lib/") && x.getName().endsWith(".jar")) e.put(x.getName(), z.readAllBytes());
            }
        }
        try (OutputStream o = Files.newOutputStream(war)) {
            o.write(zip(e));
        }
    }

    private static byte[] pom(String artifact) {
        return ("groupId=com.acme.clinic\nartifactId=" + artifact + "\nversion=3.1\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bos)) {
            for (Map.Entry<String, byte[]> x : entries.entrySet()) {
                ZipEntry ze = new ZipEntry(x.getKey());
                ze.setTime(1_700_000_000_000L);
                z.putNextEntry(ze);
                z.write(x.getValue());
                z.closeEntry();
            }
        }
        return bos.toByteArray();
    }

    /** A small class with a method that builds a string (something for the analyses to walk). */
    private static byte[] cls(String name) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V11, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, name, null, "java/lang/Object", null);
        MethodVisitor m = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "describe", "(Ljava/lang/String;)Ljava/lang/String;", null, null);
        m.visitCode();
        m.visitLdcInsn("record ");
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/String", "concat", "(Ljava/lang/String;)Ljava/lang/String;", false);
        m.visitInsn(Opcodes.ARETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
