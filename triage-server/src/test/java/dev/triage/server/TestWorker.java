package dev.triage.server;

import dev.triage.portfolio.WorkerProtocol;
import dev.triage.store.ScanRecord;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A scan worker JVM for the server's tests, speaking the real worker protocol: the "artifact" is a text file whose
 * lines say what the scan finds ({@code finding RULE CWE SEVERITY CLASS LINE}) or does ({@code sleep MILLIS},
 * {@code die}: the JVM halts mid-scan, as a killed worker would). The real scanner is exercised end to end by the
 * CLI module's server test; here the server's queue, store and API are under test, with scans that take
 * milliseconds and fail on demand.
 */
public final class TestWorker {
    public static void main(String[] args) throws IOException {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        WorkerProtocol.serve(System.in, protocol, "test", (artifact, reportDir) -> {
            long started = System.currentTimeMillis();
            List<ScanRecord.StoredFinding> findings = new ArrayList<>();
            try {
                for (String line : Files.readAllLines(artifact, StandardCharsets.UTF_8)) {
                    String[] w = line.strip().split("\\s+");
                    switch (w[0]) {
                        case "finding" -> findings.add(new ScanRecord.StoredFinding(
                                w[1] + ":" + w[4] + ":" + w[5], w[1], Integer.parseInt(w[2]), Integer.parseInt(w[3]), "high",
                                w[4], "handle", "()V", w[4].replace('.', '/') + ".java", Integer.parseInt(w[5]), "app",
                                "untrusted input reaches " + w[1],
                                List.of(new ScanRecord.Step(w[4], "handle", w[4].replace('.', '/') + ".java", 1, "source: request parameter"),
                                        new ScanRecord.Step(w[4], "handle", w[4].replace('.', '/') + ".java", Integer.parseInt(w[5]), "sink")),
                                Map.of()));
                        case "sleep" -> Thread.sleep(Long.parseLong(w[1]));
                        case "die" -> Runtime.getRuntime().halt(137);
                        default -> { }
                    }
                }
                if (reportDir != null) {
                    Files.writeString(reportDir.resolve("triage.sarif"), "{\"version\":\"2.1.0\",\"runs\":[]}");
                    Files.writeString(reportDir.resolve("triage.json"), "{\"findings\":" + findings.size() + "}");
                    Files.writeString(reportDir.resolve("triage.html"), "<!doctype html><title>report</title>");
                    Files.writeString(reportDir.resolve("triage.cdx.json"), "{\"bomFormat\":\"CycloneDX\"}");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new ScanRecord("test", "rules", started, System.currentTimeMillis(), ScanRecord.OK, null, null, 3,
                    1000, null, null, findings, List.of(), List.of(new ScanRecord.StoredComponent("org.example", "lib",
                    "1.0", "pkg:maven/org.example/lib@1.0", "pom", "lib-1.0.jar", "WEB-INF/lib/lib-1.0.jar", "", "", "", null)),
                    List.of(new ScanRecord.StoredAdvisory(0, "GHSA-test-0001", "CVE-2099-0001", List.of("CVE-2099-0001"),
                            "test advisory", 9.8, 5, "1.1", "referenced")));
        });
    }
}
