package dev.triage.components;

import dev.triage.intake.ResourceEntry;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a jar given on its own is a published library rather than an app: its SHA-1 is a jar Maven Central
 * publishes, or its own Maven metadata names an artifact the advisory database or the list of known artifacts has.
 * Such a jar is scanned as a library (its advisories, staleness and SBOM reported), not analysed as app code.
 */
public final class PublishedLibrary {
    private static final Pattern POM = Pattern.compile("META-INF/maven/([^/]+)/([^/]+)/pom\\.properties");

    private PublishedLibrary() {
    }

    /**
     * @param fileName  the jar's file name
     * @param sha1      its SHA-1 (hex)
     * @param resources its own resources (origin {@code <jar>!/META-INF/maven/...})
     * @param known     known artifacts and the hash index
     * @param advisoryKeys the advisory database's group:artifact keys
     * @return why it is a published library, or empty when it is not known as one
     */
    public static Optional<String> why(String fileName, String sha1, List<ResourceEntry> resources, KnownArtifacts known,
                                       Set<String> advisoryKeys) {
        List<HashIndex.Gav> hits = known.hashes().lookup(sha1);
        if (!hits.isEmpty()) {
            return Optional.of(fileName + " is the published library " + hits.get(0) + " (its SHA-1 is the jar Maven Central publishes)");
        }
        for (ResourceEntry r : resources) {
            int cut = r.origin().indexOf("!/");
            if (cut < 0) continue;
            Matcher m = POM.matcher(r.origin().substring(cut + 2));
            if (!m.matches()) continue;
            PomXml.Gav gav = PomXml.readProperties(r.bytes());
            if (gav == null) continue;
            String g = gav.groupId();
            String a = gav.artifactId();
            String v = gav.version();
            if (!(fileName.startsWith(a + "-" + v) || fileName.equals(a + ".jar"))) continue;
            String key = g + ":" + a;
            if (advisoryKeys.contains(key)) {
                return Optional.of(fileName + " is the library " + key + ":" + v + " (its Maven metadata names an artifact the advisory database has)");
            }
            if (known.groupsOf(a).contains(g)) {
                return Optional.of(fileName + " is the library " + key + ":" + v + " (its Maven metadata names a published artifact Triage knows)");
            }
        }
        return Optional.empty();
    }
}
