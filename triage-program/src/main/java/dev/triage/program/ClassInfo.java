package dev.triage.program;

import dev.triage.intake.CodeRole;
import org.objectweb.asm.Opcodes;

import java.util.List;

/**
 * A class's header, read without its code.
 *
 * @param name        internal name
 * @param superName   internal name of the superclass, null for java/lang/Object
 * @param interfaces  internal names of directly implemented interfaces
 * @param sourceFile  SourceFile attribute, or null
 * @param role        app, library, or null for JDK classes
 * @param origin      where it was read from ("jrt" for the JDK)
 */
public record ClassInfo(String name, String superName, List<String> interfaces, int access, String sourceFile,
                        CodeRole role, String origin, List<MethodInfo> methods, List<FieldInfo> fields,
                        List<String> annotations) {
    public ClassInfo {
        interfaces = List.copyOf(interfaces);
        methods = List.copyOf(methods);
        fields = List.copyOf(fields);
        annotations = List.copyOf(annotations);
    }

    public boolean isApp() { return role == CodeRole.APP; }
    public boolean isInterface() { return (access & Opcodes.ACC_INTERFACE) != 0; }
    public boolean isAbstract() { return (access & Opcodes.ACC_ABSTRACT) != 0; }
    public boolean isPublic() { return (access & Opcodes.ACC_PUBLIC) != 0; }

    public MethodInfo method(String name, String descriptor) {
        for (MethodInfo m : methods) {
            if (m.name().equals(name) && m.descriptor().equals(descriptor)) return m;
        }
        return null;
    }

    public FieldInfo field(String name, String descriptor) {
        for (FieldInfo f : fields) {
            if (f.name().equals(name) && (descriptor == null || f.descriptor().equals(descriptor))) return f;
        }
        return null;
    }

    /** {@code com/acme/Foo.java} from the package and the SourceFile attribute (or the outer class name). */
    public String sourcePath() {
        int slash = name.lastIndexOf('/');
        String pkg = slash < 0 ? "" : name.substring(0, slash + 1);
        String file = sourceFile;
        if (file == null || file.isEmpty()) {
            String simple = name.substring(slash + 1);
            int dollar = simple.indexOf('$');
            file = (dollar > 0 ? simple.substring(0, dollar) : simple) + ".java";
        }
        return pkg + file;
    }

    public String dottedName() {
        return name.replace('/', '.');
    }
}
