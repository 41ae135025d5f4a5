package dev.triage.program;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds entry points: servlet and filter methods, Spring MVC handlers, JAX-RS resource methods,
 * {@code main}; Android component lifecycle methods, framework callbacks and listeners, click handlers
 * named in layouts and WebView JavaScript interface methods; and, as a fallback, public methods of
 * public app classes (so a library-like app is still analysed from somewhere). Which annotations make a Spring or
 * JAX-RS handler is data ({@link HandlerAnnotations}), the list the taint analysis reads for their parameters; which
 * supertypes make a servlet, a filter or an Android component, and by which methods, is data too ({@link EntryPointTypes}),
 * as are the JavaScript-interface annotation and the click handlers' class and descriptor.
 */
final class EntryPoints {
    private EntryPoints() {
    }

    static List<EntryPoint> find(Program program) {
        List<EntryPoint> out = new ArrayList<>();
        HandlerAnnotations handlers = HandlerAnnotations.builtIn();
        EntryPointTypes types = EntryPointTypes.builtIn();
        dev.triage.program.android.AndroidApp android = program.android();
        Set<String> clickHandlers = new java.util.HashSet<>();
        if (android != null) android.clickHandlers().forEach(h -> clickHandlers.add(h.method()));
        for (Program.AppClass app : program.appClasses()) {
            ClassInfo c = app.info();
            boolean component = android != null && types.androidComponents().stream().anyMatch(s -> program.isSubtype(c.name(), s));
            boolean clickable = android != null && program.isSubtype(c.name(), types.clickHandlers().supertype());
            List<EntryPointTypes.Type> driven = types.types().stream().filter(t -> program.isSubtype(c.name(), t.supertype())).toList();
            for (MethodInfo m : c.methods()) {
                if (m.isAbstract()) continue;
                // a servlet or filter method the container calls, else a handler by its annotations
                String kind = driven.stream().filter(t -> t.names(m.name())).map(EntryPointTypes.Type::entryPoint).findFirst().orElse(null);
                if (kind == null) kind = handlers.entryPoint(c.annotations(), m.annotations());
                if (kind == null) kind = byShape(program, types, c, m, component, clickable && clickHandlers.contains(m.name()));
                if (kind != null) out.add(new EntryPoint(m.ref(), kind));
            }
        }
        return out;
    }

    /** {@code main}, an Android lifecycle method, callback or click handler, or a public method: the kind, or null. */
    private static String byShape(Program program, EntryPointTypes types, ClassInfo c, MethodInfo m, boolean component,
            boolean clickHandlerName) {
        if (m.name().equals("main") && m.descriptor().equals("([Ljava/lang/String;)V") && m.isStatic()) return "main";
        if (component && overridesFramework(program, c, m)) return "android-lifecycle";
        if (m.hasAnnotation(types.javascriptInterface())) return "android-javascript-interface";
        if (clickHandlerName && m.descriptor().equals(types.clickHandlers().descriptor())) return "android-onclick";
        if (overridesFramework(program, c, m)) return "android-callback";
        if (c.isPublic() && m.isPublic() && !m.isSynthetic() && !m.name().startsWith("<")) return "public";
        return null;
    }

    /**
     * The method overrides one the Android framework (or an AndroidX library class the app bundles) calls: a
     * lifecycle method of a component, or a callback of a listener interface.
     */
    static boolean overridesFramework(Program program, ClassInfo c, MethodInfo m) {
        if (m.isStatic() || m.name().startsWith("<") || (m.access() & org.objectweb.asm.Opcodes.ACC_PRIVATE) != 0) return false;
        for (String s : program.supertypes(c.name())) {
            if (s.equals(c.name()) || program.isApp(s)) continue;
            if (PlatformCallbacks.declares(s, m.name(), m.descriptor())) return true;
            if (s.startsWith("androidx/")) {
                ClassInfo si = program.find(s);
                MethodInfo sm = si == null ? null : si.method(m.name(), m.descriptor());
                if (sm != null && !sm.isStatic() && (sm.access() & org.objectweb.asm.Opcodes.ACC_FINAL) == 0) return true;
            }
        }
        return false;
    }
}
