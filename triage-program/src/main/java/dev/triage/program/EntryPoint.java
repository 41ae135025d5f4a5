package dev.triage.program;

/**
 * A method through which outside input enters the app.
 *
 * @param method the method
 * @param kind   servlet, filter, spring-mvc, jax-rs, main, or public (the fallback)
 */
public record EntryPoint(MethodRef method, String kind) {
}
