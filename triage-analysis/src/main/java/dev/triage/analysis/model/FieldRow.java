package dev.triage.analysis.model;

/**
 * A static field that matters when read (e.g. an accept-all hostname verifier constant). {@code platform} is
 * {@code android} for a row that holds only in an Android app (one with a manifest), {@code server} for one that
 * holds only in any other app (a server's standard output is its log file, an Android app's is logcat), else null.
 */
public record FieldRow(String kind, String owner, String name, String label, String provenance, String file, String platform) {
    public FieldRow(String kind, String owner, String name, String label, String provenance, String file) {
        this(kind, owner, name, label, provenance, file, null);
    }
}
