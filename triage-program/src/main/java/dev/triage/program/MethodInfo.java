package dev.triage.program;

import java.util.List;

/**
 * A method's header: enough for the hierarchy, call-graph resolution and entry points.
 *
 * @param owner       internal name of the declaring class
 * @param name        method name
 * @param descriptor  JVM descriptor
 * @param access      access flags
 * @param annotations descriptors of visible and invisible annotations on the method
 */
public record MethodInfo(String owner, String name, String descriptor, int access, List<String> annotations) {
    public MethodInfo {
        annotations = List.copyOf(annotations);
    }

    public MethodRef ref() {
        return new MethodRef(owner, name, descriptor);
    }

    public boolean isStatic() { return (access & org.objectweb.asm.Opcodes.ACC_STATIC) != 0; }
    public boolean isAbstract() { return (access & org.objectweb.asm.Opcodes.ACC_ABSTRACT) != 0; }
    public boolean isPublic() { return (access & org.objectweb.asm.Opcodes.ACC_PUBLIC) != 0; }
    public boolean isSynthetic() { return (access & org.objectweb.asm.Opcodes.ACC_SYNTHETIC) != 0; }
    public boolean hasAnnotation(String descriptor) { return annotations.contains(descriptor); }
}
