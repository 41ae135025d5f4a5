package dev.triage.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a finding's guessed source path ({@code com/acme/Foo.java}) to a path relative to the source
 * root ({@code src/main/java/com/acme/Foo.java}).
 *
 * <p>Rule: if {@code root/sourcePath} is a file inside the root, the source path is kept; otherwise the
 * tree under the root is indexed once (by file name) and the shortest, then lexicographically first,
 * relative path ending with {@code "/" + sourcePath} is used; otherwise the source path is kept as is.
 * Paths use forward slashes. Source paths come from scanned code, so a path that would leave the root
 * ({@code ..}, absolute) is never resolved against it.
 */
final class SourcePaths {
    private static final Comparator<String> SHORTEST_FIRST =
            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    private final Path root;
    private Map<String, List<String>> byFileName;
    private final Map<String, String> cache = new HashMap<>();

    /** @param root the source root, or {@code null} for none (then paths are returned unchanged) */
    SourcePaths(Path root) {
        this.root = root == null ? null : root.toAbsolutePath().normalize();
    }

    boolean hasRoot() {
        return root != null;
    }

    Path root() {
        return root;
    }

    /** The path to show for a source path; the source path itself when there is no root or no match. */
    String resolve(String sourcePath) {
        if (root == null || sourcePath == null || sourcePath.isEmpty()) return sourcePath == null ? "" : sourcePath;
        return cache.computeIfAbsent(sourcePath, this::lookup);
    }

    private String lookup(String sourcePath) {
        String sp = sourcePath.replace('\\', '/');
        if (sp.startsWith("/") || sp.contains("\0") || hasDotDot(sp)) return sourcePath;
        try {
            Path direct = root.resolve(sp).normalize();
            if (direct.startsWith(root) && Files.isRegularFile(direct, LinkOption.NOFOLLOW_LINKS)) return sp;
        } catch (InvalidPathException e) {
            return sourcePath;
        }
        String name = sp.substring(sp.lastIndexOf('/') + 1);
        List<String> candidates = index().getOrDefault(name, List.of());
        String suffix = "/" + sp;
        for (String c : candidates) {            // already shortest-first
            if (c.endsWith(suffix)) return c;
        }
        return sourcePath;
    }

    private static boolean hasDotDot(String sp) {
        for (String seg : sp.split("/")) if (seg.equals("..")) return true;
        return false;
    }

    private Map<String, List<String>> index() {
        if (byFileName != null) return byFileName;
        Map<String, List<String>> index = new HashMap<>();
        if (Files.isDirectory(root)) {
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        String n = dir.getFileName() == null ? "" : dir.getFileName().toString();
                        if (!dir.equals(root) && (n.startsWith(".") || n.equals("node_modules"))) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile()) {
                            String rel = root.relativize(file).toString().replace('\\', '/');
                            index.computeIfAbsent(file.getFileName().toString(), k -> new ArrayList<>()).add(rel);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException exc) {
                        return FileVisitResult.CONTINUE;   // unreadable parts of the tree are just not matched
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        index.values().forEach(l -> l.sort(SHORTEST_FIRST));
        byFileName = index;
        return index;
    }
}
