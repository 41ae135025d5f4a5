package dev.triage.program;

import java.util.List;

/**
 * A field's header.
 *
 * @param constantValue the ConstantValue attribute (a compile-time constant), or null
 * @param annotations   descriptors of its annotations
 */
public record FieldInfo(String owner, String name, String descriptor, int access, Object constantValue,
                        List<String> annotations) {
    public FieldInfo {
        annotations = List.copyOf(annotations);
    }

    public boolean isStatic() { return (access & org.objectweb.asm.Opcodes.ACC_STATIC) != 0; }
    public boolean isFinal() { return (access & org.objectweb.asm.Opcodes.ACC_FINAL) != 0; }
    public boolean isPrivate() { return (access & org.objectweb.asm.Opcodes.ACC_PRIVATE) != 0; }
}
