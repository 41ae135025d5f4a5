package dev.triage.intake;

/**
 * One class file found by intake. Its bytes have passed a structural check (magic number, a
 * supported version, a readable constant pool and class name) but have never been loaded.
 *
 * @param internalName JVM internal name, e.g. {@code com/acme/PatientServlet}
 * @param bytes        the class file
 * @param role         app code or library
 * @param origin       where it came from, archives joined by {@code !/}, e.g.
 *                     {@code portal.war!/WEB-INF/classes/com/acme/PatientServlet.class}
 * @param library      for library classes, the origin of the archive that holds them; null for app code
 *                     read from a directory or the app's own classes
 */
public record ClassEntry(String internalName, byte[] bytes, CodeRole role, String origin, String library) {
}
