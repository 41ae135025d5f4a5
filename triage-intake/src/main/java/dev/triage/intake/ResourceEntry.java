package dev.triage.intake;

/**
 * A non-class file that analyses may read: {@code .properties}, {@code .xml}, {@code .yml}/{@code .yaml},
 * manifests, {@code pom.properties} and {@code META-INF/services/*} provider files. Other files are not kept.
 *
 * @param name   the resource name as the app's class loader would see it, e.g. {@code config/app.properties}
 *               for {@code WEB-INF/classes/config/app.properties}; for files outside the class path
 *               (such as {@code WEB-INF/web.xml}) the path inside the artifact
 * @param origin full origin as for {@link ClassEntry#origin()}
 * @param bytes  content (bounded by {@link IntakeLimits#maxEntryBytes()})
 * @param role   app or library
 */
public record ResourceEntry(String name, String origin, byte[] bytes, CodeRole role) {
}
