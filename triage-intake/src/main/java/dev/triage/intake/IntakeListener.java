package dev.triage.intake;

/**
 * Receives what intake finds, one item at a time and in a deterministic order (inputs in the order
 * given, entries in archive order), so that a consumer can keep only what it needs: the program
 * model keeps app bytes but only the headers of library classes.
 */
public interface IntakeListener {
    void onClass(ClassEntry entry);

    void onResource(ResourceEntry entry);

    void onLibrary(LibraryArchive library);

    void onSkipped(SkippedInput skipped);

    /** How a top-level APK input is signed (read with apksig); called once per APK. */
    default void onAndroidSigning(AndroidSigning signing) {
    }

    /** A jar nested in a war, an ear or a Spring Boot jar, read as app code or as a library, and why. */
    default void onJarRole(JarRole role) {
    }

    /** Build metadata: the newest modification time of any entry read (epoch millis), or 0. */
    default void onNewestEntryTime(long epochMillis) {
    }
}
