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
        return javaWithHeap("1g", args);
    }

    static Run javaWithHeap(String heap, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
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

    /**
     * {@code triage serve} from the packaged jar: the HTTP layer (Javalin, Jetty, the Kotlin runtime, the logging
     * binding) must all be inside it. It starts on a free port of the loopback address, answers the health check and
     * the OpenAPI document, and keeps Flyway's and Jetty's informational logging off the console.
     */
    @Test
    void packagedJarServes() throws Exception {
        Path dir = Files.createTempDirectory("triage-it-serve");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar",
                JAR.toString(), "serve", "--port", "0", "--store", dir.resolve("store").resolve("s").toString(),
                "--data-dir", dir.resolve("data").toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("TRIAGE_ADMIN_PASSWORD", "launcher-test-password");
        Process p = pb.start();
        try {
            java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder printed = new StringBuilder();
            java.util.regex.Pattern listening = java.util.regex.Pattern.compile("Triage server on http://127\\.0\\.0\\.1:(\\d+)/");
            String port = null;
            String line;
            while (port == null && (line = out.readLine()) != null) {
                printed.append(line).append('\n');
                java.util.regex.Matcher m = listening.matcher(line);
                if (m.find()) port = m.group(1);
            }
            assertTrue(port != null, "the server did not start: " + printed);
            assertTrue(printed.toString().contains("created the admin user 'admin'"), printed.toString());
            assertTrue(!printed.toString().contains("INFO"), "no informational logging on the console: " + printed);
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            for (String path : List.of("/api/v1/health", "/openapi.json")) {
                var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), path + ": " + r.body());
            }
        } finally {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
        }
    }

    /**
     * A heap far too small for the scan ends with exit 5 and says so, wherever the heap runs out (in intake, in an
     * analysis worker, in a static initialiser): never 1, which CI reads as "flaws found" (the policy below would
     * fail), never 4, which asks for a bug report.
     */
    @Test
    void exhaustedHeapEndsWithExitFive() throws Exception {
        Path out = Files.createTempDirectory("triage-it-oom");
        for (String heap : List.of("10m", "14m")) {
            Run scan = javaWithHeap(heap, "scan", WAR.toString(), "-f", "json", "-o", out.toString(), "--no-progress",
                    "--fail-on", "high");
            assertEquals(5, scan.exit(), heap + ": " + scan.out());
            assertTrue(scan.out().contains("out of memory"), scan.out());
            assertTrue(!scan.out().contains("internal error"), scan.out());
        }
    }
}
