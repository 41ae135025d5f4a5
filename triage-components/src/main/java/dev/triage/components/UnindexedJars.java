package dev.triage.components;

import dev.triage.intake.ArtifactReader;
import dev.triage.intake.ClassEntry;
import dev.triage.intake.IntakeListener;
import dev.triage.intake.IntakeOptions;
import dev.triage.intake.LibraryArchive;
import dev.triage.intake.ResourceEntry;
import dev.triage.intake.SkippedInput;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

/**
 * Jars an app bundles that the {@link HashIndex} does not know, and the coordinates each one's own evidence
 * proposes for it — so that {@code triage db update --hashes-from} can ask the repository for the SHA-1 it publishes
 * under each proposal and keep only a proposal whose published SHA-1 <em>equals</em> the jar's
 * ({@link HashIndexUpdater#confirm}). Nothing here decides an identity: a proposal is only a path to look at.
 *
 * <h2>Where proposals come from</h2>
 * Artifact id and version: the jar's {@code pom.properties}, the {@code group#artifact;version} form of
 * {@code Implementation-Title}, the file name ({@code name-1.2.jar}; every {@code -digit} split), the manifest's
 * versions. Groups, strongest first: the pom's and the module id's own group; a group that a {@code pom.xml} bundled
 * anywhere in the inputs (the app's own modules, other libraries) declares a dependency on for that artifact id — how
 * a jar republished under another project's group ({@code org.jvnet.hudson:org.suigeneris.jrcs.diff}) is found; prefixes (two segments or more) of the
 * dotted names in the manifest ({@code Bundle-SymbolicName}, {@code Automatic-Module-Name}, {@code Extension-Name},
 * {@code Implementation-Vendor-Id}, a dotted {@code Implementation-Title}); prefixes of the class packages that hold at
 * least half the jar's classes, most specific first, with SourceForge's {@code net.sf} ↔ {@code net.sourceforge}
 * spelling; the Maven 1 convention that the group is the artifact id ({@code commons-logging:commons-logging}); and
 * the single project-name segments of the dominant package ({@code org.apache.xerces} → {@code xerces}, Maven 1's
 * other convention). At most {@link #MAX_REQUESTS_PER_JAR} proposals per jar; proposals the index already rules out
 * (that version of that artifact is indexed, so its SHA-1 is not this jar's) are not asked.
 *
 * <p>Archives are opened by intake ({@link ArtifactReader}: no extraction, zip-bomb and nesting limits); only the
 * manifest, {@code pom.properties} and the class names of each library are kept.
 */
