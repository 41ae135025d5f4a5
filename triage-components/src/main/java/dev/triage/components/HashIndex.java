package dev.triage.components;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The SHA-1 index of Maven Central artifacts that scans identify jars by. Filled by {@code triage db update}
 * ({@link HashIndexUpdater}); read by scans without touching the network.
 *
 * <h2>Layout</h2>
 * <pre>
 * DB/hashes.tsv            sha1 TAB group:artifact:version, one line per published jar, sorted by sha1
 * DB/hashes-artifacts.tsv  group:artifact TAB lastUpdated TAB versions with a jar (comma) TAB versions without one
 * </pre>
 * Both are plain text, inspectable and diffable. A scan maps {@code hashes.tsv} into memory and binary-searches it
 * (a few dozen page reads per scan, whatever its size: nothing is loaded up front); {@code hashes-artifacts.tsv} is
 * read on first use and says which groups exist for an artifact id and which versions of an artifact are published,
 * for identification by evidence when a jar's hash is not in the index.
 */
public final class HashIndex {
    public static final String HASHES = "hashes.tsv";
    public static final String ARTIFACTS = "hashes-artifacts.tsv";
    private static final int SHA1_HEX = 40;

    /** Coordinates of a published jar. */
    public record Gav(String groupId, String artifactId, String version) {
        public String key() {
            return groupId + ":" + artifactId;
        }

        @Override
        public String toString() {
            return groupId + ":" + artifactId + ":" + version;
        }

        static Gav parse(String s) {
            String[] p = s.split(":", -1);
            if (p.length != 3 || p[0].isEmpty() || p[1].isEmpty() || p[2].isEmpty()) return null;
            return new Gav(p[0], p[1], p[2]);
        }
    }

    /**
     * What the index knows of one artifact.
     *
     * @param lastUpdated       the repository's {@code maven-metadata.xml} lastUpdated when it was last indexed
     * @param versionsWithJar   versions whose jar SHA-1 is in the index
     * @param versionsWithoutJar versions published without a jar (poms, wars, relocations)
     */
    public record ArtifactState(String lastUpdated, Set<String> versionsWithJar, Set<String> versionsWithoutJar) {
        boolean knows(String version) {
            return versionsWithJar.contains(version) || versionsWithoutJar.contains(version);
        }
    }

    private final Path dir;
    private final MappedByteBuffer hashes; // null when there is no hash file
    private final long hashBytes;
    private volatile Map<String, ArtifactState> artifacts;
    private volatile Map<String, Set<String>> groupsByArtifact;

    private HashIndex(Path dir, MappedByteBuffer hashes, long hashBytes) {
        this.dir = dir;
        this.hashes = hashes;
        this.hashBytes = hashBytes;
    }

    /** An index that knows nothing (no database, or none filled yet). */
    public static HashIndex empty() {
        HashIndex h = new HashIndex(null, null, 0);
        h.artifacts = Map.of();
        h.groupsByArtifact = Map.of();
        return h;
    }

