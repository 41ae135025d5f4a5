package dev.triage.analysis;

/**
 * A place in the app: a line of a method, or a line of a resource file (className empty).
 *
 * @param className  internal class name, or empty for a resource
 * @param methodName method name, or empty
 * @param methodDesc method descriptor, or empty
 * @param sourcePath package path + source file ({@code com/acme/Foo.java}) or resource name
 * @param line       1-based, 0 when unknown
 * @param origin     the artifact entry ({@code app.war!/WEB-INF/classes/com/acme/Foo.class})
 */
public record CodeLocation(String className, String methodName, String methodDesc, String sourcePath, int line,
                           String origin) {
}
