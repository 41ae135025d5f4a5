package dev.triage.components;

/**
 * How much the app uses a vulnerable component, most urgent first.
 * <ul>
 *   <li>{@link #REACHABLE}: the advisory (or Triage's symbol table) names vulnerable classes or
 *       methods, and an app method that the call graph reaches from an entry point calls them;</li>
 *   <li>{@link #REFERENCED}: app code refers to the component's classes, directly or through other
 *       bundled libraries it refers to, or the component plugs into such a library as a service
 *       provider (META-INF/services, log4j-provider.properties);</li>
 *   <li>{@link #NOT_REFERENCED}: none of that was seen. The component may still be loaded by reflection
 *       or configuration; the flaw is reported all the same, at the advisory's severity.</li>
 * </ul>
 */
public enum Reachability {
    REACHABLE("reachable"),
    REFERENCED("referenced"),
    NOT_REFERENCED("not referenced");

    private final String label;

    Reachability(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
