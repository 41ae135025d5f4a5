package dev.triage.analysis.value;

/**
 * Where a constant came from, for the finding's path: a literal in code, a static final field, a
 * bundled properties file, a caller's argument, or a helper's return value. For a taint source, also the model row
 * that made it one.
 *
 * @param description e.g. {@code literal "DES"}, {@code property crypto.cipher in portal.properties}
 * @param className   internal name of the class holding it (or empty for a resource)
 * @param methodName  the method, or empty
 * @param sourcePath  source path or resource name
 * @param line        1-based line, 0 if unknown
 * @param provenance  the model row that made this a taint source ({@link dev.triage.analysis.model.Models#cite}), or
 *                    empty
 */
public record Origin(String description, String className, String methodName, String sourcePath, int line, String provenance) {
    public Origin(String description, String className, String methodName, String sourcePath, int line) {
        this(description, className, methodName, sourcePath, line, "");
    }

    /** The same place, with the model row that made it a taint source. */
    public Origin withProvenance(String provenance) {
        return new Origin(description, className, methodName, sourcePath, line, provenance);
    }
}
