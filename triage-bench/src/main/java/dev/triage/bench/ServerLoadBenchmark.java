package dev.triage.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load on {@code triage serve} (a harness, not a test): starts the server from {@code triage.jar} as a child process
 * on a free port of the loopback address with a fresh store, scans the sample app once so there are findings, then
 * for a fixed time runs N reader clients (each with its own API token, reading finding lists, single findings and
 * apps in a loop) and M uploader clients (each uploading the sample war, following its scan job to the end, and
 * uploading again). Prints read latency percentiles, throughput, errors (any answer other than the expected status),
 * uploads and scans finished, and the server's CPU time and peak RSS. Only 127.0.0.1 is ever contacted; every loop
 * ends at the deadline.
 *
 * <pre>
 * java -cp triage-bench/target/triage-bench.jar dev.triage.bench.ServerLoadBenchmark --readers 50 --uploaders 5 --seconds 60
 * </pre>
 */
public final class ServerLoadBenchmark {
    public static void main(String[] args) throws Exception {
        int readers = 50, uploaders = 5, seconds = 60;
        Path jar = Path.of("triage-cli/target/triage.jar");
        Path war = Path.of("examples/healthcare-portal/target/healthcare-portal.war");
        Path work = Path.of("bench-work");
        String heap = "1g";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--readers" -> readers = Integer.parseInt(args[++i]);
                case "--uploaders" -> uploaders = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--triage-jar" -> jar = Path.of(args[++i]);
                case "--artifact" -> war = Path.of(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--heap" -> heap = args[++i];
                case "--help" -> {
                    System.out.println("options: --readers 50 --uploaders 5 --seconds 60 --triage-jar PATH --artifact WAR --work DIR --heap 1g");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!Files.isRegularFile(jar) || !Files.isRegularFile(war)) {
            System.err.println("build first: ./mvnw -q -DskipTests package (needs " + jar + " and " + war + ")");
            System.exit(2);
        }
        Path dir = Files.createDirectories(work).resolve("server-load-" + System.currentTimeMillis());
        Files.createDirectories(dir);
        String password = "load-harness-admin-password";
        ProcessBuilder pb = new ProcessBuilder("java", "-Xmx" + heap, "-jar", jar.toAbsolutePath().toString(), "serve",
                "--port", "0", "--store", dir.resolve("store").resolve("triage").toString(), "--data-dir", dir.resolve("data").toString(),
                "--workers", "1", "--queue", "1000", "--rate-limit", "1000000", "--upload-limit", "100000", "--insecure-cookies")
                .redirectError(dir.resolve("server.err").toFile());
        pb.environment().put("TRIAGE_ADMIN_PASSWORD", password);
        Process server = pb.start();
        try {
            int port = awaitPort(server);
            String base = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
            String adminToken = firstToken(http, base, password);
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < readers + uploaders; i++) {
                HttpResponse<String> r = http.send(json(base + "/api/v1/tokens", adminToken, "{\"name\":\"load-" + i + "\"}"),
                        HttpResponse.BodyHandlers.ofString());
                tokens.add(field(r.body(), "token"));
            }
            // one scan first: the readers read real findings
            long job = upload(http, base, adminToken, war, "portal");
            awaitJob(http, base, adminToken, job, System.nanoTime() + Duration.ofMinutes(10).toNanos());
            List<Long> flawIds = new ArrayList<>();
            Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(get(http, base + "/api/v1/findings?limit=200", adminToken).body());
            while (m.find()) flawIds.add(Long.parseLong(m.group(1)));
            System.out.printf(Locale.ROOT, "server pid %d on %s; %d findings stored; %d readers, %d uploaders, %d s%n",
                    server.pid(), base, flawIds.size(), readers, uploaders, seconds);

            long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
            AtomicInteger uploads = new AtomicInteger(), scans = new AtomicInteger(), failedScans = new AtomicInteger();
            AtomicLong cpuStart = new AtomicLong(ProcessMeter.readTicks(Path.of("/proc/" + server.pid() + "/stat")));
            CountDownLatch done = new CountDownLatch(readers + uploaders);
            for (int i = 0; i < readers; i++) {
                String token = tokens.get(i);
                int seed = i;
                Thread t = new Thread(() -> {
                    int n = seed;
                    try {
                        while (System.nanoTime() < deadline) {
                            String path = switch (n++ % 4) {
                                case 0 -> "/api/v1/findings?limit=50";
                                case 1 -> "/api/v1/findings?severity=high&status=active";
                                case 2 -> "/api/v1/findings/" + flawIds.get(n % Math.max(1, flawIds.size()));
                                default -> "/api/v1/apps/portal/findings?rule=java/";
                            };
                            long t0 = System.nanoTime();
                            try {
                                HttpResponse<String> r = get(http, base + path, token);
                                latencies.add(System.nanoTime() - t0);
                                if (r.statusCode() != 200) errors.computeIfAbsent("read " + r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                            } catch (IOException e) {
                                errors.computeIfAbsent("read " + e.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        done.countDown();
                    }
                });
                t.start();
            }
            Path artifact = war;
            for (int i = 0; i < uploaders; i++) {
                String token = tokens.get(readers + i);
                Thread t = new Thread(() -> {
                    try {
                        while (System.nanoTime() < deadline) {
                            try {
                                long id = upload(http, base, token, artifact, "portal");
                                uploads.incrementAndGet();
                                String status = awaitJob(http, base, token, id, deadline);
                                if (status.equals("done")) scans.incrementAndGet();
                                else if (status.equals("failed")) failedScans.incrementAndGet();
                            } catch (IOException | IllegalStateException e) {
                                errors.computeIfAbsent("upload " + e.getMessage(), k -> new AtomicInteger()).incrementAndGet();
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        done.countDown();
                    }
                });
                t.start();
            }
            done.await();
            long cpuEnd = ProcessMeter.readTicks(Path.of("/proc/" + server.pid() + "/stat"));
            long hwm = ProcessMeter.readHwm(Path.of("/proc/" + server.pid() + "/status"));
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf(Locale.ROOT, "reads: %d in %d s (%.0f/s); latency ms p50 %.1f, p95 %.1f, p99 %.1f, max %.1f%n",
                    sorted.size(), seconds, sorted.size() / (double) seconds, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                    sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
            System.out.printf(Locale.ROOT, "uploads accepted: %d; scans finished during the run: %d ok, %d failed%n",
                    uploads.get(), scans.get(), failedScans.get());
            int errorCount = errors.values().stream().mapToInt(AtomicInteger::get).sum();
            System.out.println("errors: " + errorCount + (errors.isEmpty() ? "" : " " + errors));
            System.out.printf(Locale.ROOT, "server (parent JVM, scans in worker JVMs not included): CPU %.1f s during the run, peak RSS %.0f MB%n",
                    (cpuEnd - cpuStart.get()) / (double) ProcessMeter.clkTck(), hwm / 1024.0);
        } finally {
            server.descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroy();
            server.waitFor();
        }
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) return 0;
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
    }

    private static int awaitPort(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        Pattern p = Pattern.compile("Triage server on http://127\\.0\\.0\\.1:(\\d+)/");
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the pipe empty
                        }
                    } catch (IOException ignored) {
                        // the server is gone
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
        }
        throw new IOException("the server exited before listening");
    }

    /** Logs in on the dashboard, reads the CSRF token from the token page and makes the admin's first API token. */
    private static String firstToken(HttpClient http, String base, String password) throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=admin&password=" + password)).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow(() -> new IOException("login failed: " + login.statusCode()));
        cookie = cookie.substring(0, cookie.indexOf(';'));
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/tokens")).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page.body());
        if (!m.find()) throw new IOException("no CSRF token on the token page");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens")).header("Cookie", cookie)
                .header("X-CSRF-Token", m.group(1)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"load-admin\"}")).build(), HttpResponse.BodyHandlers.ofString());
        return field(r.body(), "token");
    }

    private static String field(String json, String name) throws IOException {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) throw new IOException("no " + name + " in " + json);
        return m.group(1);
    }

    private static HttpRequest json(String url, String token, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpResponse<String> get(HttpClient http, String url, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long upload(HttpClient http, String base, String token, Path war, String app) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/apps/" + app + "/uploads?name="
                        + war.getFileName())).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofFile(war))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) throw new IllegalStateException(String.valueOf(r.statusCode()));
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(r.body());
        if (!m.find()) throw new IOException("no job id in " + r.body());
        return Long.parseLong(m.group(1));
    }

    /** Follows a job until it ends or the deadline passes; returns its last status. */
    private static String awaitJob(HttpClient http, String base, String token, long job, long deadline) throws IOException, InterruptedException {
        Pattern status = Pattern.compile("\"status\":\"(\\w+)\"");
        String last = "queued";
        while (System.nanoTime() < deadline) {
            Matcher m = status.matcher(get(http, base + "/api/v1/jobs/" + job, token).body());
            if (m.find()) last = m.group(1);
            if (last.equals("done") || last.equals("failed")) return last;
            Thread.sleep(500);
        }
        return last;
    }
}
