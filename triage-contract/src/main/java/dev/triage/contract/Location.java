package dev.triage.contract;

/**
 * Where a finding or a step of its path stands: a line of a method, or a line of a resource file (class empty).
 *
 * @param className        dotted class name, e.g. {@code com.acme.PatientServlet}; empty for a resource
 * @param methodName       method name, or empty for a class- or resource-level finding
 * @param methodDescriptor JVM descriptor of the method, or empty
 * @param sourcePath       the source file path guessed from the package and the class file's
 *                         SourceFile attribute ({@code com/acme/PatientServlet.java}), or the
 *                         resource path for a configuration finding; empty when unknown
 * @param line             1-based line, or 0 when unknown
 * @param origin           the artifact entry the code came from ({@code portal.war!/WEB-INF/classes/...})
 */
public record Location(String className, String methodName, String methodDescriptor,
                       String sourcePath, int line, String origin) {
    public Location {
        className = nz(className);
        methodName = nz(methodName);
        methodDescriptor = nz(methodDescriptor);
        sourcePath = nz(sourcePath);
        origin = nz(origin);
    }

    /**
     * A place in code, from the JVM's internal class name ({@code com/acme/PatientServlet}) as analyses have it; an
     * empty class name is a resource.
     */
    public static Location inCode(String internalClassName, String methodName, String methodDescriptor, String sourcePath,
                                  int line, String origin) {
        return new Location(nz(internalClassName).replace('/', '.'), methodName, methodDescriptor, sourcePath, line, origin);
    }

    /** A line of a resource file of the scanned artifact (a manifest, a properties file, the app file itself). */
    public static Location inResource(String path, int line, String origin) {
        return new Location("", "", "", path, line, origin);
    }

    /** The class as the JVM names it internally ({@code com/acme/PatientServlet}); empty for a resource. */
    public String internalClassName() {
        return className.replace('.', '/');
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** {@code com.acme.PatientServlet.doGet} or the source path for resources. */
    public String qualifiedMethod() {
        if (className.isEmpty()) return sourcePath;
        return methodName.isEmpty() ? className : className + "." + methodName;
    }
}
