package dev.triage.components;

import java.util.List;

/**
 * How sure Triage is of a component's coordinates, and the evidence it weighed, strongest first.
 * Carried into the JSON report and the CycloneDX SBOM's {@code evidence.identity}.
 *
 * @param confidence how sure the coordinates are
 * @param evidence   every piece of evidence read, in the order it was weighed (used or not)
 * @param conflicts  disagreements found on the way (a manifest version that is not the file name's, a jar
 *                   that is not byte-identical to the artifact Maven Central publishes under its coordinates)
 */
public record Identity(Confidence confidence, List<Evidence> evidence, List<String> conflicts) {

    /** Ordered strongest first; {@link #score()} is the CycloneDX confidence (0..1). */
    public enum Confidence {
        /** The jar's SHA-1 is the one Maven Central publishes for these coordinates. */
        EXACT(1.0),
        /** Maven's own metadata in the jar ({@code pom.properties}, {@code pom.xml}), or the build's module id in
         * the manifest ({@code group#artifact;version}). */
        HIGH(0.9),
        /** The artifact and version from the file name or manifest, the group named by the manifest or the class
         * packages and known to exist for that artifact. */
        MEDIUM(0.7),
        /** Only the group is uncertain: nothing in the jar names it, it is the one known group with that artifact id. */
        LOW(0.4),
        /** No group could be accepted: the component has no package URL and is never matched. */
        NONE(0.0);

        private final double score;

        Confidence(double score) {
            this.score = score;
        }

        public double score() {
            return score;
        }

        public String slug() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** How a piece of evidence was obtained (CycloneDX's identity techniques). */
    public enum Technique {
        HASH_COMPARISON("hash-comparison"),
        MANIFEST_ANALYSIS("manifest-analysis"),
        FILENAME("filename"),
        BINARY_ANALYSIS("binary-analysis"),
        OTHER("other");

        private final String id;

        Technique(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /**
     * One piece of evidence.
     *
     * @param technique how it was read
     * @param source    where: {@code sha1}, {@code META-INF/MANIFEST.MF Implementation-Title}, {@code file name}...
     * @param value     what it said (as read, bounded)
     * @param used      whether it decided part of the coordinates
     * @param note      what Triage made of it (which field it gave, or why it was set aside)
     */
    public record Evidence(Technique technique, String source, String value, boolean used, String note) {
        public Evidence {
            value = bounded(value);
            note = note == null ? "" : note;
        }

        private static String bounded(String s) {
            if (s == null) return "";
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < s.length() && sb.length() < 200; i++) {
                char c = s.charAt(i);
                sb.append(Character.isISOControl(c) ? ' ' : c);
            }
            return sb.toString();
        }
    }

    public Identity {
        evidence = List.copyOf(evidence);
        conflicts = List.copyOf(conflicts);
    }

    /** An identity with no recorded evidence, for components found by other means (Android, tests). */
    static Identity of(Confidence c) {
        return new Identity(c, List.of(), List.of());
    }
}
