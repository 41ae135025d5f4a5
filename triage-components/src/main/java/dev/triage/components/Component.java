package dev.triage.components;

import java.util.List;

/**
 * One library the app ships: a jar under {@code WEB-INF/lib} (or {@code BOOT-INF/lib}, an EAR's
 * library directory, {@code -cp}), or a copy shaded into such a jar.
 *
 * @param groupId      Maven group id, or empty when unknown (then the component is never matched)
 * @param artifactId   Maven artifact id (or the best name known)
 * @param version      version, or empty when unknown
 * @param identifiedBy where the coordinates came from
 * @param fileName     the jar's file name, e.g. {@code log4j-core-2.14.1.jar}
 * @param origin       the jar's full origin, e.g. {@code app.war!/WEB-INF/lib/log4j-core-2.14.1.jar}
 * @param path         the jar's path inside the scanned artifact, e.g. {@code WEB-INF/lib/log4j-core-2.14.1.jar}
 * @param sha1         hex SHA-1 of the jar (empty for a shaded copy: the hash is the host jar's)
 * @param sha256       hex SHA-256 of the jar (empty for a shaded copy)
 * @param shadedIn     for a copy shaded into another jar, the host component's purl (or file name); else empty
 * @param releaseDate  when this version was built, epoch millis, 0 when unknown (see {@link ComponentIdentifier})
 * @param classCount   class files in the jar
 * @param identity     how sure the coordinates are, and the evidence weighed
 */
public record Component(String groupId, String artifactId, String version, IdentifiedBy identifiedBy,
                        String fileName, String origin, String path, String sha1, String sha256, String shadedIn,
                        long releaseDate, int classCount, Identity identity) {

    /** How a component's coordinates were found, most reliable first. */
    public enum IdentifiedBy {
        /** The jar's SHA-1 found in the index of Maven Central artifacts ({@link HashIndex}). */
        HASH,
        POM_PROPERTIES, POM_XML, MANIFEST, FILE_NAME,
        /** An Android library's {@code META-INF/<group>_<artifact>.version} file inside an APK. */
        VERSION_FILE,
        /** The package prefix of library classes inside DEX code (and a version constant when the library has one). */
        CLASS_SIGNATURE,
        /** Nothing gave a group that could be accepted: listed with the evidence tried, never matched. */
        UNIDENTIFIED;

        /** How the reports spell it: {@code POM_PROPERTIES} → {@code pom-properties}. */
        public String slug() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** A component without recorded evidence: its confidence follows from how it was identified. */
    public Component(String groupId, String artifactId, String version, IdentifiedBy identifiedBy,
                     String fileName, String origin, String path, String sha1, String sha256, String shadedIn,
                     long releaseDate, int classCount) {
        this(groupId, artifactId, version, identifiedBy, fileName, origin, path, sha1, sha256, shadedIn, releaseDate,
                classCount, Identity.of(defaultConfidence(identifiedBy, groupId)));
    }

    private static Identity.Confidence defaultConfidence(IdentifiedBy by, String groupId) {
        if (groupId == null || groupId.isBlank()) return Identity.Confidence.NONE;
        return switch (by) {
            case HASH -> Identity.Confidence.EXACT;
            case POM_PROPERTIES, POM_XML -> Identity.Confidence.HIGH;
            case UNIDENTIFIED -> Identity.Confidence.NONE;
            default -> Identity.Confidence.MEDIUM;
        };
    }

    public Component {
        groupId = nz(groupId);
        artifactId = nz(artifactId);
        version = nz(version);
        sha1 = nz(sha1);
        sha256 = nz(sha256);
        shadedIn = nz(shadedIn);
        if (identity == null) identity = Identity.of(defaultConfidence(identifiedBy, groupId));
    }

    /** The same component seen as a copy shaded into {@code host} (hashes are the host jar's). */
    Component shadedInto(String host) {
        return new Component(groupId, artifactId, version, identifiedBy, fileName, origin, path, "", "", host, 0, 0, identity);
    }

    /** True when group, artifact and version are all known: only such components are matched. */
    public boolean hasCoordinates() {
        return !groupId.isEmpty() && !artifactId.isEmpty() && !version.isEmpty();
    }

    /** {@code group:artifact}, the advisory database key. */
    public String key() {
        return groupId + ":" + artifactId;
    }

    /** Package URL {@code pkg:maven/group/artifact@version}, or empty when the group or version is unknown. */
    public String purl() {
        if (!hasCoordinates()) return "";
        return "pkg:maven/" + Purls.encode(groupId) + "/" + Purls.encode(artifactId) + "@" + Purls.encode(version);
    }

    /** {@code group:artifact:version} or what is known of it. */
    public String gav() {
        return (groupId.isEmpty() ? "?" : groupId) + ":" + artifactId + ":" + (version.isEmpty() ? "?" : version);
    }

    public boolean shaded() {
        return !shadedIn.isEmpty();
    }

    /** One label: purl when known, else the file name. */
    public String label() {
        String p = purl();
        return p.isEmpty() ? fileName : p;
    }

    static List<String> none() {
        return List.of();
    }

    private static String nz(String s) {
        return s == null ? "" : s.strip();
    }
}
