package dev.triage.components;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code triage db update}: downloads the OSV Maven archive with {@code java.net.http} into a
 * temporary file beside the database, then hands it to {@link DbImporter}, which checks it and swaps
 * it in. A failed download, a non-200 answer, an archive over the size limit, or an archive the
 * importer refuses leaves the previous database as it was; the temporary file is always removed.
 */
public final class DbUpdater {
    public static final String DEFAULT_URL = "https://osv-vulnerabilities.storage.googleapis.com/Maven/all.zip";
    public static final long MAX_DOWNLOAD = 2L << 30;

    private final HttpClient http;
    private final DbImporter importer;
    private final Duration timeout;

    public DbUpdater(HttpClient http, DbImporter importer, Duration timeout) {
        this.http = http;
        this.importer = importer;
        this.timeout = timeout;
    }

    public static DbUpdater defaults() {
        return new DbUpdater(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build(), new DbImporter(), Duration.ofMinutes(20));
    }

    public AdvisoryDb.Status update(URI url, Path dbDir) throws DbException {
        if (!"https".equalsIgnoreCase(url.getScheme()) && !"http".equalsIgnoreCase(url.getScheme())) {
            throw new DbException("unsupported URL scheme: " + url + " (http or https)");
        }
        Path tmp = null;
        try {
            Files.createDirectories(dbDir);
            tmp = Files.createTempFile(dbDir, "download-", ".zip");
            download(url, tmp);
            return importer.importFrom(tmp, dbDir, url.toString());
        } catch (IOException e) {
            throw new DbException("cannot download " + url + ": " + DbImporter.oneLine(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbException("download of " + url + " interrupted", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // temp file only
                }
            }
        }
    }

    void download(URI url, Path to) throws IOException, InterruptedException, DbException {
        HttpRequest req = HttpRequest.newBuilder(url).timeout(timeout).header("User-Agent", "triage").GET().build();
        HttpResponse<InputStream> resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = resp.body()) {
            if (resp.statusCode() != 200) {
                throw new DbException("cannot download " + url + ": HTTP " + resp.statusCode());
            }
            long declared = resp.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > MAX_DOWNLOAD) throw new DbException("refused: " + url + " is larger than " + MAX_DOWNLOAD + " bytes");
            long total = 0;
            try (OutputStream out = Files.newOutputStream(to)) {
                byte[] buf = new byte[64 * 1024];
                for (int n; (n = in.read(buf)) != -1; ) {
                    total += n;
                    if (total > MAX_DOWNLOAD) throw new DbException("refused: " + url + " is larger than " + MAX_DOWNLOAD + " bytes");
                    out.write(buf, 0, n);
                }
            }
            if (declared >= 0 && total != declared) {
                throw new DbException("refused: download of " + url + " is incomplete (" + total + " of " + declared + " bytes)");
            }
        }
    }
}
