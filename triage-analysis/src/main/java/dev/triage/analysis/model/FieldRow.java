package dev.triage.analysis.model;

/** A static field that matters when read (e.g. an accept-all hostname verifier constant). */
public record FieldRow(String kind, String owner, String name, String label, String provenance, String file) {
}
