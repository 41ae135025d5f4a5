package dev.triage.program;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The classes a container or the platform drives through methods it calls by name ({@code entry-point-types.yml}):
 * servlets and filters by supertype and method names, and the Android component classes whose lifecycle overrides are
 * entry points. Read by {@link EntryPoints}; validated against the servlet API jars by the tests.
 */
public final class EntryPointTypes {
    static final String RESOURCE = "dev/triage/program/entry-point-types.yml";

    /**
     * One row: an app method named in {@code methods} or {@code dispatched} of a subtype of {@code supertype} is an
     * entry point of kind {@code entryPoint}.
     *
     * @param supertype  internal name ({@code javax/servlet/http/HttpServlet})
     * @param methods    names the supertype declares, called by the container
     * @param dispatched names the API does not declare, reached through the app's own dispatch ({@code doPatch})
     */
    public record Type(String supertype, String entryPoint, Set<String> methods, Set<String> dispatched) {
        /** Whether a method of this name is an entry point of a subtype. */
        boolean names(String method) {
            return methods.contains(method) || dispatched.contains(method);
        }
    }

    /**
     * Layouts' {@code android:onClick} handlers: a method of a subtype of {@code supertype} named by a layout, with
     * {@code descriptor}, is an entry point.
     *
     * @param supertype      internal name ({@code android/app/Activity})
     * @param descriptor     the handler's method descriptor ({@code (Landroid/view/View;)V})
     * @param listenerOwner  internal name of the listener interface the framework calls the handler in place of
     * @param listenerMethod its method, whose descriptor the tests compare with {@code descriptor}
     */
    public record ClickHandlers(String supertype, String descriptor, String listenerOwner, String listenerMethod) {
    }

    private final List<Type> types;
    private final List<String> androidComponents;
    private final String javascriptInterface;
    private final ClickHandlers clickHandlers;

    private EntryPointTypes(List<Type> types, List<String> androidComponents, String javascriptInterface,
            ClickHandlers clickHandlers) {
        this.types = List.copyOf(types);
        this.androidComponents = List.copyOf(androidComponents);
        this.javascriptInterface = javascriptInterface;
        this.clickHandlers = clickHandlers;
    }

    private static final class Holder {
        static final EntryPointTypes BUILT_IN = load(EntryPointTypes.class.getClassLoader());
    }

    public static EntryPointTypes builtIn() {
        return Holder.BUILT_IN;
    }

    /** The rows, in file order. */
    public List<Type> types() {
        return types;
    }

    /** The Android framework component classes (internal names). */
    public List<String> androidComponents() {
        return androidComponents;
    }

    /** The WebView JavaScript-interface annotation's descriptor ({@code Landroid/webkit/JavascriptInterface;}). */
    public String javascriptInterface() {
        return javascriptInterface;
    }

    /** Which methods a layout's {@code android:onClick} can name. */
    public ClickHandlers clickHandlers() {
        return clickHandlers;
    }

    static EntryPointTypes load(ClassLoader loader) {
        JsonNode root = ProgramData.read(loader, RESOURCE,
                Set.of("types", "android-components", "android-javascript-interface", "android-click-handlers"));
        List<Type> types = new ArrayList<>();
        for (JsonNode r : root.path("types")) {
            ProgramData.keys(r, Set.of("supertype", "entry-point", "methods", "dispatched"), RESOURCE, "key");
            String supertype = r.path("supertype").asText("");
            String entryPoint = r.path("entry-point").asText("");
            Set<String> methods = names(r.path("methods"));
            if (supertype.isBlank() || entryPoint.isBlank() || methods.isEmpty()) {
                throw new IllegalStateException(RESOURCE + ": a type needs supertype, entry-point and methods: " + r);
            }
            types.add(new Type(ProgramData.internal(supertype), entryPoint, methods, names(r.path("dispatched"))));
        }
        if (types.isEmpty()) throw new IllegalStateException(RESOURCE + ": no types");
        List<String> android = new ArrayList<>();
        root.path("android-components").forEach(c -> android.add(ProgramData.internal(c.asText())));
        String jsInterface = root.path("android-javascript-interface").asText("");
        if (jsInterface.isBlank()) throw new IllegalStateException(RESOURCE + ": no android-javascript-interface");
        JsonNode click = root.path("android-click-handlers");
        ProgramData.keys(click, Set.of("supertype", "descriptor", "listener"), RESOURCE, "key");
        String listener = click.path("listener").asText("");
        int dot = listener.lastIndexOf('.');
        if (click.path("supertype").asText("").isBlank() || click.path("descriptor").asText("").isBlank() || dot <= 0) {
            throw new IllegalStateException(RESOURCE + ": android-click-handlers needs supertype, descriptor and listener"
                    + " (Owner.method): " + click);
        }
        ClickHandlers clicks = new ClickHandlers(ProgramData.internal(click.path("supertype").asText()),
                click.path("descriptor").asText(), ProgramData.internal(listener.substring(0, dot)), listener.substring(dot + 1));
        return new EntryPointTypes(types, android, "L" + ProgramData.internal(jsInterface) + ";", clicks);
    }

    private static Set<String> names(JsonNode list) {
        Set<String> out = new LinkedHashSet<>();
        list.forEach(n -> out.add(n.asText()));
        return Collections.unmodifiableSet(out);
    }
}
