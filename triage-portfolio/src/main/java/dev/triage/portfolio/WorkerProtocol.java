package dev.triage.portfolio;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.store.ScanRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * What a portfolio scan's parent and its child JVMs say to each other. The child first writes {@code @triage-ready}
 * (after loading what every scan needs, so start-up is not charged to an app's time budget). The parent writes one request per line on the
 * child's standard input ({@code {"path": "...", "reportDir": "..."}}: {@code reportDir}, when given, is an empty folder
 * where the child also writes the scan's reports, as the server keeps them for download); the child scans that artifact and writes one line
 * {@code @triage-result <ScanRecord JSON>} on its standard output, then waits for the next request, and exits at the
 * end of its input. Everything else the child prints goes to standard error, so a library writing to
 * {@code System.out} cannot break the protocol.
 */
public final class WorkerProtocol {
    static final String RESULT_PREFIX = "@triage-result ";
    /** The child's first line, once it can take requests. */
    static final String READY = "@triage-ready";
    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** One request: the artifact, and where to write its reports (null: none). */
    public record Request(String path, String reportDir) {
    }

    /** Scans one artifact; {@code reportDir} is null or the folder its reports go to. */
    @FunctionalInterface
    public interface ArtifactScan {
        ScanRecord scan(Path artifact, Path reportDir);
    }

    private WorkerProtocol() {
    }

    /**
     * The child's loop: reads requests from {@code in} until it ends, scans each with {@code scanner} and answers on
     * {@code out}. A scan that throws is answered as a failed scan ({@code error}), and the loop goes on.
     */
    public static void serve(InputStream in, PrintStream out, String toolVersion, Function<Path, ScanRecord> scanner)
            throws IOException {
        serve(in, out, toolVersion, (artifact, reportDir) -> scanner.apply(artifact));
    }

    /** As {@link #serve(InputStream, PrintStream, String, Function)}, for a scanner that also writes reports. */
    public static void serve(InputStream in, PrintStream out, String toolVersion, ArtifactScan scanner) throws IOException {
        out.println(READY);
        out.flush();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) continue;
            Request request = JSON.readValue(line, Request.class);
            long started = System.currentTimeMillis();
            ScanRecord record;
            try {
                record = scanner.scan(Path.of(request.path()),
                        request.reportDir() == null ? null : Path.of(request.reportDir()));
            } catch (RuntimeException | StackOverflowError e) {
                String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                record = ScanRecord.failed(toolVersion, started, System.currentTimeMillis(), "error", "the scan failed: " + what);
            }
            out.println(RESULT_PREFIX + JSON.writeValueAsString(record));
            out.flush();
            if (out.checkError()) return; // the parent is gone
        }
    }

    static String request(Path path, Path reportDir) throws IOException {
        return JSON.writeValueAsString(new Request(path.toAbsolutePath().toString(),
                reportDir == null ? null : reportDir.toAbsolutePath().toString()));
    }

    static ScanRecord parse(String line) throws IOException {
        return JSON.readValue(line.substring(RESULT_PREFIX.length()), ScanRecord.class);
    }
}
