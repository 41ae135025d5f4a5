package dev.triage.analysis.model;

/**
 * A condition on a constant argument: equal to {@code equals} (booleans as 1/0), or an int with at least one
 * bit of {@code bitsAny} set, or with none of {@code bitsNone}; null parts are not tested.
 */
public record ConstantCondition(Object equals, Integer bitsAny, Integer bitsNone) {
    /** True when the constant satisfies every part. */
    public boolean test(Object constant) {
        if (equals != null && !String.valueOf(equals).equals(String.valueOf(constant))) return false;
        if (bitsAny != null && !(constant instanceof Integer i && (i & bitsAny) != 0)) return false;
        return bitsNone == null || constant instanceof Integer i && (i & bitsNone) == 0;
    }
}
