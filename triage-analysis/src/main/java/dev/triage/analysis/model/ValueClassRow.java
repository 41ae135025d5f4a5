package dev.triage.analysis.model;

import java.util.Set;

/**
 * A JDK value class whose calls the value analysis evaluates ({@code value-classes}): {@code calls} names the class
 * and the methods (every method: {@code *}) and {@code kind} which evaluation applies, {@code string}
 * (java.lang.String's methods on known text), {@code builder} (a string builder's content follows its appends),
 * {@code box} (a primitive wrapper's boxing, parsing and unboxing of constants) or {@code property} (a lookup by key,
 * answered from the app's properties files: the first argument is the key, a second the default). What each kind
 * computes is the Java platform's semantics and stays in the engine (JdkValueTransfer); the rows say where it applies.
 */
public record ValueClassRow(String kind, MethodPattern calls, String provenance, String file) {
    /** The evaluations the engine knows. */
    public static final Set<String> KINDS = Set.of("string", "builder", "box", "property");

    /** Whether the row names {@code name descriptor} (the owner is matched by the caller). */
    boolean names(String name, String descriptor) {
        return (calls.name().equals("*") || calls.name().equals(name)) && (calls.anyDescriptor() || calls.descriptor().equals(descriptor));
    }
}
