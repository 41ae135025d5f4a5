package dev.triage.components;

import dev.triage.components.Identity.Confidence;
import dev.triage.components.Identity.Evidence;
import dev.triage.components.Identity.Technique;
import dev.triage.intake.LibraryArchive;
import dev.triage.intake.ResourceEntry;
import org.apache.maven.artifact.versioning.ComparableVersion;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifies the libraries an app ships, strongest evidence first, recording every piece of evidence weighed
 * ({@link Identity}):
 * <ol>
 *   <li><b>content</b>: the jar's SHA-1 in the index of Maven Central artifacts ({@link HashIndex}) — exact;</li>
 *   <li><b>Maven metadata</b>: {@code META-INF/maven/<g>/<a>/pom.properties}, else {@code pom.xml} (hardened parser).
 *       A jar holding several (a shaded or fat jar) is the one whose artifact id and version match the file name;
 *       the others are copies shaded into it, each its own component;</li>
 *   <li><b>manifest, file name and packages</b>: the artifact id and version from the file name
 *       ({@code name-1.2.3.jar}), an {@code Implementation-Title} of the form {@code group#artifact;version}, a
 *       token title, {@code Bundle-SymbolicName}, {@code Automatic-Module-Name}, attributes in per-package sections;
 *       the group only when something in the jar names a group that really publishes that artifact id
 *       ({@link KnownArtifacts}: the advisory database, the hash index, the bundled list) —
 *       {@code Implementation-Vendor-Id} is a vendor, accepted only when it is such a group. When nothing names the
 *       group and exactly one group is known for the artifact id, that group is taken with low confidence (so its
 *       advisories are reported, marked as such, rather than dropped).</li>
 * </ol>
 * A version must look like a Maven version (a build string or {@code null} is set aside, recorded) and agree with
 * the file name, or the conflict is recorded. A jar no evidence identifies is still a component, with no package
 * URL, its evidence listed, and is never matched against advisories.
 *
 * <p>Release date of a version (for staleness): the {@code Bnd-LastModified} manifest attribute,
 * then {@code Build-Date}/{@code Build-Time}/{@code Built-Date}, then the date comment Maven (before
 * reproducible builds) wrote into {@code pom.properties}; 0 when none is present.
 */
public final class ComponentIdentifier {
    private static final Pattern POM_PROPERTIES = Pattern.compile("META-INF/maven/([^/]+)/([^/]+)/pom\\.properties");
    private static final Pattern POM_XML = Pattern.compile("META-INF/maven/([^/]+)/([^/]+)/pom\\.xml");
    private static final Pattern IVY = Pattern.compile("^([A-Za-z0-9_.\\-]+)#([A-Za-z0-9_.\\-]+);([A-Za-z0-9_.+\\-]+)$");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-]{0,99}");
    private static final Pattern DOTTED = Pattern.compile("[A-Za-z_][A-Za-z0-9_\\-]*(\\.[A-Za-z_][A-Za-z0-9_\\-]*)+");
    private static final Pattern MAVEN_VERSION = Pattern.compile("[0-9][A-Za-z0-9_.+\\-]{0,99}");

    private ComponentIdentifier() {
    }

    /** Components of the given libraries with only the bundled list of known artifacts (no database). */
    public static List<Component> identify(List<LibraryArchive> libraries, List<ResourceEntry> resources) {
        return identify(libraries, resources, null, KnownArtifacts.bundled());
    }

    /** As {@link #identify(List, List)}, with the library class index (class packages are evidence of a group). */
    public static List<Component> identify(List<LibraryArchive> libraries, List<ResourceEntry> resources,
                                           LibraryClassIndex index) {
        return identify(libraries, resources, index, KnownArtifacts.bundled());
    }

    /**
     * Components of the given libraries, in the libraries' order (shaded copies right after their host).
     *
     * @param index the library class index (may be null: no package evidence)
     * @param known which groups publish which artifact ids, and the hash index
     */
    public static List<Component> identify(List<LibraryArchive> libraries, List<ResourceEntry> resources,
                                           LibraryClassIndex index, KnownArtifacts known) {
        Map<String, List<ResourceEntry>> byContainer = new HashMap<>();
        for (ResourceEntry r : resources) {
            // library jars' metadata, and that of the app's own modules nested in the artifact (read as app code)
            int cut = r.origin().lastIndexOf("!/");
            if (cut < 0) continue;
            byContainer.computeIfAbsent(r.origin().substring(0, cut), k -> new ArrayList<>()).add(r);
        }
        List<Component> out = new ArrayList<>();
        for (LibraryArchive lib : libraries) {
            Set<String> classes = index == null ? Set.of() : index.classes(lib.origin());
            out.addAll(new Jar(lib, byContainer.getOrDefault(lib.origin(), List.of()), classes, known).identify());
        }
        return out;
    }

    /** Coordinates a pom (properties or xml) states. */
    private record Pom(String entry, String groupId, String artifactId, String version) {
        String gav() {
            return groupId + ":" + artifactId + ":" + version;
        }
    }

    /** Everything read from one library archive, and the identification built from it. */
    private static final class Jar {
        final LibraryArchive lib;
        final KnownArtifacts known;
        final Set<String> classes;
        final String path;
        Manifest mf;
        final List<Pom> poms = new ArrayList<>();
        final List<Pom> pomXmls = new ArrayList<>();
        long released;
        final List<Evidence> evidence = new ArrayList<>();
        final List<String> conflicts = new ArrayList<>();
        final String fileArtifact;
        final String fileVersion;

        Jar(LibraryArchive lib, List<ResourceEntry> own, Set<String> classes, KnownArtifacts known) {
            this.lib = lib;
            this.known = known;
            this.classes = classes;
            this.path = pathInArtifact(lib.origin());
            long pomDate = 0;
            for (ResourceEntry r : own) {
                String name = entryName(r);
                if (name.equals("META-INF/MANIFEST.MF")) {
                    try {
                        mf = new Manifest(new ByteArrayInputStream(r.bytes()));
                    } catch (IOException | RuntimeException e) {
                        mf = null;
                    }
                } else if (POM_PROPERTIES.matcher(name).matches()) {
                    PomXml.Gav g = PomXml.readProperties(r.bytes());
                    if (g == null) continue;
                    poms.add(new Pom(name, g.groupId(), g.artifactId(), g.version()));
                    if (pomDate == 0) pomDate = pomPropertiesDate(r.bytes());
                } else if (POM_XML.matcher(name).matches()) {
                    PomXml.Gav g = PomXml.read(r.bytes());
                    if (g != null && !g.groupId().isEmpty()) pomXmls.add(new Pom(name, g.groupId(), g.artifactId(), g.version()));
                }
            }
            poms.sort(Comparator.comparing(Pom::gav));
            pomXmls.sort(Comparator.comparing(Pom::gav));
            released = manifestDate(mf);
            if (released == 0) released = pomDate;
            // name-1.2.jar, but also hibernate-jpa-2.1-api-1.0.0.Final.jar: every '-digit' is a possible split; the
            // one naming an artifact the jar's metadata or the known artifacts name wins, else the first
            List<String[]> splits = fileNameSplits(lib.fileName());
            String[] chosen = null;
            for (String[] sp : splits) {
                for (Pom p : poms) if (p.artifactId().equals(sp[0]) && chosen == null) chosen = sp;
                for (Pom p : pomXmls) if (p.artifactId().equals(sp[0]) && chosen == null) chosen = sp;
            }
            for (String[] sp : splits) if (chosen == null && !known.groupsOf(sp[0]).isEmpty()) chosen = sp;
            if (chosen == null && !splits.isEmpty()) chosen = splits.get(0);
            fileArtifact = chosen != null ? chosen[0] : stripExtension(lib.fileName());
            fileVersion = chosen != null ? chosen[1] : "";
        }

        List<Component> identify() {
            List<Component> out = new ArrayList<>();
            Pom host = host(poms);
            Pom hostXml = host == null ? host(pomXmls) : null;
            Component main = byHash(host == null ? hostXml : host);
            if (main == null && host != null) main = byPom(host, Component.IdentifiedBy.POM_PROPERTIES, "pom.properties");
            if (main == null && hostXml != null) main = byPom(hostXml, Component.IdentifiedBy.POM_XML, "pom.xml");
            if (main == null) main = byEvidence();
            out.add(main);
            // Maven metadata of other artifacts: copies shaded into this jar.
            Set<String> seen = new LinkedHashSet<>();
            seen.add(main.groupId() + ":" + main.artifactId());
            for (Pom p : poms) {
                if (!seen.add(p.groupId() + ":" + p.artifactId())) continue;
                List<Evidence> ev = List.of(new Evidence(Technique.MANIFEST_ANALYSIS, p.entry(), p.gav(), true,
                        "Maven metadata of a copy shaded into " + lib.fileName()));
                out.add(new Component(p.groupId(), p.artifactId(), p.version(), Component.IdentifiedBy.POM_PROPERTIES,
                        lib.fileName(), lib.origin(), path, "", "", main.label(), 0, 0,
                        new Identity(Confidence.HIGH, ev, List.of())));
            }
            return out;
        }

        /** The pom describing the jar itself: artifact id and version match the file name, or the only one. */
        private Pom host(List<Pom> list) {
            if (list.isEmpty()) return null;
            String f = lib.fileName();
            for (Pom p : list) {
                String stem = p.artifactId() + "-" + p.version();
                if (f.equals(p.artifactId() + ".jar") || f.startsWith(stem + ".") || f.startsWith(stem + "-")) return p;
            }
            for (Pom p : list) {
                if (p.artifactId().equals(fileArtifact)) return p;
            }
            for (Pom p : list) {
                for (String named : manifestNames()) {
                    if (named.equals(p.artifactId()) || named.equals(p.groupId() + "." + p.artifactId())) return p;
                }
            }
            if (list.size() == 1) {
                Pom only = list.get(0);
                // A single pom of another artifact and version than the file names (a copy shaded into a jar built
                // without Maven metadata of its own, such as cglib's inside guice) does not describe the jar.
                if (!fileVersion.isEmpty() && !only.version().equals(fileVersion)) return null;
                return only;
            }
            return null;
        }

        private List<String> manifestNames() {
            List<String> out = new ArrayList<>();
            if (mf == null) return out;
            for (String k : List.of("Bundle-SymbolicName", "Automatic-Module-Name", "Implementation-Title")) {
                String v = bsn(attr(mf.getMainAttributes(), k));
                if (!v.isEmpty()) out.add(v);
            }
            return out;
        }

        private Component byHash(Pom host) {
            List<HashIndex.Gav> hits = known.hashes().lookup(lib.sha1());
            if (hits.isEmpty()) {
                if (!known.hashes().isEmpty() && !lib.sha1().isEmpty()) {
                    evidence.add(new Evidence(Technique.HASH_COMPARISON, "sha1", lib.sha1(), false,
                            "not in the hash index of Maven Central artifacts"));
                }
                return null;
            }
            HashIndex.Gav g = hits.get(0);
            if (host != null) {
                for (HashIndex.Gav h : hits) {
                    if (h.groupId().equals(host.groupId()) && h.artifactId().equals(host.artifactId())) g = h;
                }
            }
            List<String> others = new ArrayList<>();
            for (HashIndex.Gav h : hits) if (!h.equals(g)) others.add(h.toString());
            evidence.add(new Evidence(Technique.HASH_COMPARISON, "sha1", lib.sha1(), true,
                    "the jar Maven Central publishes as " + g + (others.isEmpty() ? "" : " (also published as " + String.join(", ", others) + ")")));
            if (host != null) {
                boolean agrees = host.gav().equals(g.toString());
                evidence.add(new Evidence(Technique.MANIFEST_ANALYSIS, host.entry(), host.gav(), false,
                        agrees ? "agrees" : "disagrees with the hash"));
                if (!agrees) conflicts.add(host.entry() + " says " + host.gav() + " but the jar is " + g);
            }
            if (!fileVersion.isEmpty() && !versionsAgree(fileVersion, g.version())) {
                conflicts.add("the file name's version " + fileVersion + " is not the jar's version " + g.version());
            }
            return component(g.groupId(), g.artifactId(), g.version(), Component.IdentifiedBy.HASH, Confidence.EXACT);
        }

        private Component byPom(Pom p, Component.IdentifiedBy by, String what) {
            evidence.add(new Evidence(Technique.MANIFEST_ANALYSIS, p.entry(), p.gav(), true, "Maven's own metadata (" + what + ")"));
            String v = p.version();
            if (v.isEmpty() || v.contains("${") || v.chars().anyMatch(Character::isWhitespace)) {
                if (!v.isEmpty()) evidence.add(new Evidence(Technique.MANIFEST_ANALYSIS, p.entry(), v, false, "not a version"));
                v = MAVEN_VERSION.matcher(fileVersion).matches() ? fileVersion : "";
                if (!v.isEmpty()) evidence.add(new Evidence(Technique.FILENAME, "file name", lib.fileName(), true, "version " + v));
            } else if (!fileVersion.isEmpty() && !versionsAgree(v, fileVersion) && p.artifactId().equals(fileArtifact)) {
                conflicts.add(p.entry() + " says version " + v + ", the file name " + fileVersion);
                if (v.endsWith("-SNAPSHOT") && MAVEN_VERSION.matcher(fileVersion).matches() && !fileVersion.endsWith("-SNAPSHOT")) {
                    // a release built with its pom still at a snapshot version: the build named the file by the release
                    v = fileVersion;
                    evidence.add(new Evidence(Technique.FILENAME, "file name", lib.fileName(), true,
                            "version " + v + " (the metadata names a snapshot)"));
                }
            }
            checkPublished(p.groupId(), p.artifactId(), v);
            return component(p.groupId(), p.artifactId(), v, by, Confidence.HIGH);
        }

        /** A jar not byte-identical to the one published under its coordinates has been rebuilt or altered. */
        private void checkPublished(String g, String a, String v) {
            if (v.isEmpty() || lib.sha1().isEmpty()) return;
            known.hashes().artifact(g + ":" + a).ifPresent(s -> {
                if (s.versionsWithJar().contains(v)) {
                    conflicts.add("not byte-identical to the jar Maven Central publishes as " + g + ":" + a + ":" + v
                            + " (rebuilt, repackaged or altered)");
                }
            });
        }

        /**
         * A dotted name in the jar that may name a group, and how strongly: 0 the build's module id, 1
         * Bundle-SymbolicName, 2 Automatic-Module-Name or a dotted title, 3 a class package, 4 Implementation-Vendor-Id. Module ids and
         * vendor ids name exactly their group; symbolic names, module names and packages name any group they lie under.
         */
        private record Naming(int strength, String source, String value) {
            boolean exact() {
                return strength == 0 || strength == 4;
            }
        }

        private static void addNaming(Map<String, List<Naming>> namings, String dotted, Naming n) {
            namings.computeIfAbsent(dotted, k -> new ArrayList<>()).add(n);
        }

        private static Naming strongestNaming(Map<String, List<Naming>> namings, String g) {
            Naming best = null;
            for (Map.Entry<String, List<Naming>> e : namings.entrySet()) {
                for (Naming n : e.getValue()) {
                    boolean hit = n.exact() ? e.getKey().equals(g) : names(e.getKey(), g);
                    if (hit && (best == null || n.strength() < best.strength())) best = n;
                }
            }
            return best;
        }

        private Component byEvidence() {
            Attributes main = mf == null ? new Attributes() : mf.getMainAttributes();
            // Every manifest attribute that can carry an identity, main section first, then per-package sections.
            Map<String, List<String[]>> attrs = new LinkedHashMap<>();
            for (String k : List.of("Implementation-Title", "Implementation-Version", "Implementation-Vendor-Id",
                    "Bundle-SymbolicName", "Bundle-Version", "Automatic-Module-Name", "Extension-Name")) {
                List<String[]> vals = new ArrayList<>();
                String v = attr(main, k);
                if (!v.isEmpty()) vals.add(new String[]{"META-INF/MANIFEST.MF " + k, v});
                if (mf != null) {
                    for (Map.Entry<String, Attributes> s : new java.util.TreeMap<>(mf.getEntries()).entrySet()) {
                        String sv = attr(s.getValue(), k);
                        if (!sv.isEmpty() && vals.size() < 4) vals.add(new String[]{"META-INF/MANIFEST.MF [" + s.getKey() + "] " + k, sv});
                    }
                }
                attrs.put(k, vals);
            }

            // Artifact ids and versions the jar states, strongest first.
            List<String> artifacts = new ArrayList<>();
            List<String[]> versions = new ArrayList<>(); // {source, value}
            Map<String, List<Naming>> namings = new LinkedHashMap<>(); // dotted group candidates
            String[] ivy = null;
            for (String[] t : attrs.get("Implementation-Title")) {
                Matcher m = IVY.matcher(t[1]);
                if (m.matches() && ivy == null) {
                    ivy = new String[]{t[0], m.group(1), m.group(2), m.group(3)};
                    artifacts.add(m.group(2));
                    versions.add(new String[]{t[0], m.group(3)});
                    addNaming(namings, m.group(1), new Naming(0, t[0], t[1]));
                }
            }
            if (!fileArtifact.isEmpty()) artifacts.add(fileArtifact);
            if (!fileVersion.isEmpty()) versions.add(new String[]{"file name", fileVersion});
            for (String k : List.of("Implementation-Title", "Extension-Name")) {
                for (String[] t : attrs.get(k)) {
                    if (IVY.matcher(t[1]).matches()) continue;
                    if (DOTTED.matcher(t[1]).matches()) {
                        // a dotted title is a package-like name (org.apache.lucene): it may name a group
                        addNaming(namings, t[1], new Naming(2, t[0], t[1]));
                    } else if (TOKEN.matcher(t[1]).matches()) {
                        artifacts.add(t[1]);
                    }
                }
            }
            for (String key : List.of("Bundle-SymbolicName", "Automatic-Module-Name")) {
                for (String[] t : attrs.get(key)) {
                    String name = bsn(t[1]);
                    if (!DOTTED.matcher(name).matches() && TOKEN.matcher(name).matches()) {
                        artifacts.add(name);
                        continue;
                    }
                    if (!DOTTED.matcher(name).matches()) continue;
                    addNaming(namings, name, new Naming(key.startsWith("Bundle") ? 1 : 2, t[0], t[1]));
                    String[] seg = name.split("\\.");
                    for (int k = seg.length - 1; k >= 1; k--) {
                        String[] tail = java.util.Arrays.copyOfRange(seg, k, seg.length);
                        artifacts.add(String.join(".", tail));
                        artifacts.add(String.join("-", tail));
                    }
                }
            }
            for (String k : List.of("Implementation-Version", "Bundle-Version")) {
                for (String[] t : attrs.get(k)) versions.add(t);
            }
            for (String[] t : attrs.get("Implementation-Vendor-Id")) {
                if (DOTTED.matcher(t[1]).matches() || TOKEN.matcher(t[1]).matches()) addNaming(namings, t[1], new Naming(4, t[0], t[1]));
            }
            Map<String, Integer> packages = packageCounts();
            for (Map.Entry<String, Integer> e : packages.entrySet()) {
                addNaming(namings, e.getKey(), new Naming(3, "class packages", e.getKey() + " (" + e.getValue() + " classes)"));
            }

            // The group: one that really publishes the artifact id, named by the jar's evidence. Where several groups
            // publish it (an artifact that moved: postgresql:postgresql → org.postgresql:postgresql), the version
            // decides: only groups that publish it remain, and a name shared by the groups' packages is not enough.
            String group = "";
            String artifact = "";
            Confidence confidence = Confidence.NONE;
            Naming decided = null;
            String preliminary = firstValidVersion(versions);
            Set<String> tried = new LinkedHashSet<>(artifacts);
            for (String a : tried) {
                Set<String> groups = known.groupsOf(a);
                if (groups.isEmpty()) continue;
                artifact = a;
                Set<String> candidates = new TreeSet<>(groups);
                Set<String> publishing = new TreeSet<>();
                if (!preliminary.isEmpty()) {
                    for (String g : groups) {
                        var state = known.hashes().artifact(g + ":" + a);
                        if (state.isEmpty()) continue;
                        if (state.get().knows(preliminary)) publishing.add(g);
                        else candidates.remove(g);
                    }
                    if (!publishing.isEmpty()) candidates = publishing;
                }
                Naming best = null;
                String bestGroup = null;
                for (String g : candidates) {
                    Naming n = strongestNaming(namings, g);
                    if (n == null) continue;
                    if (best == null || n.strength() < best.strength()
                            || (n.strength() == best.strength() && g.length() > bestGroup.length())) {
                        best = n;
                        bestGroup = g;
                    }
                }
                // "The one known package with that artifact id" is one group for the artifact id overall: a group left
                // alone after others were ruled out by version may just be one the index has not read.
                boolean single = groups.size() == 1;
                if (publishing.size() == 1) {
                    group = publishing.iterator().next();
                    boolean named = best != null && bestGroup.equals(group);
                    decided = named ? best : null;
                    confidence = named && best.strength() == 0 ? Confidence.HIGH : Confidence.MEDIUM;
                    evidence.add(new Evidence(Technique.OTHER, "hash index", group + ":" + a + ":" + preliminary, true,
                            groups.size() == 1 ? group + " publishes " + a + " in version " + preliminary
                                    : "of the groups publishing " + a + ", only " + group + " publishes version " + preliminary));
                } else if (best != null && (single || best.exact())) {
                    group = bestGroup;
                    decided = best;
                    confidence = best.strength() == 0 ? Confidence.HIGH : Confidence.MEDIUM;
                } else if (single) {
                    group = groups.iterator().next();
                    confidence = Confidence.LOW;
                    evidence.add(new Evidence(Technique.OTHER, "known artifacts", group + ":" + a, true,
                            "nothing in the jar names a group; " + group + " is the only group known to publish " + a));
                } else {
                    evidence.add(new Evidence(Technique.OTHER, "known artifacts", String.join(", ", candidates), false,
                            "several groups publish " + a + " and nothing in the jar tells which"
                                    + (best != null ? " (" + best.source() + " fits " + bestGroup + ", which does not tell the groups apart)" : "")));
                }
                break;
            }
            if (group.isEmpty() && ivy != null) {
                // the build's own module id, for an artifact no list knows: as good as Maven metadata
                group = ivy[1];
                artifact = ivy[2];
                confidence = Confidence.MEDIUM;
                decided = new Naming(0, ivy[0], ivy[1] + "#" + ivy[2] + ";" + ivy[3]);
            }
            if (artifact.isEmpty()) artifact = artifacts.isEmpty() ? stripExtension(lib.fileName()) : artifacts.get(0);

            // The version: a Maven version, agreeing with the file name; a published one preferred.
            String version = chooseVersion(group, artifact, versions);

            // Record the evidence weighed, strongest first.
            for (Map.Entry<String, List<String[]>> e : attrs.entrySet()) {
                for (String[] t : e.getValue()) {
                    boolean usedForGroup = decided != null && decided.source().equals(t[0]);
                    boolean usedForVersion = version.equals(t[1]) || (ivy != null && t[0].equals(ivy[0]) && version.equals(ivy[3]));
                    boolean usedForArtifact = artifact.equals(t[1]) || (ivy != null && t[0].equals(ivy[0]) && artifact.equals(ivy[2]))
                            || artifact.equals(bsnTail(t[1], artifact));
                    String note = noteFor(e.getKey(), t[1], usedForGroup, usedForVersion, usedForArtifact);
                    evidence.add(new Evidence(Technique.MANIFEST_ANALYSIS, t[0], t[1], usedForGroup || usedForVersion || usedForArtifact, note));
                }
            }
            evidence.add(new Evidence(Technique.FILENAME, "file name", lib.fileName(),
                    artifact.equals(fileArtifact) || version.equals(fileVersion),
                    fileVersion.isEmpty() ? "no version in the file name" : "artifact " + fileArtifact + ", version " + fileVersion));
            if (!packages.isEmpty()) {
                String top = packages.keySet().iterator().next();
                boolean used = decided != null && decided.strength() == 3;
                evidence.add(new Evidence(Technique.BINARY_ANALYSIS, "class packages",
                        used ? decided.value() : top + " (" + packages.get(top) + " classes)", used,
                        used ? "names the group " + group : "names no known group of " + artifact));
            }
            if (group.isEmpty() || version.isEmpty()) {
                return component("", artifact, version, Component.IdentifiedBy.UNIDENTIFIED, Confidence.NONE);
            }
            checkPublished(group, artifact, version);
            Component.IdentifiedBy by = decided != null && decided.strength() != 3 ? Component.IdentifiedBy.MANIFEST
                    : artifact.equals(fileArtifact) ? Component.IdentifiedBy.FILE_NAME : Component.IdentifiedBy.MANIFEST;
            return component(group, artifact, version, by, confidence);
        }

        private String noteFor(String key, String value, boolean group, boolean version, boolean artifact) {
            List<String> gave = new ArrayList<>();
            if (group) gave.add("group");
            if (artifact) gave.add("artifact");
            if (version) gave.add("version");
            if (!gave.isEmpty()) return "gave the " + String.join(", ", gave);
            if (key.equals("Implementation-Vendor-Id")) return "a vendor, not a group of this artifact";
            if (key.endsWith("-Version") && !MAVEN_VERSION.matcher(value).matches()) return "not a version";
            return "not used";
        }

        private static String firstValidVersion(List<String[]> candidates) {
            for (String[] c : candidates) if (MAVEN_VERSION.matcher(c[1]).matches()) return c[1];
            return "";
        }

        private String chooseVersion(String group, String artifact, List<String[]> candidates) {
            List<String[]> valid = new ArrayList<>();
            for (String[] c : candidates) {
                if (MAVEN_VERSION.matcher(c[1]).matches()) valid.add(c);
            }
            if (valid.isEmpty()) return "";
            String chosen = valid.get(0)[1];
            if (!group.isEmpty()) {
                var state = known.hashes().artifact(group + ":" + artifact);
                if (state.isPresent()) {
                    for (String[] c : valid) {
                        if (state.get().knows(c[1])) {
                            chosen = c[1];
                            break;
                        }
                    }
                }
            }
            for (String[] c : valid) {
                if (!versionsAgree(c[1], chosen)) {
                    conflicts.add(c[0] + " says version " + c[1] + ", not " + chosen);
                }
            }
            return chosen;
        }

        /** Package counts of the jar's classes, dotted, most classes first (then by name). */
        private Map<String, Integer> packageCounts() {
            Map<String, Integer> counts = new HashMap<>();
            for (String c : classes) {
                int slash = c.lastIndexOf('/');
                if (slash > 0) counts.merge(c.substring(0, slash).replace('/', '.'), 1, Integer::sum);
            }
            Map<String, Integer> out = new LinkedHashMap<>();
            counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(200)
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        }

        private Component component(String g, String a, String v, Component.IdentifiedBy by, Confidence c) {
            return new Component(g, a, v, by, lib.fileName(), lib.origin(), path, lib.sha1(), lib.sha256(), "", released,
                    lib.classCount(), new Identity(c, evidence, conflicts));
        }
    }

    /** A dotted name names group {@code g} when it is {@code g} or lies under it ({@code g.x.y}). */
    private static boolean names(String dotted, String g) {
        return dotted.equals(g) || dotted.startsWith(g + ".");
    }

    /** Every (artifact, version) reading of a file name: a split before each '-' followed by a digit, first first. */
    static List<String[]> fileNameSplits(String fileName) {
        List<String[]> out = new ArrayList<>();
        Matcher ext = Pattern.compile("^(.+)\\.[jwe]ar$").matcher(fileName);
        if (!ext.matches()) return out;
        String stem = ext.group(1);
        Matcher classifier = Pattern.compile("^(.+?)-(?:sources|tests|all|shaded|bin|jdk\\d+)$").matcher(stem);
        for (String st : classifier.matches() ? List.of(classifier.group(1), stem) : List.of(stem)) {
            for (int i = 1; i < st.length() - 1; i++) {
                if (st.charAt(i) == '-' && Character.isDigit(st.charAt(i + 1))) {
                    String v = st.substring(i + 1);
                    if (MAVEN_VERSION.matcher(v).matches()) out.add(new String[]{st.substring(0, i), v});
                }
            }
            if (!out.isEmpty()) break;
        }
        return out;
    }

    /** Bundle-SymbolicName without its directives ({@code name;singleton:=true}). */
    private static String bsn(String v) {
        int semi = v.indexOf(';');
        return (semi >= 0 ? v.substring(0, semi) : v).strip();
    }

    private static String bsnTail(String bsnValue, String artifact) {
        String n = bsn(bsnValue);
        if (n.endsWith("." + artifact) || n.endsWith("." + artifact.replace('-', '.'))) return artifact;
        return "";
    }

    /** True when two version strings name the same version (Maven ordering, or one is the other plus a qualifier). */
    static boolean versionsAgree(String a, String b) {
        if (a.equalsIgnoreCase(b)) return true;
        if (new ComparableVersion(a).equals(new ComparableVersion(b))) return true;
        return a.startsWith(b + ".") || b.startsWith(a + ".") || a.startsWith(b + "-") || b.startsWith(a + "-");
    }

    /** The entry name of a resource inside its own archive. */
    private static String entryName(ResourceEntry r) {
        int cut = r.origin().lastIndexOf("!/");
        return cut < 0 ? r.name() : r.origin().substring(cut + 2);
    }

    /** {@code app.war!/WEB-INF/lib/x.jar} → {@code WEB-INF/lib/x.jar}; a file on the class path stays as given. */
    static String pathInArtifact(String origin) {
        int first = origin.indexOf("!/");
        return first < 0 ? origin : origin.substring(first + 2);
    }

    private static String stripExtension(String n) {
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static String attr(Attributes a, String name) {
        String v = a.getValue(name);
        return v == null ? "" : v.strip();
    }

    static long manifestDate(Manifest mf) {
        if (mf == null) return 0;
        var a = mf.getMainAttributes();
        String bnd = attr(a, "Bnd-LastModified");
        if (bnd.matches("\\d{12,14}")) return Long.parseLong(bnd);
        for (String key : List.of("Build-Date", "Build-Time", "Built-Date", "Build-Timestamp")) {
            long t = parseDate(attr(a, key));
            if (t > 0) return t;
        }
        return 0;
    }

    /** ISO instants and dates, {@code yyyy-MM-dd HH:mm}, {@code yyyyMMdd-HHmm}; 0 if none fits. */
    static long parseDate(String s) {
        if (s.isEmpty()) return 0;
        try {
            return Instant.parse(s).toEpochMilli();
        } catch (RuntimeException ignored) {
            // next form
        }
        Matcher m = Pattern.compile("(\\d{4})-?(\\d{2})-?(\\d{2})").matcher(s);
        if (m.find()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
                        .atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
            } catch (RuntimeException ignored) {
                return 0;
            }
        }
        return 0;
    }

    /** The {@code #Tue Mar 09 12:00:00 CET 2021} comment older Maven versions write into pom.properties. */
    static long pomPropertiesDate(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        for (String line : text.split("\n")) {
            line = line.strip();
            if (!line.startsWith("#") || line.length() < 20) continue;
            try {
                return ZonedDateTime.parse(line.substring(1).strip(),
                        DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.ENGLISH)).toInstant().toEpochMilli();
            } catch (RuntimeException ignored) {
                // not a date comment
            }
        }
        return 0;
    }
}
