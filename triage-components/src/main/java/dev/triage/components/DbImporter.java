package dev.triage.components;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Imports OSV advisories (a zip such as OSV's {@code Maven/all.zip}, or a directory of {@code .json}
 * files) into a new store beside the live one, then swaps it in by atomically replacing the
 * {@code CURRENT} pointer. Any failure — an unreadable or truncated archive, an entry with an unsafe
 * name (zip-slip), an entry or archive over the limits, a {@code .json} entry that is not an OSV
 * record, no advisory at all — refuses the whole import with one clear message, removes the partial
 * store and leaves the previous database untouched.
 *
 * <p>Nothing is ever extracted: entries are read in memory, bounded on the bytes actually inflated.
 */
public final class DbImporter {
    /**
     * Bounds on what an import reads.
     *
     * @param maxEntries    entries in the archive or files in the directory
     * @param maxEntryBytes bytes of one advisory document
     * @param maxTotalBytes uncompressed bytes over the whole import
     * @param maxRatio      uncompressed/compressed ratio of one entry (beyond 1 MiB)
     */
    public record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes, int maxRatio) {
        public static final Limits DEFAULTS = new Limits(400_000, 8L << 20, 4L << 30, 200);
    }

    private final Limits limits;

    public DbImporter(Limits limits) {
        this.limits = limits;
    }

    public DbImporter() {
        this(Limits.DEFAULTS);
    }

    /** Imports from a zip file or a directory and makes it the live database at {@code dbDir}. */
    public AdvisoryDb.Status importFrom(Path source, Path dbDir, String sourceLabel) throws DbException {
        Map<String, List<Advisory.ForPackage>> byKey = new TreeMap<>();
        int[] advisories = {0};
        String[] newest = {""};
        Collector collect = (name, bytes) -> {
            JsonNode doc;
            try {
                doc = AdvisoryDb.json().readTree(bytes);
                Map<String, Advisory.ForPackage> parsed = OsvParser.parse(doc);
                if (!parsed.isEmpty()) advisories[0]++;
                parsed.forEach((k, v) -> byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
                String mod = doc.path("modified").asText("");
                if (mod.compareTo(newest[0]) > 0) newest[0] = mod;
            } catch (IOException | RuntimeException e) {
                throw new DbException("refused: entry " + printable(name) + " is not a readable OSV record ("
                        + oneLine(e) + ")");
            }
        };
        if (Files.isDirectory(source)) {
            readDirectory(source, collect);
        } else if (Files.isRegularFile(source)) {
            readZip(source, collect);
        } else {
            throw new DbException("no such file or directory: " + source);
        }
        if (advisories[0] == 0) throw new DbException("refused: " + source + " holds no Maven advisory in OSV format");
        return write(dbDir, byKey, advisories[0], newest[0], sourceLabel);
    }

    @FunctionalInterface
    private interface Collector {
        void accept(String name, byte[] bytes) throws DbException;
    }

    private void readZip(Path file, Collector collect) throws DbException {
        long total = 0;
        int count = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> en = zip.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                if (++count > limits.maxEntries()) {
                    throw new DbException("refused: more than " + limits.maxEntries() + " entries in " + file);
                }
                String unsafe = unsafeReason(e.getName());
                if (unsafe != null) {
                    throw new DbException("refused: unsafe entry name '" + printable(e.getName()) + "' in " + file
                            + " (" + unsafe + "; zip-slip)");
                }
                if (e.isDirectory() || !e.getName().endsWith(".json")) continue;
                byte[] bytes;
                try (InputStream in = zip.getInputStream(e)) {
                    bytes = readBounded(in, e.getName(), e.getMethod() == ZipEntry.STORED ? -1 : e.getCompressedSize());
                }
                total += bytes.length;
                if (total > limits.maxTotalBytes()) {
                    throw new DbException("refused: more than " + limits.maxTotalBytes() + " uncompressed bytes in " + file);
                }
                collect.accept(e.getName(), bytes);
            }
        } catch (ZipException e) {
            throw new DbException("refused: " + file + " is not a readable zip archive (truncated or corrupt download?): "
                    + oneLine(e), e);
        } catch (IOException e) {
            throw new DbException("refused: cannot read " + file + " (truncated or corrupt archive?): " + oneLine(e), e);
        } catch (UncheckedIOException e) {
            throw new DbException("refused: cannot read " + file + ": " + oneLine(e), e);
        }
    }

    private void readDirectory(Path dir, Collector collect) throws DbException {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && f.getFileName().toString().endsWith(".json")) files.add(f);
                    return files.size() > limits.maxEntries() ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new DbException("cannot list " + dir + ": " + oneLine(e), e);
        }
        if (files.size() > limits.maxEntries()) throw new DbException("refused: more than " + limits.maxEntries() + " files in " + dir);
        files.sort(null);
        long total = 0;
        for (Path f : files) {
            if (Files.isSymbolicLink(f)) continue;
            byte[] bytes;
            try (InputStream in = Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS)) {
                bytes = readBounded(in, dir.relativize(f).toString(), -1);
            } catch (IOException e) {
                throw new DbException("cannot read " + f + ": " + oneLine(e), e);
            }
            total += bytes.length;
            if (total > limits.maxTotalBytes()) throw new DbException("refused: more than " + limits.maxTotalBytes() + " bytes in " + dir);
            collect.accept(dir.relativize(f).toString(), bytes);
        }
    }

    private byte[] readBounded(InputStream in, String name, long compressed) throws IOException, DbException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buf)) != -1; ) {
            total += n;
            if (total > limits.maxEntryBytes()) {
                throw new DbException("refused: entry " + printable(name) + " is larger than " + limits.maxEntryBytes() + " bytes");
            }
            if (compressed > 0 && total > (1 << 20) && total / compressed > limits.maxRatio()) {
                throw new DbException("refused: entry " + printable(name) + " inflates more than " + limits.maxRatio() + ":1 (zip bomb?)");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static AdvisoryDb.Status write(Path dbDir, Map<String, List<Advisory.ForPackage>> byKey, int advisories,
                                           String newest, String source) throws DbException {
        Instant now = Instant.now();
        Path store = null;
        try {
            Files.createDirectories(dbDir);
            String name = "store-" + now.toEpochMilli() + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt() & 0x7fffffff);
            store = dbDir.resolve(name);
            Files.createDirectory(store);
            StringBuilder index = new StringBuilder();
            try (OutputStream data = Files.newOutputStream(store.resolve(AdvisoryDb.DATA))) {
                long offset = 0;
                for (Map.Entry<String, List<Advisory.ForPackage>> e : byKey.entrySet()) {
                    List<Advisory.ForPackage> list = new ArrayList<>(e.getValue());
                    list.sort(java.util.Comparator.comparing(f -> f.advisory().id()));
                    byte[] bytes = AdvisoryDb.json().writeValueAsBytes(list);
                    data.write(bytes);
                    index.append(e.getKey().replace('\t', ' ').replace('\n', ' ')).append('\t').append(offset).append('\t')
                            .append(bytes.length).append('\n');
                    offset += bytes.length;
                }
            }
            Files.writeString(store.resolve(AdvisoryDb.PACKAGES), index, StandardCharsets.UTF_8);
            Properties meta = new Properties();
            meta.setProperty("format", String.valueOf(AdvisoryDb.FORMAT));
            meta.setProperty("source", source);
            meta.setProperty("importedAt", now.toString());
            meta.setProperty("advisories", String.valueOf(advisories));
            meta.setProperty("packages", String.valueOf(byKey.size()));
            meta.setProperty("newestModified", newest);
            try (OutputStream out = Files.newOutputStream(store.resolve(AdvisoryDb.META))) {
                meta.store(out, "Triage advisory database");
            }
            // Swap: write the new pointer beside the old one, then rename over it atomically.
            String previous = Files.isRegularFile(dbDir.resolve(AdvisoryDb.CURRENT))
                    ? Files.readString(dbDir.resolve(AdvisoryDb.CURRENT)).strip() : "";
            Path tmp = dbDir.resolve(AdvisoryDb.CURRENT + ".tmp-" + name);
            Files.writeString(tmp, name + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(tmp, dbDir.resolve(AdvisoryDb.CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dbDir.resolve(AdvisoryDb.CURRENT), StandardCopyOption.REPLACE_EXISTING);
            }
            store = null; // live now
            cleanOldStores(dbDir, name, previous);
            AdvisoryDb db = AdvisoryDb.open(dbDir).orElseThrow(() -> new DbException("import vanished"));
            return db.status();
        } catch (IOException e) {
            throw new DbException("cannot write the advisory database at " + dbDir + ": " + oneLine(e), e);
        } finally {
            if (store != null) deleteTree(store);
        }
    }

    /** Keeps the live store and the one before it (a scan may still be reading it); removes older ones. */
    private static void cleanOldStores(Path dbDir, String live, String previous) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dbDir, "store-*")) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (!n.equals(live) && !n.equals(previous)) deleteTree(p);
            }
        } catch (IOException ignored) {
            // old stores are only disk space
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dbDir, AdvisoryDb.CURRENT + ".tmp-*")) {
            for (Path p : ds) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // leftovers of a crashed import
        }
    }

    static void deleteTree(Path p) {
        try {
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return;
            Files.walkFileTree(p, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                    Files.delete(f);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** Why an entry name is unsafe, or null (same rules as intake: absolute, drive letters, '..', controls). */
    static String unsafeReason(String name) {
        if (name.isEmpty()) return "empty entry name";
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) return "control character in entry name";
        }
        if (name.startsWith("/") || name.startsWith("\\")) return "absolute entry name";
        if (name.length() >= 2 && name.charAt(1) == ':' && Character.isLetter(name.charAt(0))) return "drive letter in entry name";
        for (String seg : name.split("[/\\\\]", -1)) if (seg.equals("..")) return "'..' segment in entry name";
        return null;
    }

    static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && i < 200; i++) {
            char c = s.charAt(i);
            sb.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return sb.toString();
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = m.replace('\n', ' ').replace('\r', ' ');
        return printable(m.length() > 300 ? m.substring(0, 300) + "..." : m);
    }
}
