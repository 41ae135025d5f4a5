package dev.triage.cli;

import dev.triage.contract.TriageVersion;
import dev.triage.server.ServerOptions;
import dev.triage.server.TriageServer;
import dev.triage.store.Store;
import dev.triage.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code triage serve}: the REST API, the scan queue and the dashboard over the store (see docs/server.md). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the Triage server: REST API (/openapi.json), scan queue and dashboard over the store.")
final class ServeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--store", paramLabel = "URL|PATH", description = PortfolioCommand.STORE_HELP)
    String store;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "address to listen on (default 127.0.0.1; serve others through a TLS proxy)")
    String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "port (default 8080; 0: any free port)")
    int port;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "uploads and scan reports (default: $XDG_DATA_HOME/triage/server, else ~/.local/share/triage/server)")
    Path dataDir;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "1", description = "scans at once, each in its own JVM (default 1)")
    int workers;

    @Option(names = "--queue", paramLabel = "N", defaultValue = "100", description = "scans that may wait (default 100)")
    int queue;

    @Option(names = "--max-upload", paramLabel = "MB", defaultValue = "512", description = "largest upload in MiB (default 512)")
    long maxUploadMb;

    @Option(names = "--scan-timeout", paramLabel = "DURATION", defaultValue = "30m", description = "wall time of one scan (default 30m)")
    String scanTimeout;

    @Option(names = "--worker-heap", paramLabel = "SIZE", defaultValue = "2g", description = "heap of each scan worker JVM (default 2g)")
    String workerHeap;

    @Option(names = "--rate-limit", paramLabel = "N", defaultValue = "1200",
            description = "requests per minute per token or session (default 1200)")
    int rateLimit;

    @Option(names = "--upload-limit", paramLabel = "N", defaultValue = "30", description = "uploads per minute per user (default 30)")
    int uploadLimit;

    @Option(names = "--db", paramLabel = "DIR", description = "advisory database the scans read (default $TRIAGE_DB, else ~/.triage/db)")
    Path db;

    @Option(names = "--insecure-cookies", description = "do not mark the session cookie Secure (only for plain HTTP on a trusted network)")
    boolean insecureCookies;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (workers < 1 || queue < 1 || maxUploadMb < 1 || rateLimit < 1 || uploadLimit < 1 || port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--workers, --queue, --max-upload, --rate-limit and --upload-limit must be positive, --port 0-65535");
        }
        if (!workerHeap.matches("\\d+[kKmMgG]?")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "bad --worker-heap '" + workerHeap + "' (e.g. 1g)");
        }
        Duration timeout = ScanCommand.parseDuration(scanTimeout);
        Path data = dataDir != null ? dataDir : defaultDataDir();
        List<String> worker = PortfolioCommand.workerCommand(workerHeap, timeout, db, List.of(), List.of());
        ServerOptions options = new ServerOptions(host, port, data, maxUploadMb * 1024 * 1024, workers, queue, timeout,
                worker, TriageVersion.get(), rateLimit, uploadLimit, System.getenv("TRIAGE_ADMIN_PASSWORD"), !insecureCookies);
        Store s;
        try {
            s = Store.open(store);
        } catch (StoreException e) {
            err.println("triage: " + e.getMessage());
            err.flush();
            return PortfolioCommand.STORE_FAILED;
        }
        PrintStream out = System.out;
        CountDownLatch stopped = new CountDownLatch(1);
        try (s; TriageServer server = new TriageServer(s, options)) {
            server.start(out);
            out.println("Triage server on http://" + host + ":" + server.port() + "/ (store " + s.description()
                    + ", data " + data.toAbsolutePath() + "); API description at /openapi.json");
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }));
            stopped.await();
        }
        return Main.OK;
    }

    static Path defaultDataDir() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("triage").resolve("server");
    }
}
