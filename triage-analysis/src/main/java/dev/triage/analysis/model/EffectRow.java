package dev.triage.analysis.model;

/**
 * A call that records a fact on an object (the receiver unless {@code target} says otherwise).
 *
 * @param key         fixed fact name, or null when {@code keyArgument} names it
 * @param keyArgument argument whose constant names the fact (e.g. setFeature's feature URI), or null
 * @param valueArgument argument whose constant is the value, or null when {@code value} is fixed
 * @param value       a fixed value
 */
public record EffectRow(MethodPattern method, String key, Integer keyArgument, Integer valueArgument, Object value) {
}
