package dev.triage.components;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the {@link HashIndex}: for each group:artifact, the versions a Maven repository lists in its
 * {@code maven-metadata.xml} and, for each version not yet indexed, the SHA-1 it publishes beside the jar
 * ({@code <artifact>-<version>.jar.sha1}).
 *
 * <h2>Why per-artifact checksums and not Maven Central's repository index</h2>
 * Central's Lucene index (read with Maven Indexer) covers every artifact, but it is a multi-gigabyte download
 * whose full unpacking takes longer than the scans it serves, and its SHA-1s for the few thousand artifacts
 * that matter (those the advisories name, and the libraries most apps ship) are exactly the {@code .jar.sha1}
 * files fetched here. Per-artifact fetching is incremental for free: an artifact whose {@code lastUpdated} has
 * not changed costs one small request, and only versions never seen are fetched. It works unchanged against any
 * mirror (Nexus, Artifactory, a directory in repository layout), which is what offline sites have.
 *
 * <p>Everything fetched is checked: keys and versions must be plain Maven names (no path tricks), metadata is
 * parsed with DOCTYPEs refused, checksum files must hold a 40-digit hex SHA-1. A version whose checksum cannot
 * be fetched (an error, not a 404) is left out and tried again by the next update.
 */
public final class HashIndexUpdater {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]+");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9_.+\\-]{1,100}");
    private static final Pattern SHA1 = Pattern.compile("(?<![0-9a-fA-F])([0-9a-fA-F]{40})(?![0-9a-fA-F])");
    static final int MAX_METADATA_BYTES = 4 << 20;
    static final int MAX_VERSIONS = 20_000;

    /**
     * What an update did.
     *
     * @param artifacts   artifacts the repository knows (of those asked for)
     * @param unchanged   artifacts whose metadata had not changed since the last update
     * @param newJars     jar hashes added
     * @param withoutJar  versions found to have no jar
     * @param failures    requests that failed (their versions are tried again next time)
     * @param hashes      jar hashes in the index now
     * @param firstFailure one failure message, empty when none
     */
    public record Stats(int artifacts, int unchanged, int newJars, int withoutJar, int failures, int hashes,
                        String firstFailure) {
    }

    private final HttpClient http;
    private final int parallel;
    private final Duration timeout;

    public HashIndexUpdater(HttpClient http, int parallel, Duration timeout) {
        this.http = http;
        this.parallel = Math.max(1, parallel);
        this.timeout = timeout;
    }

    public static HashIndexUpdater defaults() {
        return new HashIndexUpdater(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build(), 16, Duration.ofSeconds(60));
    }

    /**
     * Brings the index in {@code dbDir} up to date for {@code keys} (group:artifact) from {@code repository}
     * (an http(s) URL, or a {@code file:} URL of a directory in Maven repository layout).
     *
     * @param progress receives a line now and then (may be null)
     */
    public Stats update(URI repository, Collection<String> keys, Path dbDir, Consumer<String> progress) throws DbException {
        Repository repo = Repository.of(repository, http, timeout);
        Set<String> wanted = new TreeSet<>();
        for (String k : keys) {
            String[] ga = k.strip().split(":");
            if (ga.length != 2 || !NAME.matcher(ga[0]).matches() || !NAME.matcher(ga[1]).matches()) {
                throw new DbException("not a group:artifact key: " + DbImporter.printable(k));
            }
            wanted.add(ga[0] + ":" + ga[1]);
        }
        Map<String, HashIndex.ArtifactState> old = HashIndex.readArtifacts(dbDir);
        Map<String, HashIndex.ArtifactState> next = new ConcurrentHashMap<>(old);
        Map<String, String> newLines = new ConcurrentHashMap<>();
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger known = new AtomicInteger();
        AtomicInteger unchanged = new AtomicInteger();
        AtomicInteger noJar = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        String[] firstFailure = {""};
        Consumer<String> fail = m -> {
            failures.incrementAndGet();
            synchronized (firstFailure) {
                if (firstFailure[0].isEmpty()) firstFailure[0] = m;
            }
        };

        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "triage-hash-index");
            t.setDaemon(true);
            return t;
        });
        try {
            // 1. metadata: which versions exist, and whether anything changed since the last update
            record Todo(String key, String version) {
            }
            List<Todo> todo = java.util.Collections.synchronizedList(new ArrayList<>());
            Map<String, String> lastUpdated = new ConcurrentHashMap<>();
            Map<String, Set<String>> listed = new ConcurrentHashMap<>();
            List<Future<?>> meta = new ArrayList<>();
            for (String key : wanted) {
                meta.add(pool.submit(() -> {
                    String[] ga = key.split(":");
                    String base = ga[0].replace('.', '/') + "/" + ga[1];
                    try {
                        Repository.Listing l = repo.versions(base);
                        if (l == null) return; // the repository does not have it
                        known.incrementAndGet();
                        HashIndex.ArtifactState before = old.get(key);
                        if (before != null && !l.lastUpdated().isEmpty() && l.lastUpdated().equals(before.lastUpdated())) {
                            unchanged.incrementAndGet();
                            return;
                        }
                        lastUpdated.put(key, l.lastUpdated());
                        listed.put(key, l.versions());
                        for (String v : l.versions()) {
                            if (before == null || !before.knows(v)) todo.add(new Todo(key, v));
                        }
                    } catch (IOException | DbException e) {
                        fail.accept(key + ": " + DbImporter.oneLine(e));
                    }
                }));
            }
            waitAll(meta);
            if (known.get() == 0 && failures.get() > 0) {
                throw new DbException("cannot read artifact metadata from " + repository + ": " + firstFailure[0]);
            }
            if (progress != null) {
                progress.accept(known.get() + " artifacts listed (" + unchanged.get() + " unchanged); fetching "
                        + todo.size() + " checksums");
            }

            // 2. checksums of the versions not indexed yet
            Map<String, Set<String>> withJar = new ConcurrentHashMap<>();
            Map<String, Set<String>> withoutJar = new ConcurrentHashMap<>();
            Set<String> failedKeys = ConcurrentHashMap.newKeySet();
            List<Future<?>> sums = new ArrayList<>();
            List<Todo> ordered = new ArrayList<>(todo);
            ordered.sort(java.util.Comparator.comparing(Todo::key).thenComparing(Todo::version));
            for (Todo t : ordered) {
                sums.add(pool.submit(() -> {
                    String[] ga = t.key().split(":");
                    String file = ga[0].replace('.', '/') + "/" + ga[1] + "/" + t.version() + "/" + ga[1] + "-" + t.version() + ".jar";
                    try {
                        String sha1 = repo.sha1(file);
                        if (sha1 == null) {
                            withoutJar.computeIfAbsent(t.key(), k -> ConcurrentHashMap.newKeySet()).add(t.version());
                            noJar.incrementAndGet();
                        } else {
                            withJar.computeIfAbsent(t.key(), k -> ConcurrentHashMap.newKeySet()).add(t.version());
                            newLines.put(sha1 + "\t" + t.key() + ":" + t.version(), "");
                        }
                    } catch (IOException | DbException e) {
                        failedKeys.add(t.key());
                        fail.accept(file + ".sha1: " + DbImporter.oneLine(e));
                    }
                    int n = done.incrementAndGet();
                    if (progress != null && n % 5000 == 0) progress.accept(n + " of " + ordered.size() + " checksums");
                }));
            }
            waitAll(sums);

            for (Map.Entry<String, Set<String>> e : listed.entrySet()) {
                String key = e.getKey();
                HashIndex.ArtifactState before = old.get(key);
                Set<String> yes = new TreeSet<>(before == null ? Set.of() : before.versionsWithJar());
                Set<String> no = new TreeSet<>(before == null ? Set.of() : before.versionsWithoutJar());
                yes.addAll(withJar.getOrDefault(key, Set.of()));
                no.addAll(withoutJar.getOrDefault(key, Set.of()));
                // An artifact with a failed checksum keeps its old lastUpdated, so the next update looks again.
                String stamp = failedKeys.contains(key) ? (before == null ? "" : before.lastUpdated()) : lastUpdated.get(key);
                next.put(key, new HashIndex.ArtifactState(stamp, yes, no));
            }
            int total = write(dbDir, newLines.keySet(), next);
            return new Stats(known.get(), unchanged.get(), newLines.size(), noJar.get(), failures.get(), total, firstFailure[0]);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * For each jar, asks the repository for the SHA-1 it publishes under each proposal, strongest first, and stops at
     * the first that equals the jar's own: only then are the coordinates confirmed. A proposal that is not published
     * (404) or publishes another SHA-1 is passed over — a group is never taken on the evidence alone. Jars are asked
     * in parallel, each jar's proposals in order, so the answer does not depend on timing. At most
     * {@link UnindexedJars#MAX_REQUESTS_PER_JAR} requests per jar (the proposals are bounded when made).
     *
     * @return one result per jar, in the jars' order
     */
    public List<UnindexedJars.Result> confirm(URI repository, List<UnindexedJars.Jar> jars) throws DbException {
        Repository repo = Repository.of(repository, http, timeout);
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "triage-hash-confirm");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<UnindexedJars.Result>> futures = new ArrayList<>();
            for (UnindexedJars.Jar jar : jars) {
                futures.add(pool.submit(() -> {
                    int requests = 0;
                    String problem = "";
                    for (UnindexedJars.Coordinates c : jar.candidates()) {
                        if (requests >= UnindexedJars.MAX_REQUESTS_PER_JAR) break;
                        requests++;
                        try {
                            String published = repo.sha1(c.jarPath());
                            if (published != null && published.equalsIgnoreCase(jar.sha1())) {
                                return new UnindexedJars.Result(jar, c, requests, problem);
                            }
                        } catch (IOException | DbException e) {
                            if (problem.isEmpty()) problem = c.jarPath() + ".sha1: " + DbImporter.oneLine(e);
                        }
                    }
                    return new UnindexedJars.Result(jar, null, requests, problem);
                }));
            }
            List<UnindexedJars.Result> out = new ArrayList<>();
            for (Future<UnindexedJars.Result> f : futures) {
                try {
                    out.add(f.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DbException("interrupted", e);
                } catch (ExecutionException e) {
                    throw new DbException("checksum confirmation failed: " + DbImporter.oneLine(e.getCause()), e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void waitAll(List<Future<?>> futures) throws DbException {
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DbException("interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof DbException d) throw d;
                throw new DbException("hash index update failed: " + DbImporter.oneLine(e.getCause()), e.getCause());
            }
        }
    }

    /** Merges the new lines into {@code hashes.tsv}, then writes the artifact states; returns the line count. */
    private static int write(Path dbDir, Collection<String> added, Map<String, HashIndex.ArtifactState> states) throws DbException {
        try {
            Files.createDirectories(dbDir);
            TreeSet<String> lines = new TreeSet<>(added);
            Path hashes = dbDir.resolve(HashIndex.HASHES);
            if (Files.isRegularFile(hashes)) {
                try (var r = Files.newBufferedReader(hashes, StandardCharsets.UTF_8)) {
                    for (String line; (line = r.readLine()) != null; ) {
                        if (line.length() > 41 && line.charAt(40) == '\t') lines.add(line);
                    }
                }
            }
            // hashes first: a crash before the artifact states are written only makes the next update refetch
            DbFiles.replace(dbDir, HashIndex.HASHES, String.join("\n", lines) + (lines.isEmpty() ? "" : "\n"));
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<String, HashIndex.ArtifactState> e : new TreeMap<>(states).entrySet()) {
                HashIndex.ArtifactState s = e.getValue();
                sb.append(e.getKey()).append('\t').append(s.lastUpdated()).append('\t')
                        .append(String.join(",", new TreeSet<>(s.versionsWithJar()))).append('\t')
                        .append(String.join(",", new TreeSet<>(s.versionsWithoutJar()))).append('\n');
            }
            DbFiles.replace(dbDir, HashIndex.ARTIFACTS, sb.toString());
            return lines.size();
        } catch (IOException e) {
            throw new DbException("cannot write the hash index in " + dbDir + ": " + DbImporter.oneLine(e), e);
        }
    }

    /** A Maven repository read over HTTP(S) or from a directory. */
    private interface Repository {
        record Listing(String lastUpdated, Set<String> versions) {
        }

        /** Versions of the artifact at {@code base} (group path/artifact), or null when the repository has none. */
        Listing versions(String base) throws IOException, DbException;

        /** The SHA-1 of the file at {@code path}, or null when there is no such file. */
        String sha1(String path) throws IOException, DbException;

        static Repository of(URI uri, HttpClient http, Duration timeout) throws DbException {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("file")) return new DirectoryRepository(Path.of(uri));
            if (scheme.equals("http") || scheme.equals("https")) return new HttpRepository(uri, http, timeout);
            throw new DbException("unsupported repository URL: " + uri + " (http, https or file)");
        }
    }

    private record HttpRepository(String base, HttpClient http, Duration timeout) implements Repository {
        HttpRepository(URI uri, HttpClient http, Duration timeout) {
            this(uri.toString().replaceAll("/+$", ""), http, timeout);
        }

        private byte[] get(String path, int max) throws IOException, DbException {
            URI url = URI.create(base + "/" + path);
            HttpRequest req = HttpRequest.newBuilder(url).timeout(timeout).header("User-Agent", "triage").GET().build();
            HttpResponse<InputStream> r;
            try {
                r = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DbException("interrupted", e);
            }
            try (InputStream in = r.body()) {
                if (r.statusCode() == 404 || r.statusCode() == 410) return null;
                if (r.statusCode() != 200) throw new DbException("HTTP " + r.statusCode() + " for " + url);
                byte[] b = in.readNBytes(max + 1);
                if (b.length > max) throw new DbException("refused: " + url + " is larger than " + max + " bytes");
                return b;
            }
        }

        @Override
        public Listing versions(String artifactBase) throws IOException, DbException {
            byte[] xml = get(artifactBase + "/maven-metadata.xml", MAX_METADATA_BYTES);
            if (xml == null) return null;
            Listing l = parseMetadata(xml);
            if (l == null) throw new DbException("unreadable maven-metadata.xml for " + artifactBase);
            return l;
        }

        @Override
        public String sha1(String path) throws IOException, DbException {
            byte[] b = get(path + ".sha1", 1024);
            if (b == null) return null;
            return parseSha1(b, path);
        }
    }

    /** A directory in Maven repository layout: a mirror, or a local repository ({@code ~/.m2/repository}). */
    private record DirectoryRepository(Path root) implements Repository {
        @Override
        public Listing versions(String artifactBase) throws IOException, DbException {
            Path dir = root.resolve(artifactBase);
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return null;
            Path meta = dir.resolve("maven-metadata.xml");
            Set<String> versions = new TreeSet<>();
            String stamp = "";
            if (Files.isRegularFile(meta) && Files.size(meta) <= MAX_METADATA_BYTES) {
                Listing l = parseMetadata(Files.readAllBytes(meta));
                if (l != null) {
                    versions.addAll(l.versions());
                    stamp = l.lastUpdated();
                }
            }
            // A local repository has no maven-metadata.xml: its version directories are the listing.
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                for (Path p : ds) {
                    String v = p.getFileName().toString();
                    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && usableVersion(v)) versions.add(v);
                }
            }
            if (versions.size() > MAX_VERSIONS) throw new DbException("refused: more than " + MAX_VERSIONS + " versions of " + artifactBase);
            // no stamp for a directory listing: an unchanged version set is cheap to check again
            return new Listing(stamp.isEmpty() ? "" : stamp + "/" + versions.size(), versions);
        }

        @Override
        public String sha1(String path) throws IOException, DbException {
            Path jar = root.resolve(path);
            Path sum = root.resolve(path + ".sha1");
            if (Files.isRegularFile(sum, LinkOption.NOFOLLOW_LINKS) && Files.size(sum) <= 1024) {
                return parseSha1(Files.readAllBytes(sum), path);
            }
            if (!Files.isRegularFile(jar, LinkOption.NOFOLLOW_LINKS)) return null;
            try (InputStream in = Files.newInputStream(jar)) {
                MessageDigest md = MessageDigest.getInstance("SHA-1");
                byte[] buf = new byte[64 * 1024];
                for (int n; (n = in.read(buf)) != -1; ) md.update(buf, 0, n);
                return HexFormat.of().formatHex(md.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static String parseSha1(byte[] body, String path) throws DbException {
        Matcher m = SHA1.matcher(new String(body, StandardCharsets.ISO_8859_1));
        if (!m.find()) throw new DbException("refused: " + path + ".sha1 holds no SHA-1");
        return m.group(1).toLowerCase(Locale.ROOT);
    }

    static boolean usableVersion(String v) {
        return VERSION.matcher(v).matches() && !v.contains("..") && !v.endsWith("-SNAPSHOT");
    }

    /** Versions and lastUpdated of a {@code maven-metadata.xml} (DOCTYPEs refused); null when unreadable. */
    static Repository.Listing parseMetadata(byte[] xml) {
        try {
            Document d = HardenedXml.parse(xml);
            Element root = d.getDocumentElement();
            Set<String> versions = new LinkedHashSet<>();
            NodeList l = root.getElementsByTagName("version");
            for (int i = 0; i < l.getLength() && versions.size() <= MAX_VERSIONS; i++) {
                // <version> under <versions> only (the top-level one names a single version)
                if (!"versions".equals(l.item(i).getParentNode().getNodeName())) continue;
                String v = l.item(i).getTextContent().strip();
                if (usableVersion(v)) versions.add(v);
            }
            if (versions.size() > MAX_VERSIONS) return null;
            NodeList u = root.getElementsByTagName("lastUpdated");
            String stamp = u.getLength() == 0 ? "" : u.item(0).getTextContent().strip();
            if (!stamp.matches("\\d{0,20}")) stamp = "";
            return new Repository.Listing(stamp, versions);
        } catch (Exception e) {
            return null;
        }
    }
}
