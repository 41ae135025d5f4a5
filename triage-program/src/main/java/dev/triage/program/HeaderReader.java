package dev.triage.program;

import dev.triage.intake.CodeRole;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads a {@link ClassInfo} from class bytes without reading any code (ClassReader.SKIP_CODE). */
final class HeaderReader {
    private HeaderReader() {
    }

    static ClassInfo read(byte[] bytes, CodeRole role, String origin) {
        ClassReader reader = new ClassReader(bytes);
        Collector c = new Collector();
        reader.accept(c, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
        return new ClassInfo(c.name, c.superName, c.interfaces, c.access, c.sourceFile, role, origin,
                c.methods, c.fields, c.annotations);
    }

    private static final class Collector extends ClassVisitor {
        String name;
        String superName;
        List<String> interfaces = List.of();
        int access;
        String sourceFile;
        final List<MethodInfo> methods = new ArrayList<>();
        final List<FieldInfo> fields = new ArrayList<>();
        final List<String> annotations = new ArrayList<>();

        Collector() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] itfs) {
            this.name = name;
            this.access = access;
            this.superName = superName;
            this.interfaces = itfs == null ? List.of() : Arrays.asList(itfs);
        }

        @Override
        public void visitSource(String source, String debug) {
            this.sourceFile = source;
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            annotations.add(descriptor);
            return null;
        }

        @Override
        public FieldVisitor visitField(int access, String fname, String descriptor, String signature, Object value) {
            List<String> anns = new ArrayList<>();
            return new FieldVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String d, boolean visible) {
                    anns.add(d);
                    return null;
                }

                @Override
                public void visitEnd() {
                    fields.add(new FieldInfo(name, fname, descriptor, access, value, anns));
                }
            };
        }

        @Override
        public MethodVisitor visitMethod(int access, String mname, String descriptor, String signature, String[] ex) {
            List<String> anns = new ArrayList<>();
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String d, boolean visible) {
                    anns.add(d);
                    return null;
                }

                @Override
                public void visitEnd() {
                    methods.add(new MethodInfo(name, mname, descriptor, access, anns));
                }
            };
        }
    }
}
