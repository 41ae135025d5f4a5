package dev.triage.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How {@code triage serve} runs.
 *
 * @param host             address to listen on ({@code 127.0.0.1} by default: put a TLS proxy in front to serve others)
 * @param port             0 picks a free port
 * @param dataDir          uploads and the reports of scans
 * @param maxUploadBytes   larger uploads are refused (413) while streaming, before they fill the disk
 * @param workers          scans at once, each in its own JVM
 * @param queueCapacity    scans that may wait
 * @param scanTimeout      wall time of one scan
 * @param workerCommand    the command that starts a scan worker JVM
 * @param requestsPerMinute per client (token, session or address) before 429
 * @param uploadsPerMinute  per user before 429
 * @param adminPassword    the first admin's password (from the environment), or null to generate one
 * @param secureCookies    mark the session cookie Secure (browsers keep Secure cookies from https and localhost only)
 */
public record ServerOptions(String host, int port, Path dataDir, long maxUploadBytes, int workers, int queueCapacity,
                            Duration scanTimeout, List<String> workerCommand, String toolVersion,
                            int requestsPerMinute, int uploadsPerMinute, String adminPassword, boolean secureCookies) {
    public ServerOptions {
        workerCommand = List.copyOf(workerCommand);
        if (maxUploadBytes < 1) throw new IllegalArgumentException("maxUploadBytes must be positive");
    }
}
