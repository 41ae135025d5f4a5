package dev.triage.intake;

/**
 * Whether a jar nested in a war, an ear or a Spring Boot jar was read as the app's own code or as a library, and why.
 *
 * @param path   the jar's path inside the scanned artifact, e.g. {@code WEB-INF/lib/portal-api-1.0.jar}
 * @param origin the jar's full origin
 * @param app    true when its classes are app code
 * @param reason one line saying why (its Maven group is the app's own, its packages are the app's, ...)
 */
public record JarRole(String path, String origin, boolean app, String reason) {
}
