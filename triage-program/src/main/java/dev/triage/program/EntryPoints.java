package dev.triage.program;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds entry points: servlet and filter methods, Spring MVC handlers, JAX-RS resource methods,
 * {@code main}; Android component lifecycle methods, framework callbacks and listeners, click handlers
 * named in layouts and WebView JavaScript interface methods; and, as a fallback, public methods of
 * public app classes (so a library-like app is still analysed from somewhere).
 */
final class EntryPoints {
    private static final List<String> SERVLETS = List.of("javax/servlet/http/HttpServlet", "jakarta/servlet/http/HttpServlet",
            "javax/servlet/Servlet", "jakarta/servlet/Servlet");
    private static final List<String> FILTERS = List.of("javax/servlet/Filter", "jakarta/servlet/Filter");
    private static final Set<String> SERVLET_METHODS = Set.of("service", "doGet", "doPost", "doPut", "doDelete",
            "doHead", "doOptions", "doTrace", "doPatch");
    private static final Set<String> SPRING_CONTROLLERS = Set.of("Lorg/springframework/stereotype/Controller;",
            "Lorg/springframework/web/bind/annotation/RestController;");
    private static final Set<String> SPRING_MAPPINGS = Set.of(
            "Lorg/springframework/web/bind/annotation/RequestMapping;",
            "Lorg/springframework/web/bind/annotation/GetMapping;",
            "Lorg/springframework/web/bind/annotation/PostMapping;",
            "Lorg/springframework/web/bind/annotation/PutMapping;",
            "Lorg/springframework/web/bind/annotation/DeleteMapping;",
            "Lorg/springframework/web/bind/annotation/PatchMapping;");
    private static final Set<String> JAXRS_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH");

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
        dev.triage.program.android.AndroidApp android = program.android();
        Set<String> clickHandlers = new java.util.HashSet<>();
        if (android != null) android.clickHandlers().forEach(h -> clickHandlers.add(h.method()));
        for (Program.AppClass app : program.appClasses()) {
            ClassInfo c = app.info();
            boolean component = android != null && ANDROID_COMPONENTS.stream().anyMatch(s -> program.isSubtype(c.name(), s));
            boolean activity = android != null && program.isSubtype(c.name(), "android/app/Activity");
            boolean servlet = SERVLETS.stream().anyMatch(s -> program.isSubtype(c.name(), s));
            boolean filter = FILTERS.stream().anyMatch(s -> program.isSubtype(c.name(), s));
            boolean controller = c.annotations().stream().anyMatch(SPRING_CONTROLLERS::contains);
            for (MethodInfo m : c.methods()) {
                if (m.isAbstract()) continue;
                String kind = null;
                if (servlet && SERVLET_METHODS.contains(m.name())) kind = "servlet";
                else if (filter && m.name().equals("doFilter")) kind = "filter";
                else if (controller && m.annotations().stream().anyMatch(SPRING_MAPPINGS::contains)) kind = "spring-mvc";
                else if (m.annotations().stream().anyMatch(EntryPoints::isJaxRsMethod)) kind = "jax-rs";
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

    private static boolean isJaxRsMethod(String descriptor) {
        for (String pkg : List.of("Ljavax/ws/rs/", "Ljakarta/ws/rs/")) {
            if (descriptor.startsWith(pkg)) {
                String simple = descriptor.substring(pkg.length(), descriptor.length() - 1);
                return JAXRS_METHODS.contains(simple);
            }
        }
        return false;
    }
}
