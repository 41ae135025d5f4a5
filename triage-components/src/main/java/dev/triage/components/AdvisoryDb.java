package dev.triage.components;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The local advisory database: a compact file index, read-only once imported.
 *
 * <h2>Layout</h2>
 * <pre>
 * DB/CURRENT                  name of the live store directory (replaced atomically by an import)
 * DB/store-&lt;millis&gt;-&lt;n&gt;/
 *     meta.properties         format, source, importedAt, advisories, packages, newestModified
 *     packages.tsv            group:artifact TAB offset TAB length (sorted by key)
 *     advisories.dat          per package, a JSON array of {@link Advisory.ForPackage} at that offset
 * DB/metadata.tsv             optional release metadata from maven-metadata.xml ({@link MetadataIndex})
 * </pre>
 *
 * <h2>Why a file index and not an embedded SQL database (H2)</h2>
 * The data is written once per import and then only looked up by one key (group:artifact); a scan
 * asks for a few hundred keys. A sorted key file loaded into a hash map plus one data file read by
 * offset answers that in microseconds, opens in milliseconds, needs no dependency, and is plain
 * enough to inspect with a text editor. H2 would add a 2.5 MB engine whose on-disk format changes
 * between major versions (a database written by one Triage could need migrating by the next), locking
 * and a schema to manage, for no query we need. Swapping a new import in is a single atomic rename of
 * {@code CURRENT}; the previous store stays on disk until the next import succeeds.
 */
public final class AdvisoryDb {
    public static final int FORMAT = 1;
    static final String CURRENT = "CURRENT";
    static final String META = "meta.properties";
    static final String PACKAGES = "packages.tsv";
    static final String DATA = "advisories.dat";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final TypeReference<List<Advisory.ForPackage>> LIST = new TypeReference<>() { };

    private final Path store;
    private final Status status;
    private final Map<String, long[]> index;

    /**
     * What {@code triage db status} shows.
     *
     * @param location        the database directory
     * @param source          URL or file it was imported from
     * @param importedAt      when
     * @param advisories      advisories imported (withdrawn ones not counted)
     * @param packages        distinct group:artifact keys
     * @param newestModified  newest {@code modified} time among the advisories (ISO-8601), or empty
     */
    public record Status(Path location, String source, Instant importedAt, int advisories, int packages,
                         String newestModified) {
        public Duration age(Instant now) {
            return Duration.between(importedAt, now);
        }
    }

    private AdvisoryDb(Path store, Status status, Map<String, long[]> index) {
        this.store = store;
        this.status = status;
        this.index = index;
    }

    /** The default location: {@code $TRIAGE_DB}, else {@code ~/.triage/db}. */
    public static Path defaultLocation() {
        String env = System.getenv("TRIAGE_DB");
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of(System.getProperty("user.home"), ".triage", "db");
    }

    /** Opens the database at {@code dir}; empty when none has been imported there. */
    public static Optional<AdvisoryDb> open(Path dir) throws DbException {
        Path current = dir.resolve(CURRENT);
        if (!Files.isRegularFile(current)) return Optional.empty();
        try {
            String name = Files.readString(current, StandardCharsets.UTF_8).strip();
            if (!name.matches("store-[0-9A-Za-z-]+")) throw new DbException("advisory database at " + dir + " is damaged: bad CURRENT pointer");
            Path store = dir.resolve(name);
            Properties meta = new Properties();
            try (InputStream in = Files.newInputStream(store.resolve(META))) {
                meta.load(in);
            }
            if (!String.valueOf(FORMAT).equals(meta.getProperty("format"))) {
                throw new DbException("advisory database at " + dir + " has format " + meta.getProperty("format")
                        + ", this Triage reads format " + FORMAT + ": run 'triage db update' again");
            }
            Map<String, long[]> index = new HashMap<>();
            try (BufferedReader r = Files.newBufferedReader(store.resolve(PACKAGES), StandardCharsets.UTF_8)) {
                for (String line; (line = r.readLine()) != null; ) {
                    String[] p = line.split("\t");
                    if (p.length != 3) throw new DbException("advisory database at " + dir + " is damaged: bad index line");
                    index.put(p[0], new long[]{Long.parseLong(p[1]), Long.parseLong(p[2])});
                }
            }
            Status s = new Status(dir, meta.getProperty("source", ""), Instant.parse(meta.getProperty("importedAt")),
                    Integer.parseInt(meta.getProperty("advisories", "0")), Integer.parseInt(meta.getProperty("packages", "0")),
                    meta.getProperty("newestModified", ""));
            return Optional.of(new AdvisoryDb(store, s, index));
        } catch (IOException | RuntimeException e) {
            throw new DbException("cannot read the advisory database at " + dir + ": " + e, e);
        }
    }

    public Status status() {
        return status;
    }

    /** Every advisory that names {@code group:artifact}, in id order. */
    public List<Advisory.ForPackage> lookup(String key) throws DbException {
        long[] at = index.get(key);
        if (at == null) return List.of();
        try (FileChannel ch = FileChannel.open(store.resolve(DATA), StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate((int) at[1]);
            long pos = at[0];
            while (buf.hasRemaining()) {
                int n = ch.read(buf, pos + buf.position());
                if (n < 0) throw new IOException("unexpected end of " + DATA);
            }
            return JSON.readValue(buf.array(), LIST);
        } catch (IOException e) {
            throw new DbException("cannot read advisories for " + key + " from " + store + ": " + e.getMessage(), e);
        }
    }

    /** Every group:artifact key in the database. */
    public java.util.Set<String> keys() {
        return java.util.Collections.unmodifiableSet(index.keySet());
    }

    /** Keys (group:artifact) in the database. */
    public int packageCount() {
        return index.size();
    }

    static ObjectMapper json() {
        return JSON;
    }
}
