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

    private final List<Type> types;
    private final List<String> androidComponents;

    private EntryPointTypes(List<Type> types, List<String> androidComponents) {
        this.types = List.copyOf(types);
        this.androidComponents = List.copyOf(androidComponents);
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

    static EntryPointTypes load(ClassLoader loader) {
        JsonNode root = ProgramData.read(loader, RESOURCE, Set.of("types", "android-components"));
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
        return new EntryPointTypes(types, android);
    }

    private static Set<String> names(JsonNode list) {
        Set<String> out = new LinkedHashSet<>();
        list.forEach(n -> out.add(n.asText()));
        return Collections.unmodifiableSet(out);
    }
}
