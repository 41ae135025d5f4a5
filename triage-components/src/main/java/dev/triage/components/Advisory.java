package dev.triage.components;

import java.util.List;

/**
 * One OSV advisory as Triage keeps it (only what matching and reporting need).
 *
 * @param id         OSV id, e.g. {@code GHSA-jfh8-c2jp-5v3q}
 * @param aliases    other ids of the same flaw (CVE, GHSA), sorted
 * @param summary    one line
 * @param published  ISO-8601 or empty
 * @param modified   ISO-8601 or empty
 * @param score      CVSS base score (v3 computed from the vector; v4 approximated), or -1 when none
 * @param vector     the CVSS vector the score came from, or empty
 * @param level      Triage severity 0–5 (see {@link Cvss#level})
 * @param references advisory URLs (the first is the advisory page when known)
 */
public record Advisory(String id, List<String> aliases, String summary, String published, String modified,
                       double score, String vector, int level, List<String> references) {
    public Advisory {
        aliases = List.copyOf(aliases);
        references = List.copyOf(references);
        summary = summary == null ? "" : summary;
        published = published == null ? "" : published;
        modified = modified == null ? "" : modified;
        vector = vector == null ? "" : vector;
    }

    /** The CVE alias if there is one, else the id: the name people search for. */
    public String primaryAlias() {
        for (String a : aliases) if (a.startsWith("CVE-")) return a;
        return id;
    }

    /**
     * What one advisory says about one package.
     *
     * @param key      {@code group:artifact}
     * @param ranges   ECOSYSTEM ranges, each a list of events in the advisory's order
     * @param versions explicitly listed affected versions
     * @param symbols  vulnerable classes or methods named by the advisory, dotted: {@code org.acme.Foo} or
     *                 {@code org.acme.Foo#bar}
     */
    public record Affected(String key, List<List<Event>> ranges, List<String> versions, List<String> symbols) {
        public Affected {
            ranges = ranges.stream().map(List::copyOf).toList();
            versions = List.copyOf(versions);
            symbols = List.copyOf(symbols);
        }
    }

    /** A range event: {@code introduced}, {@code fixed}, {@code last_affected} or {@code limit}. */
    public record Event(String kind, String version) {
    }

    /** An advisory with everything it says about one package (possibly several affected entries). */
    public record ForPackage(Advisory advisory, List<Affected> affected) {
        public ForPackage {
            affected = List.copyOf(affected);
        }
    }
}