public final class UnindexedJars {
    /** Upper bound of checksum requests for one jar. */
    public static final int MAX_REQUESTS_PER_JAR = 12;
    /** group:artifact keys confirmed by checksum, kept in the database so that every later update refreshes them. */
    public static final String CONFIRMED = "hashes-confirmed.tsv";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_\\-]+(\\.[A-Za-z0-9_\\-]+)*");
    private static final Pattern IVY = Pattern.compile("^([A-Za-z0-9_.\\-]+)#([A-Za-z0-9_.\\-]+);([A-Za-z0-9_.+\\-]+)$");
    private static final Pattern DOTTED = Pattern.compile("[A-Za-z_][A-Za-z0-9_\\-]*(\\.[A-Za-z_][A-Za-z0-9_\\-]*)+");
    private static final Pattern MAVEN_VERSION = Pattern.compile("[0-9][A-Za-z0-9_.+\\-]{0,99}");
    private static final int MAX_VERSIONS_PER_ARTIFACT = 2;
    private static final int MAX_PACKAGE_PREFIXES = 4;
    private static final int MAX_DECLARED_GROUPS = 3;

    private UnindexedJars() {
    }

    /**
     * Coordinates a jar's evidence proposes.
     *
     * @param why which evidence proposed the group (for the report)
     */
    public record Coordinates(String groupId, String artifactId, String version, String why) {
        public String key() {
            return groupId + ":" + artifactId;
        }

        /** The jar's path in a Maven repository. */
        String jarPath() {
            return groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/" + artifactId + "-" + version + ".jar";
        }

        @Override
        public String toString() {
            return groupId + ":" + artifactId + ":" + version;
        }
    }

    /**
     * A bundled jar the index does not know.
     *
     * @param candidates proposals, strongest first, at most {@link #MAX_REQUESTS_PER_JAR}
     */
    public record Jar(String fileName, String origin, String sha1, List<Coordinates> candidates) {
    }

    /**
     * What the repository said about one jar.
     *
     * @param confirmed the proposal whose published SHA-1 equals the jar's, or null
     * @param requests  checksum requests made for it
     * @param problem   a request that failed (the jar may be confirmed by the next run), empty when none
     */
    public record Result(Jar jar, Coordinates confirmed, int requests, String problem) {
    }

    /**
     * Opens the inputs with intake and returns their library jars whose SHA-1 the index does not know, each with its
     * proposals, sorted by origin; a jar bundled twice is listed once. A {@code .jar} input is itself such a jar;
     * wars, ears, APKs and directories are searched for the jars they bundle.
     *
     * @param skipped receives what intake could not read (may be null)
     */
    public static List<Jar> collect(List<Path> inputs, HashIndex index, Consumer<String> skipped) {
        List<Path> apps = new ArrayList<>();
        List<Path> jars = new ArrayList<>();
        for (Path p : inputs) {
            String n = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
            if (n.endsWith(".jar") && Files.isRegularFile(p)) jars.add(p);
            else apps.add(p);
        }
        Evidence ev = new Evidence();
        // A jar given on the class path is read as one library, with its own digest; an app is read for its libraries.
        new ArtifactReader(new IntakeOptions(IntakeOptions.defaults().limits(), List.of(), jars)).read(apps, new IntakeListener() {
            @Override public void onClass(ClassEntry e) { ev.onClass(e); }
            @Override public void onResource(ResourceEntry e) { ev.onResource(e); }
            @Override public void onLibrary(LibraryArchive l) { ev.libraries.add(l); }
            @Override public void onSkipped(SkippedInput s) {
                if (skipped != null) skipped.accept(s.input() + (s.entry().isEmpty() ? "" : "!/" + s.entry()) + ": " + s.reason());
            }
        });
        List<LibraryArchive> libs = new ArrayList<>(ev.libraries);
        libs.sort(Comparator.comparing(LibraryArchive::origin));
        Set<String> seen = new HashSet<>();
        List<Jar> out = new ArrayList<>();
        for (LibraryArchive l : libs) {
            if (l.sha1().isEmpty() || !index.lookup(l.sha1()).isEmpty() || !seen.add(l.sha1())) continue;
            List<Coordinates> c = candidates(l.fileName(), ev.manifests.get(l.origin()),
                    ev.poms.getOrDefault(l.origin(), List.of()), ev.classes.getOrDefault(l.origin(), Set.of()), ev.declared, index);
            out.add(new Jar(l.fileName(), l.origin(), l.sha1(), c));
        }
        return out;
    }

    /** What intake delivered that proposals are made from: per library origin. */
    private static final class Evidence {
        final List<LibraryArchive> libraries = new ArrayList<>();
        final Map<String, Manifest> manifests = new HashMap<>();
        final Map<String, List<PomXml.Gav>> poms = new HashMap<>();
        final Map<String, Set<String>> classes = new HashMap<>();
        /** artifact id → groups that a pom.xml anywhere in the inputs declares a dependency on */
        final Map<String, Set<String>> declared = new TreeMap<>();

        void onClass(ClassEntry e) {
            if (e.library() != null) classes.computeIfAbsent(e.library(), k -> new HashSet<>()).add(e.internalName());
        }

        void onResource(ResourceEntry r) {
            int cut = r.origin().lastIndexOf("!/");
            if (cut < 0) return;
            String container = r.origin().substring(0, cut);
            String entry = r.origin().substring(cut + 2);
            if (entry.equals("META-INF/MANIFEST.MF")) {
                try {
                    manifests.put(container, new Manifest(new ByteArrayInputStream(r.bytes())));
                } catch (IOException | RuntimeException ignored) {
                    // an unreadable manifest proposes nothing
                }
            } else if (entry.startsWith("META-INF/maven/") && entry.endsWith("/pom.properties")) {
                PomXml.Gav g = PomXml.readProperties(r.bytes());
                if (g != null) poms.computeIfAbsent(container, k -> new ArrayList<>()).add(g);
            } else if (entry.startsWith("META-INF/maven/") && entry.endsWith("/pom.xml")) {
                for (String key : PomXml.dependencyKeys(r.bytes())) {
                    int c = key.indexOf(':');
                    declared.computeIfAbsent(key.substring(c + 1), k -> new TreeSet<>()).add(key.substring(0, c));
                }
            }
        }
    }

    /** The proposals for one jar, strongest first, bounded; deterministic for the same evidence and index. */
    static List<Coordinates> candidates(String fileName, Manifest mf, List<PomXml.Gav> poms, Collection<String> classes,
                                        Map<String, Set<String>> declared, HashIndex index) {
        Attributes main = mf == null ? new Attributes() : mf.getMainAttributes();
        Plan plan = new Plan(index);

        // 1. coordinates the build itself wrote: pom.properties, an Ivy module id in the title
        List<PomXml.Gav> sortedPoms = new ArrayList<>(poms);
        sortedPoms.sort(Comparator.comparing((PomXml.Gav g) -> !fileName.startsWith(g.artifactId() + "-"))
                .thenComparing(g -> g.groupId() + ":" + g.artifactId() + ":" + g.version()));
        for (PomXml.Gav g : sortedPoms) plan.add(g.groupId(), g.artifactId(), g.version(), "pom.properties");
        String title = attr(main, "Implementation-Title");
        var ivy = IVY.matcher(title);
        if (ivy.matches()) plan.add(ivy.group(1), ivy.group(2), ivy.group(3), "Implementation-Title");

        // 2. artifact id and versions: the file name's readings, the manifest's versions
        List<String[]> named = new ArrayList<>(); // {artifact, version}
        for (String[] sp : ComponentIdentifier.fileNameSplits(fileName)) {
            if (named.size() < MAX_VERSIONS_PER_ARTIFACT) named.add(sp);
        }
        String artifact = named.isEmpty() ? stem(fileName) : named.get(0)[0];
        for (String k : List.of("Implementation-Version", "Bundle-Version", "Specification-Version")) {
            String v = attr(main, k);
            if (named.size() >= MAX_VERSIONS_PER_ARTIFACT || !MAVEN_VERSION.matcher(v).matches()) continue;
            if (named.stream().noneMatch(n -> n[0].equals(artifact) && n[1].equals(v))) named.add(new String[]{artifact, v});
        }

        // 3. groups the app's own build declared for this artifact id: a pom.xml in the inputs depends on group:artifact
        for (String[] n : named) {
            int k = 0;
            for (String g : declared.getOrDefault(n[0], Set.of())) {
                if (k++ < MAX_DECLARED_GROUPS) plan.add(g, n[0], n[1], "a bundled pom.xml's dependency on " + g + ":" + n[0]);
            }
        }

        // 4. groups the jar's own names and packages propose, strongest first
        Map<String, String> groups = new java.util.LinkedHashMap<>(); // group → why
        for (String k : List.of("Bundle-SymbolicName", "Automatic-Module-Name", "Extension-Name", "Implementation-Vendor-Id",
                "Implementation-Title")) {
            String v = attr(main, k);
            int semi = v.indexOf(';');
            if (semi >= 0) v = v.substring(0, semi).strip();
            if (!DOTTED.matcher(v).matches()) continue;
            for (String p : prefixes(v)) groups.putIfAbsent(p, "manifest " + k + " " + v);
        }
        List<String> dominant = dominantPackagePrefixes(classes);
        for (String p : dominant) {
            groups.putIfAbsent(p, "class packages " + p);
            if (p.startsWith("net.sf.")) groups.putIfAbsent("net.sourceforge." + p.substring("net.sf.".length()), "class packages " + p + " (SourceForge)");
            if (p.equals("net.sf")) groups.putIfAbsent("net.sourceforge", "class packages net.sf (SourceForge)");
        }
        String maven1 = "Maven 1 convention: the group is the artifact id";
        for (String[] n : named) groups.putIfAbsent(n[0], maven1);
        if (named.isEmpty()) groups.putIfAbsent(artifact, maven1);
        if (!dominant.isEmpty()) {
            // Maven 1 projects were grouped by project name, a segment of their packages: org.apache.xerces → xerces
            String[] seg = dominant.get(0).split("\\.");
            for (int i = seg.length - 1; i >= 1; i--) groups.putIfAbsent(seg[i], "Maven 1 convention: the project name " + seg[i] + " in the packages");
        }
        for (Map.Entry<String, String> g : groups.entrySet()) {
            for (String[] n : named) plan.add(g.getKey(), n[0], n[1], g.getValue());
        }
        return plan.out;
    }

    /** Collects proposals: valid Maven names, not ruled out by the index, no duplicates, at most the bound. */
    private static final class Plan {
        final HashIndex index;
        final List<Coordinates> out = new ArrayList<>();
        final Set<String> seen = new HashSet<>();

        Plan(HashIndex index) {
            this.index = index;
        }

        void add(String g, String a, String v, String why) {
            if (out.size() >= MAX_REQUESTS_PER_JAR) return;
            if (!NAME.matcher(g).matches() || !NAME.matcher(a).matches() || !HashIndexUpdater.usableVersion(v)) return;
            if (!seen.add(g + ":" + a + ":" + v)) return;
            // an indexed version's SHA-1 was looked up and is not this jar's; a version known to have no jar has none
            var state = index.artifact(g + ":" + a);
            if (state.isPresent() && state.get().knows(v)) return;
            out.add(new Coordinates(g, a, v, why));
        }
    }

    /**
     * Package prefixes of two segments or more under which at least half the classes lie, most specific first (then
     * by more classes, then by name), at most {@link #MAX_PACKAGE_PREFIXES}.
     */
    static List<String> dominantPackagePrefixes(Collection<String> internalNames) {
        Map<String, Integer> counts = new HashMap<>();
        int total = 0;
        for (String c : internalNames) {
            if (c.startsWith("META-INF/")) continue;
            int slash = c.lastIndexOf('/');
            if (slash <= 0) continue;
            total++;
            String[] seg = c.substring(0, slash).split("/");
            StringBuilder sb = new StringBuilder(seg[0]);
            for (int i = 1; i < seg.length; i++) {
                sb.append('.').append(seg[i]);
                counts.merge(sb.toString(), 1, Integer::sum);
            }
        }
        int all = total;
        return counts.entrySet().stream()
                .filter(e -> 2L * e.getValue() >= all)
                .sorted(Comparator.comparing((Map.Entry<String, Integer> e) -> -segments(e.getKey()))
                        .thenComparing(e -> -e.getValue()).thenComparing(Map.Entry::getKey))
                .limit(MAX_PACKAGE_PREFIXES)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static int segments(String dotted) {
        return dotted.split("\\.").length;
    }

    /** {@code a.b.c.d} → {@code a.b.c.d, a.b.c, a.b}. */
    private static List<String> prefixes(String dotted) {
        String[] seg = dotted.split("\\.");
        List<String> out = new ArrayList<>();
        for (int k = seg.length; k >= 2; k--) out.add(String.join(".", java.util.Arrays.copyOf(seg, k)));
        return out;
    }

    private static String attr(Attributes a, String name) {
        String v = a.getValue(name);
        return v == null ? "" : v.strip();
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    // ------------------------------------------------------------------ the database's list of confirmed artifacts

    /** The group:artifact keys confirmed by checksum so far (empty when none). */
    public static Set<String> confirmedKeys(Path dbDir) throws DbException {
        Set<String> out = new TreeSet<>();
        for (String line : readConfirmed(dbDir).keySet()) out.add(line.substring(0, line.indexOf('\t')));
        return out;
    }

    /** Lines of the confirmed list (group:artifact TAB version TAB sha1 TAB file name), sorted. */
    private static Map<String, String> readConfirmed(Path dbDir) throws DbException {
        Map<String, String> lines = new TreeMap<>();
        Path f = dbDir.resolve(CONFIRMED);
        if (!Files.isRegularFile(f)) return lines;
        try {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                String[] p = line.split("\t", -1);
                if (p.length != 4) continue;
                String[] ga = p[0].split(":");
                // the list is read back as updater keys: plain Maven names only
                if (ga.length != 2 || !NAME.matcher(ga[0]).matches() || !NAME.matcher(ga[1]).matches()) continue;
                lines.put(line, "");
            }
        } catch (IOException e) {
            throw new DbException("cannot read " + f + ": " + DbImporter.oneLine(e), e);
        }
        return lines;
    }

    /** Adds the confirmed results to the database's list (kept sorted; written atomically). */
    public static void remember(Path dbDir, Collection<Result> results) throws DbException {
        Map<String, String> lines = readConfirmed(dbDir);
        for (Result r : results) {
            if (r.confirmed() == null) continue;
            Coordinates c = r.confirmed();
            lines.put(c.key() + "\t" + c.version() + "\t" + r.jar().sha1() + "\t" + r.jar().fileName().replaceAll("[\\t\\r\\n]", " "), "");
        }
        StringBuilder sb = new StringBuilder();
        for (String l : lines.keySet()) sb.append(l).append('\n');
        try {
            Files.createDirectories(dbDir);
            DbFiles.replace(dbDir, CONFIRMED, sb);
        } catch (IOException e) {
            throw new DbException("cannot write " + dbDir.resolve(CONFIRMED) + ": " + DbImporter.oneLine(e), e);
        }
    }

    /** Keys of the confirmed results, sorted. */
    public static Set<String> keys(Collection<Result> results) {
        Set<String> out = new LinkedHashSet<>();
        results.stream().filter(r -> r.confirmed() != null).map(r -> r.confirmed().key()).sorted().forEach(out::add);
        return out;
    }
}
