package dev.triage.components;

import dev.triage.intake.CodeRole;
import dev.triage.intake.LibraryArchive;
import dev.triage.intake.ResourceEntry;

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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifies the libraries an app ships. For each library archive intake found, in order of trust:
 * <ol>
 *   <li>{@code META-INF/maven/<g>/<a>/pom.properties} (groupId, artifactId, version as Maven wrote them);</li>
 *   <li>{@code META-INF/maven/<g>/<a>/pom.xml} (read with a hardened parser; a parent's group and version
 *       are inherited; unresolved {@code ${...}} is dropped);</li>
 *   <li>{@code META-INF/MANIFEST.MF}: {@code Bundle-SymbolicName}/{@code Bundle-Version}, or
 *       {@code Implementation-Vendor-Id}/{@code Implementation-Title}/{@code Implementation-Version};
 *       the group is taken from {@code Implementation-Vendor-Id}, or from {@code group-hints.tsv} when
 *       both the artifact id and the jar's packages match a hint (Spring's Gradle-built jars carry no
 *       Maven metadata); it is never guessed from a name alone;</li>
 *   <li>the file name ({@code name-1.2.3.jar}), without a group.</li>
 * </ol>
 * A jar holding several {@code pom.properties} (a shaded or fat jar) yields one component per copy:
 * the one matching the file name (or the first) is the jar itself and carries its hashes, the others
 * are reported as shaded into it. Only components with a group, an artifact and a version are matched
 * against advisories, so a jar that shares a name with a vulnerable artifact but not its coordinates
 * never matches.
 *
 * <p>Release date of a version (for staleness): the {@code Bnd-LastModified} manifest attribute,
 * then {@code Build-Date}/{@code Build-Time}/{@code Built-Date}, then the date comment Maven (before
 * reproducible builds) wrote into {@code pom.properties}; 0 when none is present.
 */
public final class ComponentIdentifier {
    private static final Pattern FILE_NAME = Pattern.compile("^(.+?)-(\\d[\\w.+\\-]*?)(?:-(?:sources|tests|all|shaded))?\\.[jwe]ar$");
    private static final Pattern POM_PROPERTIES = Pattern.compile("META-INF/maven/([^/]+)/([^/]+)/pom\\.properties");
    private static final Pattern POM_XML = Pattern.compile("META-INF/maven/([^/]+)/([^/]+)/pom\\.xml");

    private ComponentIdentifier() {
    }

    /** Components of the given libraries, in the libraries' order (shaded copies right after their host). */
    public static List<Component> identify(List<LibraryArchive> libraries, List<ResourceEntry> resources) {
        return identify(libraries, resources, null);
    }

    /**
     * As {@link #identify(List, List)}; with the library class index, a jar without Maven metadata
     * gets its group from {@code group-hints.tsv} when both its artifact id and its packages match.
     */
    public static List<Component> identify(List<LibraryArchive> libraries, List<ResourceEntry> resources,
                                           LibraryClassIndex index) {
        Map<String, List<ResourceEntry>> byContainer = new HashMap<>();
        for (ResourceEntry r : resources) {
            if (r.role() != CodeRole.LIBRARY) continue;
            int cut = r.origin().lastIndexOf("!/");
            if (cut < 0) continue;
            byContainer.computeIfAbsent(r.origin().substring(0, cut), k -> new ArrayList<>()).add(r);
        }
        List<Component> out = new ArrayList<>();
        for (LibraryArchive lib : libraries) {
            for (Component c : identify(lib, byContainer.getOrDefault(lib.origin(), List.of()))) {
                out.add(index == null ? c : withGroupHint(c, index));
            }
        }
        return out;
    }

    private record Hint(Pattern artifact, String prefix, String group) {
    }

    private static final List<Hint> HINTS = loadHints();

    private static List<Hint> loadHints() {
        List<Hint> out = new ArrayList<>();
        try (java.io.InputStream in = ComponentIdentifier.class.getResourceAsStream("/dev/triage/components/group-hints.tsv")) {
            if (in == null) return out;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] p = line.strip().split("\t");
                if (p.length == 3) out.add(new Hint(Pattern.compile(p[0]), p[1], p[2]));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    private static Component withGroupHint(Component c, LibraryClassIndex index) {
        if (!c.groupId().isEmpty() || c.version().isEmpty() || c.shaded()) return c;
        for (Hint h : HINTS) {
            if (!h.artifact().matcher(c.artifactId()).matches()) continue;
            boolean has = index.classes(c.origin()).stream().anyMatch(n -> n.startsWith(h.prefix()));
            if (!has) continue;
            return new Component(h.group(), c.artifactId(), c.version(), c.identifiedBy(), c.fileName(), c.origin(), c.path(),
                    c.sha1(), c.sha256(), "", c.releaseDate(), c.classCount());
        }
        return c;
    }

    static List<Component> identify(LibraryArchive lib, List<ResourceEntry> own) {
        String path = pathInArtifact(lib.origin());
        Manifest mf = null;
        List<Properties> poms = new ArrayList<>();
        List<PomXml.Gav> pomXmls = new ArrayList<>();
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
                Properties p = new Properties();
                try {
                    p.load(new ByteArrayInputStream(r.bytes()));
                } catch (IOException | IllegalArgumentException e) {
                    continue;
                }
                if (!p.getProperty("artifactId", "").isBlank()) {
                    poms.add(p);
                    if (pomDate == 0) pomDate = pomPropertiesDate(r.bytes());
                }
            } else if (POM_XML.matcher(name).matches()) {
                PomXml.Gav g = PomXml.read(r.bytes());
                if (g != null) pomXmls.add(g);
            }
        }
        long released = manifestDate(mf);
        if (released == 0) released = pomDate;

