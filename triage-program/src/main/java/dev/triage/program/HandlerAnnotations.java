package dev.triage.program;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The web frameworks' handler-method annotations ({@code handler-annotations.yml}): which annotated app methods a
 * framework calls with a request (entry points, {@link EntryPoints}) and what it binds to their un-annotated
 * parameters (taint sources, read by the analyses). One list for both, kept in the program model because the
 * analyses depend on the program model and not the other way round.
 */
public final class HandlerAnnotations {
    static final String RESOURCE = "dev/triage/program/handler-annotations.yml";
    /** What a handler's un-annotated parameters may be filled with. */
    public static final Set<String> BINDS = Set.of("request-parameters", "request-entity");

    /**
     * One handler annotation.
     *
     * @param descriptor the annotation's descriptor ({@code Ljavax/ws/rs/GET;})
     * @param entryPoint the kind of entry point a method carrying it is ({@code spring-mvc}, {@code jax-rs})
     * @param binds      {@code request-parameters}, {@code request-entity}, or null (nothing)
     */
    public record Handler(String descriptor, String entryPoint, String binds) {
    }

    private final List<Handler> handlers;
    private final Map<String, Set<String>> classAnnotations;

    private HandlerAnnotations(List<Handler> handlers, Map<String, Set<String>> classAnnotations) {
        this.handlers = List.copyOf(handlers);
        this.classAnnotations = Collections.unmodifiableMap(classAnnotations);
    }

    private static final class Holder {
        static final HandlerAnnotations BUILT_IN = load(HandlerAnnotations.class.getClassLoader());
    }

    public static HandlerAnnotations builtIn() {
        return Holder.BUILT_IN;
    }

    /** The handler rows, in file order. */
    public List<Handler> handlers() {
        return handlers;
    }

    /** Every annotation descriptor a class must carry one of for its methods to be entry points of this kind. */
    public Map<String, Set<String>> classAnnotations() {
        return classAnnotations;
    }

    /** The descriptors of the handler annotations whose methods' un-annotated parameters are filled with {@code binds}. */
    public Set<String> binding(String binds) {
        if (!BINDS.contains(binds)) throw new IllegalArgumentException("unknown binding " + binds);
        Set<String> out = new LinkedHashSet<>();
        for (Handler h : handlers) if (binds.equals(h.binds())) out.add(h.descriptor());
        return Collections.unmodifiableSet(out);
    }

    /**
     * The entry-point kind of a method with these annotations in a class with those: the first handler row the
     * method carries whose class condition holds, or null.
     */
    String entryPoint(Collection<String> classAnnotations, Collection<String> methodAnnotations) {
        if (methodAnnotations.isEmpty()) return null;
        for (Handler h : handlers) {
            if (!methodAnnotations.contains(h.descriptor())) continue;
            Set<String> required = this.classAnnotations.get(h.entryPoint());
            if (required != null && classAnnotations.stream().noneMatch(required::contains)) continue;
            return h.entryPoint();
        }
        return null;
    }

    static HandlerAnnotations load(ClassLoader loader) {
        JsonNode root = ProgramData.read(loader, RESOURCE, Set.of("handlers", "entry-point-class-annotations"));
        List<Handler> handlers = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode r : root.path("handlers")) {
            ProgramData.keys(r, Set.of("annotation", "entry-point", "binds"), RESOURCE, "key");
            String annotation = r.path("annotation").asText("");
            String entryPoint = r.path("entry-point").asText("");
            String binds = r.hasNonNull("binds") ? r.get("binds").asText() : null;
            if (annotation.isBlank() || entryPoint.isBlank()) throw new IllegalStateException(RESOURCE + ": a handler needs annotation and entry-point: " + r);
            if (binds != null && !BINDS.contains(binds)) throw new IllegalStateException(RESOURCE + ": unknown binds '" + binds + "' " + BINDS + ": " + r);
            String descriptor = descriptor(annotation);
            if (!seen.add(descriptor)) throw new IllegalStateException(RESOURCE + ": annotation listed twice: " + annotation);
            handlers.add(new Handler(descriptor, entryPoint, binds));
        }
        if (handlers.isEmpty()) throw new IllegalStateException(RESOURCE + ": no handlers");
        Map<String, Set<String>> classAnnotations = new LinkedHashMap<>();
        root.path("entry-point-class-annotations").fields().forEachRemaining(e -> {
            if (handlers.stream().noneMatch(h -> h.entryPoint().equals(e.getKey()))) {
                throw new IllegalStateException(RESOURCE + ": class annotations for an entry-point kind no handler has: " + e.getKey());
            }
            Set<String> d = new LinkedHashSet<>();
            e.getValue().forEach(a -> d.add(descriptor(a.asText())));
            classAnnotations.put(e.getKey(), Collections.unmodifiableSet(d));
        });
        return new HandlerAnnotations(handlers, classAnnotations);
    }

    /** {@code javax.ws.rs.GET} → {@code Ljavax/ws/rs/GET;}. */
    private static String descriptor(String dotted) {
        return "L" + ProgramData.internal(dotted) + ";";
    }
}
