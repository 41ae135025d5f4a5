package dev.triage.program;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * entry-point-types.yml resolves on the real API jars of the test class path (javax.servlet-api 4, jakarta.servlet-api
 * 6, android-all), read as bytes with ASM: every supertype exists, every name in {@code methods} is declared by it or
 * its supertypes, and no name in {@code dispatched} is (a name an API declares belongs in {@code methods}); the
 * JavaScript-interface annotation is an annotation, and the click handlers' descriptor is their listener method's.
 */
class EntryPointTypesTest {
    @Test
    void everyRowResolvesOnTheServletAndAndroidApis() {
        List<String> errors = new ArrayList<>();
        EntryPointTypes types = EntryPointTypes.builtIn();
        Set<String> supertypes = new HashSet<>();
        for (EntryPointTypes.Type t : types.types()) {
            supertypes.add(t.supertype());
            if (read(t.supertype()) == null) {
                errors.add("no class " + t.supertype());
                continue;
            }
            Set<String> declared = declaredMethodNames(t.supertype());
            for (String m : t.methods()) if (!declared.contains(m)) errors.add(t.supertype() + " declares no " + m);
            for (String m : t.dispatched()) if (declared.contains(m)) errors.add(t.supertype() + " declares " + m + ": put it in methods");
        }
        // both servlet APIs, servlets and filters
        for (String api : List.of("javax/servlet/", "jakarta/servlet/")) {
            for (String s : List.of("Servlet", "http/HttpServlet", "Filter")) {
                assertTrue(supertypes.contains(api + s), "entry-point-types.yml has no row for " + api + s);
            }
        }
        for (String c : types.androidComponents()) {
            // AndroidX classes come with the app (no AndroidX jar is on the test class path); the platform's must exist
            if (c.startsWith("androidx/")) continue;
            if (read(c) == null) errors.add("no Android class " + c);
        }
        assertTrue(types.androidComponents().contains("android/app/Activity"));
        // the JavaScript-interface annotation is an annotation of android-all
        String js = types.javascriptInterface();
        ClassNode annotation = js.startsWith("L") && js.endsWith(";") ? read(js.substring(1, js.length() - 1)) : null;
        if (annotation == null || (annotation.access & Opcodes.ACC_ANNOTATION) == 0) errors.add("no annotation " + js);
        // click handlers: the supertype exists, the descriptor's types exist, and it is the listener method's
        EntryPointTypes.ClickHandlers clicks = types.clickHandlers();
        if (read(clicks.supertype()) == null) errors.add("no Android class " + clicks.supertype());
        Type descriptor = Type.getMethodType(clicks.descriptor());
        for (Type t : descriptor.getArgumentTypes()) {
            if (t.getSort() == Type.OBJECT && read(t.getInternalName()) == null) errors.add("no Android class " + t.getInternalName());
        }
        ClassNode listener = read(clicks.listenerOwner());
        if (listener == null || listener.methods.stream().noneMatch(m -> m.name.equals(clicks.listenerMethod())
                && m.desc.equals(clicks.descriptor()))) {
            errors.add(clicks.listenerOwner() + " declares no " + clicks.listenerMethod() + clicks.descriptor());
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void servletMethodsAreEntryPointsOfTheirKind() {
        EntryPointTypes types = EntryPointTypes.builtIn();
        EntryPointTypes.Type http = types.types().stream().filter(t -> t.supertype().equals("jakarta/servlet/http/HttpServlet"))
                .findFirst().orElseThrow();
        assertEquals("servlet", http.entryPoint());
        assertTrue(http.names("doGet") && http.names("doPatch") && !http.names("init"));
        assertTrue(types.types().stream().anyMatch(t -> t.supertype().equals("javax/servlet/Filter")
                && t.entryPoint().equals("filter") && t.names("doFilter")));
    }

    private static Set<String> declaredMethodNames(String owner) {
        Set<String> out = new HashSet<>();
        Deque<String> work = new ArrayDeque<>(List.of(owner));
        Set<String> seen = new HashSet<>();
        while (!work.isEmpty()) {
            ClassNode c = read(work.poll());
            if (c == null || !seen.add(c.name)) continue;
            for (MethodNode m : c.methods) out.add(m.name);
            if (c.superName != null && !c.superName.equals("java/lang/Object")) work.add(c.superName);
            work.addAll(c.interfaces);
        }
        return out;
    }

    private static ClassNode read(String internalName) {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(internalName + ".class")) {
            if (in == null) return null;
            ClassNode c = new ClassNode();
            new ClassReader(in.readAllBytes()).accept(c, ClassReader.SKIP_CODE);
            return c;
        } catch (IOException e) {
            return null;
        }
    }
}
