package dev.triage.cli.e2e;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged triage.jar, run in its own JVM as the README runs it: everything it needs must be
 * inside it (a dependency that only the tests' class path has would pass every unit test and fail here).
 */
class LauncherIT {
    static final Path JAR = Path.of("target", "triage.jar");
    static final Path WAR = Path.of("..", "examples", "healthcare-portal", "target", "healthcare-portal.war");

    record Run(int exit, String out) {
    }

    static Run java(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx1g");
        cmd.add("-jar");
        cmd.add(JAR.toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "triage.jar did not finish");
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void packagedJarScansTheSampleApp() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "package first: " + JAR.toAbsolutePath());
        Run version = java("--version");
        assertEquals(0, version.exit(), version.out());
        Run rules = java("rules");
        assertEquals(0, rules.exit(), rules.out());
        assertTrue(rules.out().contains("java/sql-injection"), rules.out());
        Path out = Files.createTempDirectory("triage-it");
        Run scan = java("scan", WAR.toString(), "--source-root", "../examples/healthcare-portal/src/main/java",
                "-f", "console,sarif,json,html", "-o", out.toString(), "--no-progress");
        assertEquals(0, scan.exit(), scan.out());
        assertTrue(scan.out().contains("Triage: ") && scan.out().contains("java/sql-injection"), scan.out());
        for (String f : List.of("triage.sarif", "triage.json", "triage.html")) assertTrue(Files.size(out.resolve(f)) > 0, f);
        Run gate = java("scan", WAR.toString(), "-q", "--fail-on", "high");
        assertEquals(1, gate.exit(), gate.out());
    }
}
