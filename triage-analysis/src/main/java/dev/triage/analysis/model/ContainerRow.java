package dev.triage.analysis.model;

import java.util.Set;

/**
 * A constructor that makes an empty container the value analysis follows element by element ({@code containers}):
 * {@code kind} is the contract its calls are read by, {@code map} (java.util.Map) or {@code list} (java.util.List).
 */
public record ContainerRow(String kind, MethodPattern constructor, String provenance, String file) {
    /** The container kinds the engine knows the calls of. */
    public static final Set<String> KINDS = Set.of("map", "list");
}
