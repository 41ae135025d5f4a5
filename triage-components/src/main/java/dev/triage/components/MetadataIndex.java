package dev.triage.components;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Optional release metadata: for a group:artifact, the newest release and when the artifact's
 * {@code maven-metadata.xml} was last updated (in practice, when that release was published). Kept in
 * {@code DB/metadata.tsv} ({@code group:artifact TAB release TAB lastUpdatedMillis}), refreshed by
 * {@code triage db update --metadata-for ...} from a Maven repository (Maven Central by default, any
 * repository URL for offline mirrors and tests), read by scans without touching the network.
 */
public final class MetadataIndex {
    public static final String FILE = "metadata.tsv";
    public static final String DEFAULT_REPOSITORY = "https://repo1.maven.org/maven2";

    /** Newest release of an artifact and its date (epoch millis, 0 when unknown). */
    public record Release(String version, long date) {
    }

    private final Map<String, Release> releases;

    private MetadataIndex(Map<String, Release> releases) {
        this.releases = releases;
    }

    public static MetadataIndex empty() {
        return new MetadataIndex(new TreeMap<>());
    }

    /** Reads {@code DB/metadata.tsv}; empty when absent. */
    public static MetadataIndex read(Path dbDir) throws DbException {
        Path f = dbDir.resolve(FILE);
        Map<String, Release> m = new TreeMap<>();
        if (!Files.isRegularFile(f)) return new MetadataIndex(m);
        try {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                String[] p = line.split("\t");
                if (p.length == 3 && !p[1].isBlank()) m.put(p[0], new Release(p[1], Long.parseLong(p[2])));
            }
        } catch (IOException | RuntimeException e) {
            throw new DbException("cannot read release metadata " + f + ": " + DbImporter.oneLine(e), e);
        }
        return new MetadataIndex(m);
    }

    public Optional<Release> latest(String key) {
        return Optional.ofNullable(releases.get(key));
    }

    public int size() {
        return releases.size();
    }

    /**
     * Fetches {@code maven-metadata.xml} for each key from {@code repository} and merges the result
     * into {@code DB/metadata.tsv} (written to a temporary file, then renamed over the old one).
     *
     * @return how many keys were refreshed (keys the repository does not know are skipped)
     */
    public static int refresh(HttpClient http, URI repository, Collection<String> keys, Path dbDir) throws DbException {
        MetadataIndex old = read(dbDir);
        Map<String, Release> m = new TreeMap<>(old.releases);
        int refreshed = 0;
        String base = repository.toString().replaceAll("/+$", "");
        for (String key : keys) {
            String[] ga = key.strip().split(":");
            if (ga.length != 2 || !ga[0].matches("[\\w.\\-]+") || !ga[1].matches("[\\w.\\-]+")) {
                throw new DbException("not a group:artifact key: " + key);
            }
            URI url = URI.create(base + "/" + ga[0].replace('.', '/') + "/" + ga[1] + "/maven-metadata.xml");
            try {
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60)).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() == 404) continue;
                if (r.statusCode() != 200) throw new DbException("cannot fetch " + url + ": HTTP " + r.statusCode());
                if (r.body().length > (4 << 20)) throw new DbException("refused: " + url + " is larger than 4 MiB");
                Release rel = parse(r.body());
                if (rel != null) {
                    m.put(ga[0] + ":" + ga[1], rel);
                    refreshed++;
                }
            } catch (IOException e) {
                throw new DbException("cannot fetch " + url + ": " + DbImporter.oneLine(e), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DbException("interrupted", e);
            }
        }
        StringBuilder sb = new StringBuilder();
        m.forEach((k, r) -> sb.append(k).append('\t').append(r.version()).append('\t').append(r.date()).append('\n'));
        try {
            Files.createDirectories(dbDir);
            DbFiles.replace(dbDir, FILE, sb);
        } catch (IOException e) {
            throw new DbException("cannot write " + dbDir.resolve(FILE) + ": " + DbImporter.oneLine(e), e);
        }
        return refreshed;
    }

    /** {@code versioning/release} (else {@code latest}) and {@code versioning/lastUpdated}, hardened parse. */
    static Release parse(byte[] xml) {
        try {
            Document d = HardenedXml.parse(xml);
            String release = first(d.getDocumentElement(), "release");
            if (release.isEmpty()) release = first(d.getDocumentElement(), "latest");
            if (release.isEmpty()) return null;
            String updated = first(d.getDocumentElement(), "lastUpdated");
            long date = 0;
            if (updated.matches("\\d{14}")) {
                date = LocalDateTime.parse(updated, DateTimeFormatter.ofPattern("yyyyMMddHHmmss")).toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            return new Release(release, date);
        } catch (Exception e) {
            return null;
        }
    }

    private static String first(Element root, String tag) {
        NodeList l = root.getElementsByTagName(tag);
        return l.getLength() == 0 ? "" : l.item(0).getTextContent().strip();
    }
}
