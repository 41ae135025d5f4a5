package dev.triage.analysis.model;

import java.util.Set;

/**
 * A constructor (or static factory) that makes an empty container the value analysis follows element by element
 * ({@code containers}): {@code kind} is the contract its calls are read by, {@code map} (java.util.Map), {@code list}
 * (java.util.List) or {@code parcel} (android.os.Parcel: values written in order are read back in that order).
 * {@code ifLabelled} (argument index → label; empty: none) makes it one only when those arguments carry the labels: a
 * {@code TreeMap} whose comparator is the natural order finds a constant key by {@code equals}, one with any other
 * comparator (case-insensitive) may not, and is left to the summaries.
 */
public record ContainerRow(String kind, MethodPattern constructor, java.util.Map<Integer, String> ifLabelled, String provenance,
                           String file) {
    /** The container kinds the engine knows the calls of. */
    public static final Set<String> KINDS = Set.of("map", "list", "parcel");
}
