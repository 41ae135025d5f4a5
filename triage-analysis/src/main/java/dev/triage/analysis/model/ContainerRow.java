package dev.triage.analysis.model;

import java.util.Set;

/**
 * A constructor (or static factory) that makes an empty container the value analysis follows element by element
 * ({@code containers}): {@code kind} is the contract its calls are read by, {@code map} (java.util.Map), {@code list}
 * (java.util.List) or {@code parcel} (android.os.Parcel: values written in order are read back in that order).
 */
public record ContainerRow(String kind, MethodPattern constructor, String provenance, String file) {
    /** The container kinds the engine knows the calls of. */
    public static final Set<String> KINDS = Set.of("map", "list", "parcel");
}
