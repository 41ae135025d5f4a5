package dev.triage.program;

import dev.triage.intake.ClassEntry;
import dev.triage.intake.CodeRole;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hierarchy over app, library and JDK classes; CHA call graph; entry points. Classes are generated with ASM. */
class ProgramModelTest {
    private static byte[] cls(String name, String sup, String[] itfs, String classAnnotation, String[][] methods) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        boolean itf = sup == null;
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | (itf ? Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT : 0), name, null,
                itf ? "java/lang/Object" : sup, itfs);
        if (classAnnotation != null) cw.visitAnnotation(classAnnotation, true).visitEnd();
        for (String[] m : methods) {
            // {name, desc, annotation or "", call "owner.name.desc.opcode" or ""}
            int access = Opcodes.ACC_PUBLIC | (m[0].equals("main") ? Opcodes.ACC_STATIC : 0) | (itf ? Opcodes.ACC_ABSTRACT : 0);
            MethodVisitor mv = cw.visitMethod(access, m[0], m[1], null, null);
            if (!m[2].isEmpty()) mv.visitAnnotation(m[2], true).visitEnd();
            if (!itf) {
                mv.visitCode();
                if (!m[3].isEmpty()) {
                    String[] c = m[3].split(" ");
                    int op = Integer.parseInt(c[3]);
                    if (op != Opcodes.INVOKESTATIC) mv.visitInsn(Opcodes.ACONST_NULL);
                    mv.visitMethodInsn(op, c[0], c[1], c[2], op == Opcodes.INVOKEINTERFACE);
                }
                mv.visitInsn(Opcodes.RETURN);
                mv.visitMaxs(0, 0);
            }
            mv.visitEnd();
        }
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static Program program() {
        Program.Builder b = Program.builder();
        String invokeI = "app/Service run ()V " + Opcodes.INVOKEINTERFACE;
        Map<String, byte[]> app = new TreeMap<>();
        app.put("app/Service", cls("app/Service", null, null, null, new String[][]{{"run", "()V", "", ""}}));
        app.put("app/FastService", cls("app/FastService", "java/lang/Object", new String[]{"app/Service"}, null,
                new String[][]{{"run", "()V", "", ""}}));
        app.put("app/SlowService", cls("app/SlowService", "app/FastService", null, null, new String[][]{{"run", "()V", "", ""}}));
        app.put("app/PatientServlet", cls("app/PatientServlet", "javax/servlet/http/HttpServlet", null, null,
                new String[][]{{"doGet", "(Ljavax/servlet/http/HttpServletRequest;Ljavax/servlet/http/HttpServletResponse;)V", "", invokeI},
                        {"helper", "()V", "", ""}}));
        app.put("app/LabController", cls("app/LabController", "java/lang/Object", null,
                "Lorg/springframework/web/bind/annotation/RestController;",
                new String[][]{{"results", "()V", "Lorg/springframework/web/bind/annotation/GetMapping;", ""}}));
        app.put("app/AppointmentResource", cls("app/AppointmentResource", "java/lang/Object", null, "Ljakarta/ws/rs/Path;",
                new String[][]{{"list", "()V", "Ljakarta/ws/rs/GET;", ""}, {"ping", "()V", "Ljavax/ws/rs/HEAD;", ""}}));
        // a Spring mapping outside a controller class: Spring never dispatches to it
        app.put("app/Tool", cls("app/Tool", "java/lang/Object", null, null, new String[][]{{"main", "([Ljava/lang/String;)V", "", ""},
                {"mapped", "()V", "Lorg/springframework/web/bind/annotation/GetMapping;", ""}}));
        app.forEach((n, bytes) -> b.onClass(new ClassEntry(n, bytes, CodeRole.APP, n + ".class", null)));
        byte[] servlet = cls("javax/servlet/http/HttpServlet", "javax/servlet/GenericServlet", null, null, new String[][]{});
        b.onClass(new ClassEntry("javax/servlet/http/HttpServlet", servlet, CodeRole.LIBRARY, "lib.jar!/x", "lib.jar"));
        return b.build();
    }

    @Test
    void hierarchySpansAppLibraryAndJdk() {
        Program p = program();
        assertEquals(7, p.appClassCount());
        assertEquals(1, p.libraryClassCount());
        assertTrue(p.isSubtype("app/SlowService", "app/Service"));
        assertTrue(p.isSubtype("app/PatientServlet", "javax/servlet/http/HttpServlet"));
        assertTrue(p.isSubtype("java/util/ArrayList", "java/util/Collection"), "JDK classes are read from the runtime image");
        assertFalse(p.isSubtype("app/Service", "app/FastService"));
        assertEquals(Set.of("app/FastService", "app/SlowService"), p.subtypes("app/Service"));
        assertTrue(p.find("java/lang/String").method("length", "()I") != null);
        assertEquals("app/PatientServlet.java", p.find("app/PatientServlet").sourcePath());
    }

    @Test
    void chaResolvesInterfaceCallsToEveryImplementation() {
        Program p = program();
        MethodRef doGet = new MethodRef("app/PatientServlet", "doGet",
                "(Ljavax/servlet/http/HttpServletRequest;Ljavax/servlet/http/HttpServletResponse;)V");
        assertEquals(Set.of(new MethodRef("app/FastService", "run", "()V"), new MethodRef("app/SlowService", "run", "()V")),
                p.callGraph().callees(doGet));
        assertEquals(Set.of(doGet), p.callGraph().callers(new MethodRef("app/SlowService", "run", "()V")));
    }

    @Test
    void entryPointsByKind() {
        Map<String, Set<String>> byKind = program().entryPoints().stream().collect(Collectors.groupingBy(EntryPoint::kind,
                TreeMap::new, Collectors.mapping(e -> e.method().owner() + "." + e.method().name(), Collectors.toCollection(java.util.TreeSet::new))));
        assertEquals(Set.of("app/PatientServlet.doGet"), byKind.get("servlet"));
        assertEquals(Set.of("app/LabController.results"), byKind.get("spring-mvc"));
        assertEquals(Set.of("app/AppointmentResource.list", "app/AppointmentResource.ping"), byKind.get("jax-rs"));
        assertEquals(Set.of("app/Tool.main"), byKind.get("main"));
        assertTrue(byKind.get("public").contains("app/Tool.mapped"), "a mapping method counts only in a controller class");
        assertTrue(byKind.get("public").contains("app/PatientServlet.helper"));
        assertFalse(byKind.get("public").contains("app/PatientServlet.doGet"));
    }

    @Test
    void handlerAnnotationsSayWhatParametersCarry() {
        HandlerAnnotations h = HandlerAnnotations.builtIn();
        assertTrue(h.binding("request-parameters").contains("Lorg/springframework/web/bind/annotation/PostMapping;"));
        assertTrue(h.binding("request-entity").contains("Ljakarta/ws/rs/POST;"));
        // HEAD and OPTIONS requests carry no body: their methods are entry points, their parameters no entity
        assertFalse(h.binding("request-entity").contains("Ljavax/ws/rs/HEAD;"));
        assertTrue(h.handlers().stream().anyMatch(x -> x.descriptor().equals("Ljavax/ws/rs/HEAD;") && x.entryPoint().equals("jax-rs")));
        assertTrue(java.util.Collections.disjoint(h.binding("request-parameters"), h.binding("request-entity")));
    }

    @Test
    void appCopyShadowsLibraryCopy() {
        Program.Builder b = Program.builder();
        byte[] c = cls("x/Dup", "java/lang/Object", null, null, new String[][]{});
        b.onClass(new ClassEntry("x/Dup", c, CodeRole.LIBRARY, "lib.jar!/x/Dup.class", "lib.jar"));
        b.onClass(new ClassEntry("x/Dup", c, CodeRole.APP, "classes/x/Dup.class", null));
        Program p = b.build();
        assertTrue(p.isApp("x/Dup"));
        assertEquals(0, p.libraryClassCount());
        assertEquals(List.of(), p.skipped());
    }
}
