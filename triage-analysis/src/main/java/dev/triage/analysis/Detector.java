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

    /**
     * The {@code triage/provenance} of a finding this detector reports without naming one itself (see {@link Provenance}):
     * the detector's own code, {@code engine (Name)}, and the tables the models' {@code detector-tables} say it judges
     * by. A detector that judges by model rows puts the row on each finding instead.
     */
    default String provenance(dev.triage.analysis.model.Models models) {
        return Provenance.join(Provenance.engine(this), Provenance.tables(models, this));
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
