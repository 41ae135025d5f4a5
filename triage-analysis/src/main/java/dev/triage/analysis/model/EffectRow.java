package dev.triage.analysis.model;

/**
 * A call that records a fact on an object (the receiver unless {@code target} says otherwise).
 *
 * @param key         fixed fact name, or null when {@code keyArgument} names it
 * @param keyArgument argument whose constant names the fact (e.g. setFeature's feature URI), or null
 * @param valueArgument argument whose constant is the value, or null when {@code value} is fixed
 * @param value       a fixed value
 * @param returnedBy  when not null, the value is what the app's implementation of a callback, given as an argument,
 *                    returns (its single constant, else unknown): an entity resolver that answers every entity
 *                    with empty input
 * @param add         when not null, the fact is a count: its known value plus this (a count not known stays unknown:
 *                    how many times a digest was updated)
 * @param once        the fact is recorded only when the object has none yet (what a digest was given first)
 * @param when        argument index → regular expression: the fact is recorded only when one text the argument may
 *                    hold matches in full (a constant, or a constant element of an array or list made in view:
 *                    {@code allowedOriginPatterns("*")}, {@code allowTypesByWildcard(new String[] {"**"})}); an
 *                    argument whose texts are unknown records nothing
 * @param labelled    argument index → label: the fact is recorded only when the argument carries the label (a
 *                    library constant a {@code fields} row labels: {@code addPermission(AnyTypePermission.ANY)})
 * @param target      the argument holding the object the fact is recorded on, or null for the receiver (a static
 *                    helper that configures the object it is given: {@code XStream.setupDefaultSecurity(xs)})
 */
public record EffectRow(MethodPattern method, String key, Integer keyArgument, Integer valueArgument, Object value,
                        Callback returnedBy, Integer add, boolean once, java.util.Map<Integer, String> when,
                        java.util.Map<Integer, String> labelled, Integer target) {
    public EffectRow {
        when = when == null ? java.util.Map.of() : java.util.Map.copyOf(when);
        labelled = labelled == null ? java.util.Map.of() : java.util.Map.copyOf(labelled);
    }

    /** A {@code value} that removes the fact ({@code value: null} in a model: a digest's reset forgets its input). */
    public static final Object REMOVE = new Object() {
        @Override
        public String toString() {
            return "(removed)";
        }
    };

    /** The callback an argument implements: argument {@code argument}'s {@code method} with {@code descriptor}. */
    public record Callback(int argument, String method, String descriptor) {
    }
}
