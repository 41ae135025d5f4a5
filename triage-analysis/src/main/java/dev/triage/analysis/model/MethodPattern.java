package dev.triage.analysis.model;

/**
 * Names a method in a model row: JVM owner (internal name, or {@code *} for any class, written out),
 * name, full descriptor (or {@code *} for every overload, written out), and whether calls on
 * subtypes of the owner match too.
 */
public record MethodPattern(String owner, String name, String descriptor, boolean subtypes) {
    public boolean anyOwner() {
        return owner.equals("*");
    }

    public boolean anyDescriptor() {
        return descriptor.equals("*");
    }

    @Override
    public String toString() {
        return owner.replace('/', '.') + "." + name + (anyDescriptor() ? "(*)" : descriptor) + (subtypes ? " +subtypes" : "");
    }
}