        List<Component> out = new ArrayList<>();
        if (!poms.isEmpty()) {
            poms.sort(Comparator.comparing((Properties p) -> p.getProperty("groupId", "") + ":" + p.getProperty("artifactId", "")));
            int main = 0;
            for (int i = 0; i < poms.size(); i++) {
                String a = poms.get(i).getProperty("artifactId", "").strip();
                String v = poms.get(i).getProperty("version", "").strip();
                if (lib.fileName().startsWith(a + "-" + v) || lib.fileName().equals(a + ".jar")) {
                    main = i;
                    break;
                }
            }
            Properties m = poms.get(main);
            Component host = new Component(m.getProperty("groupId"), m.getProperty("artifactId"), m.getProperty("version"),
                    Component.IdentifiedBy.POM_PROPERTIES, lib.fileName(), lib.origin(), path, lib.sha1(), lib.sha256(),
                    "", released, lib.classCount());
            out.add(host);
            for (int i = 0; i < poms.size(); i++) {
                if (i == main) continue;
                Properties p = poms.get(i);
                out.add(new Component(p.getProperty("groupId"), p.getProperty("artifactId"), p.getProperty("version"),
                        Component.IdentifiedBy.POM_PROPERTIES, lib.fileName(), lib.origin(), path, "", "",
                        host.label(), 0, 0));
            }
            return out;
        }
        if (!pomXmls.isEmpty()) {
            pomXmls.sort(Comparator.comparing(g -> g.groupId() + ":" + g.artifactId()));
            PomXml.Gav g = pomXmls.get(0);
            String v = g.version();
            if (v.isEmpty()) v = fileNameVersion(lib.fileName(), g.artifactId());
            out.add(new Component(g.groupId(), g.artifactId(), v, Component.IdentifiedBy.POM_XML, lib.fileName(),
                    lib.origin(), path, lib.sha1(), lib.sha256(), "", released, lib.classCount()));
            return out;
        }
        Matcher fm = FILE_NAME.matcher(lib.fileName());
        if (mf != null) {
            var a = mf.getMainAttributes();
            String group = attr(a, "Implementation-Vendor-Id");
            String name = attr(a, "Implementation-Title");
            String version = attr(a, "Implementation-Version");
            if (name.isEmpty() || version.isEmpty()) {
                String bsn = attr(a, "Bundle-SymbolicName");
                int semi = bsn.indexOf(';');
                if (semi >= 0) bsn = bsn.substring(0, semi).strip();
                if (!bsn.isEmpty() && !attr(a, "Bundle-Version").isEmpty()) {
                    name = bsn;
                    version = attr(a, "Bundle-Version");
                }
            }
            if (!name.isEmpty() && !version.isEmpty()) {
                // A manifest title is a display name; prefer the file name's artifact id when it has one.
                String artifact = fm.matches() ? fm.group(1) : name;
                out.add(new Component(group, artifact, version, Component.IdentifiedBy.MANIFEST, lib.fileName(),
                        lib.origin(), path, lib.sha1(), lib.sha256(), "", released, lib.classCount()));
                return out;
            }
        }
        String artifact = fm.matches() ? fm.group(1) : stripExtension(lib.fileName());
        String version = fm.matches() ? fm.group(2) : "";
        out.add(new Component("", artifact, version, Component.IdentifiedBy.FILE_NAME, lib.fileName(), lib.origin(),
                path, lib.sha1(), lib.sha256(), "", released, lib.classCount()));
        return out;
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

    private static String fileNameVersion(String fileName, String artifactId) {
        String prefix = artifactId + "-";
        if (fileName.startsWith(prefix)) {
            String rest = stripExtension(fileName.substring(prefix.length()));
            if (!rest.isEmpty() && Character.isDigit(rest.charAt(0))) return rest;
        }
        return "";
    }

    private static String stripExtension(String n) {
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static String attr(java.util.jar.Attributes a, String name) {
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
