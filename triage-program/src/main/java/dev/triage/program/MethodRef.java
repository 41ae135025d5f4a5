package dev.triage.program;

/** A method by JVM owner (internal name), name and descriptor. */
public record MethodRef(String owner, String name, String descriptor) implements Comparable<MethodRef> {
    @Override
    public int compareTo(MethodRef o) {
        int c = owner.compareTo(o.owner);
        if (c == 0) c = name.compareTo(o.name);
        if (c == 0) c = descriptor.compareTo(o.descriptor);
        return c;
    }

    @Override
    public String toString() {
        return owner.replace('/', '.') + "." + name + descriptor;
    }
}
