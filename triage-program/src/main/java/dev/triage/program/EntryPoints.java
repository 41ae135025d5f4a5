package dev.triage.program;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds entry points: servlet and filter methods, Spring MVC handlers, JAX-RS resource methods,
 * {@code main}; Android component lifecycle methods, framework callbacks and listeners, click handlers
 * named in layouts and WebView JavaScript interface methods; and, as a fallback, public methods of
 * public app classes (so a library-like app is still analysed from somewhere). Which annotations make a Spring or
 * JAX-RS handler is data ({@link HandlerAnnotations}), the list the taint analysis reads for their parameters.
 */
final class EntryPoints {
    private static final List<String> SERVLETS = List.of("javax/servlet/http/HttpServlet", "jakarta/servlet/http/HttpServlet",
            "javax/servlet/Servlet", "jakarta/servlet/Servlet");
    private static final List<String> FILTERS = List.of("javax/servlet/Filter", "jakarta/servlet/Filter");
    private static final Set<String> SERVLET_METHODS = Set.of("service", "doGet", "doPost", "doPut", "doDelete",
            "doHead", "doOptions", "doTrace", "doPatch");
    /** The framework classes whose subclasses the system instantiates and drives through their lifecycle. */
    private static final List<String> ANDROID_COMPONENTS = List.of("android/app/Activity", "android/app/Service",
            "android/content/BroadcastReceiver", "android/content/ContentProvider", "android/app/Application",
            "android/app/Fragment", "androidx/fragment/app/Fragment");
    private static final String JAVASCRIPT_INTERFACE = "Landroid/webkit/JavascriptInterface;";
    private static final String ON_CLICK_DESCRIPTOR = "(Landroid/view/View;)V";

    private EntryPoints() {
    }

    static List<EntryPoint> find(Program program) {
        List<EntryPoint> out = new ArrayList<>();
        HandlerAnnotations handlers = HandlerAnnotations.builtIn();
        dev.triage.program.android.AndroidApp android = program.android();
        Set<String> clickHandlers = new java.util.HashSet<>();
        if (android != null) android.clickHandlers().forEach(h -> clickHandlers.add(h.method()));
        for (Program.AppClass app : program.appClasses()) {
            ClassInfo c = app.info();
            boolean component = android != null && ANDROID_COMPONENTS.stream().anyMatch(s -> program.isSubtype(c.name(), s));
            boolean activity = android != null && program.isSubtype(c.name(), "android/app/Activity");
            boolean servlet = SERVLETS.stream().anyMatch(s -> program.isSubtype(c.name(), s));
            boolean filter = FILTERS.stream().anyMatch(s -> program.isSubtype(c.name(), s));
            for (MethodInfo m : c.methods()) {
                if (m.isAbstract()) continue;
                String kind = null;
                String handler;
                if (servlet && SERVLET_METHODS.contains(m.name())) kind = "servlet";
                else if (filter && m.name().equals("doFilter")) kind = "filter";
                else if ((handler = handlers.entryPoint(c.annotations(), m.annotations())) != null) kind = handler;
                else if (m.name().equals("main") && m.descriptor().equals("([Ljava/lang/String;)V") && m.isStatic()) kind = "main";
                else if (component && overridesFramework(program, c, m)) kind = "android-lifecycle";
                else if (m.hasAnnotation(JAVASCRIPT_INTERFACE)) kind = "android-javascript-interface";
                else if (activity && clickHandlers.contains(m.name()) && m.descriptor().equals(ON_CLICK_DESCRIPTOR)) kind = "android-onclick";
                else if (overridesFramework(program, c, m)) kind = "android-callback";
                else if (c.isPublic() && m.isPublic() && !m.isSynthetic() && !m.name().startsWith("<")) kind = "public";
                if (kind != null) out.add(new EntryPoint(m.ref(), kind));
            }
        }
        return out;
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
