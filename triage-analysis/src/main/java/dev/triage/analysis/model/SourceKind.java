package dev.triage.analysis.model;

import dev.triage.contract.Confidence;

import java.util.Set;

/**
 * A kind of taint source ({@code source-kinds} in taint.yml): what the {@code label} of a source row names.
 *
 * @param kind       the label ({@code remote}, {@code intent}, {@code location}...)
 * @param sourceClass what the data is: {@code untrusted} input (feeds the injection rules), {@code sensitive} data
 *                   (feeds the privacy rules), {@code diagnostic} details of the server's errors (exception messages,
 *                   a command's error output: reported only where they reach the client), a {@code writable-location} (a path on shared storage) or a
 *                   {@code destination} (a connection's stream); the last two say where data goes and are always on
 * @param onByDefault whether a scan follows it without {@code --sources}
 * @param confidence  the confidence of findings from it
 * @param name        how a finding's message names it ("location data"); empty: "untrusted KIND input"
 */
public record SourceKind(String kind, String sourceClass, boolean onByDefault, Confidence confidence, String name,
                         String provenance, String file) {
    public static final Set<String> CLASSES = Set.of("untrusted", "sensitive", "diagnostic", "writable-location", "destination");

    /** A kind a user switches on or off with {@code --sources}; the others are always on. */
    public boolean selectable() {
        return sourceClass.equals("untrusted") || sourceClass.equals("sensitive") || sourceClass.equals("diagnostic");
    }

    /** How a finding's message names data from this kind. */
    public String displayName() {
        return name.isEmpty() ? "untrusted " + kind + " input" : name;
    }
}
