package dev.triage.analysis.value;

/**
 * Replace every alias of an abstract object site by a new value: {@code cookie.setSecure(true)} changes the object
 * all copies of the reference point at, not just the popped receiver ({@link TrackingFrame} applies these after
 * each instruction).
 */
public record AliasUpdate(String site, Value replacement) {
    boolean matches(Value v) {
        return v != null && v.object() != null && v.object().site().equals(site);
    }

    Value apply(Value v) {
        return v.type() != null && replacement.type() != null ? replacement.withType(v.type()) : replacement;
    }
}
