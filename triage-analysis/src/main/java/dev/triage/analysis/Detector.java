package dev.triage.analysis;

import java.util.Set;

/**
 * One detector: declares the rule ids it reports and looks at classes, methods or resources.
 * Detectors hold no state between calls and must be thread-safe; the knowledge they apply comes
 * from the model files.
 */
public interface Detector {
    /** Rule ids this detector may report. */
    Set<String> rules();

    /** The model-row kinds this detector consumes (the only link from model files to detectors). */
    default Set<String> modelKinds() {
        return Set.of();
    }

    /** Called once per app class, before its methods. */
    default void visitClass(ClassScan scan) {
    }

    /** Called once per app method that has code, with its value-analysis frames. */
    default void visitMethod(MethodScan scan) {
    }

    /** Called once per scan with the app's bundled resources. */
    default void visitResources(ResourceScan scan) {
    }
}