    /** Opens the index in {@code dbDir}; empty when {@code db update} has not filled one. */
    public static HashIndex open(Path dbDir) throws DbException {
        Path f = dbDir.resolve(HASHES);
        if (!Files.isRegularFile(f)) return empty();
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE) throw new DbException("hash index " + f + " is larger than 2 GiB");
            MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            return new HashIndex(dbDir, map, size);
        } catch (IOException e) {
            throw new DbException("cannot read the hash index " + f + ": " + DbImporter.oneLine(e), e);
        }
    }

    /** True when no jar hash is known. */
    public boolean isEmpty() {
        return hashBytes == 0;
    }

    /** Bytes on disk of both files. */
    public long sizeOnDisk() {
        if (dir == null) return 0;
        long n = 0;
        for (String f : List.of(HASHES, ARTIFACTS)) {
            try {
                n += Files.size(dir.resolve(f));
            } catch (IOException ignored) {
                // absent
            }
        }
        return n;
    }

    /** Every published jar with this SHA-1 (usually one; a relocated artifact can be published twice), sorted. */
    public List<Gav> lookup(String sha1) {
        if (hashes == null || sha1 == null || sha1.length() != SHA1_HEX) return List.of();
        byte[] key = sha1.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        // Binary search over line starts: find the first line whose hash is >= key.
        long lo = 0;
        long hi = hashBytes;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            long start = lineStart(mid);
            if (compare(start, key) < 0) {
                lo = nextLine(start);
                if (lo > hi) lo = hi;
            } else {
                hi = start;
            }
        }
        List<Gav> out = new ArrayList<>();
        for (long at = lo; at < hashBytes && compare(at, key) == 0; at = nextLine(at)) {
            long end = nextLine(at);
            int from = (int) at + SHA1_HEX + 1;
            int to = (int) end - 1;
            if (to > from) {
                byte[] b = new byte[to - from];
                hashes.get(from, b);
                Gav g = Gav.parse(new String(b, StandardCharsets.UTF_8).strip());
                if (g != null) out.add(g);
            }
        }
        return out;
    }

    private long lineStart(long pos) {
        long p = pos;
        while (p > 0 && hashes.get((int) p - 1) != '\n') p--;
        return p;
    }

    private long nextLine(long start) {
        long p = start;
        while (p < hashBytes && hashes.get((int) p) != '\n') p++;
        return p + 1;
    }

    private int compare(long start, byte[] key) {
        for (int i = 0; i < key.length; i++) {
            long at = start + i;
            if (at >= hashBytes) return -1;
            int c = Byte.compare(hashes.get((int) at), key[i]);
            if (c != 0) return c;
        }
        return 0;
    }

    /** Artifacts the index has read from the repository, by group:artifact. */
    public Map<String, ArtifactState> artifacts() {
        Map<String, ArtifactState> a = artifacts;
        if (a == null) {
            synchronized (this) {
                if (artifacts == null) artifacts = readArtifactsLazily(dir);
                a = artifacts;
            }
        }
        return a;
    }

    /** Groups that publish an artifact with this id. */
    public Set<String> groupsOf(String artifactId) {
        Map<String, Set<String>> g = groupsByArtifact;
        if (g == null) {
            synchronized (this) {
                if (groupsByArtifact == null) {
                    Map<String, Set<String>> m = new TreeMap<>();
                    for (String key : artifacts().keySet()) {
                        int c = key.indexOf(':');
                        m.computeIfAbsent(key.substring(c + 1), k -> new TreeSet<>()).add(key.substring(0, c));
                    }
                    groupsByArtifact = m;
                }
                g = groupsByArtifact;
            }
        }
        return g.getOrDefault(artifactId, Set.of());
    }

    /** The artifact's state, if the index has read it. */
    public Optional<ArtifactState> artifact(String groupArtifact) {
        return Optional.ofNullable(artifacts().get(groupArtifact));
    }

    static Map<String, ArtifactState> readArtifacts(Path dbDir) {
        Map<String, ArtifactState> m = new TreeMap<>();
        if (dbDir == null) return m;
        Path f = dbDir.resolve(ARTIFACTS);
        if (!Files.isRegularFile(f)) return m;
        try {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                String[] p = line.split("\t", -1);
                if (p.length != 4 || p[0].indexOf(':') <= 0) continue;
                m.put(p[0], new ArtifactState(p[1], versions(p[2]), versions(p[3])));
            }
        } catch (IOException e) {
            // a damaged artifact list only loses evidence checks; the hash lookups stand on their own
            return Collections.emptyMap();
        }
        return m;
    }

    /**
     * As {@link #readArtifacts(Path)}, for scans: the artifact keys are read, each artifact's version lists only when a
     * jar asks for them (a full index lists some 450,000 versions; a scan needs a few dozen artifacts').
     */
    static Map<String, ArtifactState> readArtifactsLazily(Path dbDir) {
        if (dbDir == null) return Map.of();
        Path f = dbDir.resolve(ARTIFACTS);
        if (!Files.isRegularFile(f)) return Map.of();
        Map<String, String> raw = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab <= 0 || line.indexOf(':') <= 0 || line.indexOf(':') > tab) continue;
                raw.put(line.substring(0, tab), line.substring(tab + 1));
            }
        } catch (IOException e) {
            return Map.of();
        }
        return new java.util.AbstractMap<>() {
            private final Map<String, ArtifactState> parsed = new java.util.concurrent.ConcurrentHashMap<>();

            @Override
            public ArtifactState get(Object key) {
                if (!(key instanceof String k) || !raw.containsKey(k)) return null;
                return parsed.computeIfAbsent(k, x -> {
                    String[] p = raw.get(x).split("\t", -1);
                    return p.length != 3 ? new ArtifactState("", Set.of(), Set.of())
                            : new ArtifactState(p[0], versions(p[1]), versions(p[2]));
                });
            }

            @Override
            public boolean containsKey(Object key) {
                return raw.containsKey(key);
            }

            @Override
            public Set<String> keySet() {
                return Collections.unmodifiableSet(raw.keySet());
            }

            @Override
            public int size() {
                return raw.size();
            }

            @Override
            public Set<Entry<String, ArtifactState>> entrySet() {
                Map<String, ArtifactState> all = new TreeMap<>();
                for (String k : raw.keySet()) all.put(k, get(k));
                return all.entrySet();
            }
        };
    }

    private static Set<String> versions(String csv) {
        if (csv.isEmpty()) return Set.of();
        return Set.copyOf(new java.util.HashSet<>(List.of(csv.split(","))));
    }
}
