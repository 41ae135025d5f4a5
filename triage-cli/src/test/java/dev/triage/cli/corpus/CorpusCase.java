package dev.triage.cli.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One corpus case: a single {@code .java} file in a family folder, or a sub-folder of a family folder whose
 * {@code .java} files and resources are scanned together as one app (resources at the class-path root,
 * keeping their path relative to the case folder).
 *
 * @param family    rule family folder name (crypto, hash, ...)
 * @param name      case name: the file name without {@code .java}, or the folder name
 * @param root      the case file or folder
 * @param sources   the .java files
 * @param kotlin    the .kt files (Android cases only: the testkit compiles them with kotlinc)
 * @param resources the other files, each with its resource name
 */
public record CorpusCase(String family, String name, Path root, List<Path> sources, List<Path> kotlin, List<Resource> resources) {
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?\\s*$");

    /** A non-Java file of a folder case and the resource name it gets on the class path. */
    public record Resource(Path file, String name) {
    }

    public CorpusCase {
        sources = List.copyOf(sources);
        kotlin = List.copyOf(kotlin);
        resources = List.copyOf(resources);
    }

    /** {@code family/name}, as shown in test names and for {@code -Dcorpus.case=} filters. */
    public String id() {
        return family + "/" + name;
    }

    /** Where the cases live, seen from the module directory or from the repository root. */
    public static Path casesRoot() {
        for (String candidate : List.of("src/test/cases", "triage-cli/src/test/cases")) {
            Path p = Path.of(candidate);
            if (Files.isDirectory(p)) return p.toAbsolutePath().normalize();
        }
        throw new IllegalStateException("corpus not found: src/test/cases (cwd " + Path.of("").toAbsolutePath() + ")");
    }

    /**
     * All cases in a deterministic order (family, then case name). A system property {@code corpus.case}
     * (comma-separated ids or id prefixes, e.g. {@code crypto/,xml/XxeCases}) narrows the set.
     */
    public static List<CorpusCase> discover() {
        return discover(casesRoot(), System.getProperty("corpus.case", ""));
    }

    static List<CorpusCase> discover(Path root, String filter) {
        List<CorpusCase> cases = new ArrayList<>();
        for (Path familyDir : sortedChildren(root)) {
            if (!Files.isDirectory(familyDir)) continue;
            String family = familyDir.getFileName().toString();
            for (Path p : sortedChildren(familyDir)) {
                String fn = p.getFileName().toString();
                if (Files.isDirectory(p)) {
                    cases.add(folderCase(family, p));
                } else if (fn.endsWith(".java")) {
                    cases.add(new CorpusCase(family, fn.substring(0, fn.length() - ".java".length()), p,
                            List.of(p), List.of(), List.of()));
                }
            }
        }
        if (filter.isBlank()) return cases;
        List<String> wanted = Stream.of(filter.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return cases.stream().filter(c -> wanted.stream().anyMatch(w -> c.id().startsWith(w))).toList();
    }

    private static CorpusCase folderCase(String family, Path dir) {
        List<Path> sources = new ArrayList<>();
        List<Path> kotlin = new ArrayList<>();
        List<Resource> resources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                if (f.getFileName().toString().endsWith(".java")) {
                    sources.add(f);
                } else if (f.getFileName().toString().endsWith(".kt")) {
                    kotlin.add(f);
                } else if (f.getFileName().toString().equals(OPTIONS) && f.getParent().equals(dir)) {
                    // how to scan the case: not part of the app
                } else {
                    resources.add(new Resource(f, dir.relativize(f).toString().replace('\\', '/')));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CorpusCase(family, dir.getFileName().toString(), dir, sources, kotlin, resources);
    }

    private static List<Path> sortedChildren(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An Android case: a folder with an {@code AndroidManifest.xml}. It is built into a real app (APK, AAB or AAR)
     * and scanned as one by {@link ApkCorpusTest}, never as a classes directory.
     */
    public boolean isAndroid() {
        return Files.isDirectory(root) && Files.isRegularFile(root.resolve("AndroidManifest.xml"));
    }

    /** The package a source file declares ("" for the default package). */
    public static String packageOf(Path source) {
        Matcher m = PACKAGE.matcher(read(source));
        return m.find() ? m.group(1) : "";
    }

    /** What findings call a source file: package path + file name, e.g. {@code corpus/crypto/A.java}. */
    public static String sourcePathOf(Path source) {
        String pkg = packageOf(source);
        String file = source.getFileName().toString();
        return pkg.isEmpty() ? file : pkg.replace('.', '/') + "/" + file;
    }

    /** A folder case's scan options, beside its sources: {@code sources=environment,file} switches source kinds on. */
    static final String OPTIONS = "triage-case.properties";

    /**
     * The source kinds the case is scanned with: the default set, or the {@code sources} its
     * {@value #OPTIONS} names (the lower-confidence kinds are exercised by cases that switch them on).
     */
    public java.util.Set<String> sourceKinds() {
        java.util.Properties p = options();
        if (p == null || p.getProperty("sources") == null) return dev.triage.cli.ScanRequest.DEFAULT_SOURCES;
        Path options = root.resolve(OPTIONS);
        java.util.Set<String> kinds = new java.util.TreeSet<>();
        for (String k : p.getProperty("sources", "").split(",")) if (!k.isBlank()) kinds.add(k.strip());
        if (kinds.isEmpty() || !dev.triage.cli.ScanRequest.ALL_SOURCES.containsAll(kinds)) {
            throw new IllegalStateException(options + ": sources must name kinds of " + dev.triage.cli.ScanRequest.ALL_SOURCES);
        }
        return kinds;
    }

    /** The case's {@value #OPTIONS}, or null. */
    private java.util.Properties options() {
        Path options = Files.isDirectory(root) ? root.resolve(OPTIONS) : null;
        if (options == null || !Files.isRegularFile(options)) return null;
        java.util.Properties p = new java.util.Properties();
        try (java.io.Reader r = Files.newBufferedReader(options)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /**
     * Jars the case compiles with before the test class path ({@code compile-before=a.jar,b.jar} in its
     * {@value #OPTIONS}, from {@code target/test-jars}): an older API than the class path's (Hibernate 5's
     * {@code createSQLQuery}, which Hibernate 6 dropped). They are never scanned.
     */
    public List<Path> compileBefore() {
        java.util.Properties p = options();
        if (p == null) return List.of();
        List<Path> out = new ArrayList<>();
        for (String jar : p.getProperty("compile-before", "").split(",")) {
            if (jar.isBlank()) continue;
            Path j = null;
            for (String dir : List.of("target/test-jars", "triage-cli/target/test-jars")) {
                Path candidate = Path.of(dir, jar.strip());
                if (Files.isRegularFile(candidate)) j = candidate.toAbsolutePath();
            }
            if (j == null) throw new IllegalStateException(root + ": compile-before jar not in target/test-jars: " + jar.strip());
            out.add(j);
        }
        return out;
    }

    /** Every marker of the case: from its .java files and its .properties resources. */
    public List<Marker> markers() {
        List<Marker> out = new ArrayList<>();
        for (Path s : sources) out.addAll(Markers.parseJava(sourcePathOf(s), lines(s)));
        for (Path s : kotlin) out.addAll(Markers.parseJava(sourcePathOf(s), lines(s)));
        for (Resource r : resources) out.addAll(Markers.parse(r.name(), lines(r.file())));
        out.sort(null);
        return out;
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return id();
    }
}
