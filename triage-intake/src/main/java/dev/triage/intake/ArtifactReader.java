package dev.triage.intake;

import java.nio.file.Path;
import java.util.List;

/**
 * Opens the inputs of a scan safely and reports their classes, resources and libraries.
 * Never loads or executes scanned code.
 */
public final class ArtifactReader {
    private final IntakeOptions options;

    public ArtifactReader(IntakeOptions options) {
        this.options = options;
    }

    /**
     * Reads every input. Problems with one input or entry are reported through
     * {@link IntakeListener#onSkipped} and the rest is read; this method itself only throws for
     * programming errors.
     */
    public void read(List<Path> inputs, IntakeListener listener) {
        java.util.Objects.requireNonNull(inputs, "inputs");
        java.util.Objects.requireNonNull(listener, "listener");
        new dev.triage.intake.internal.InputWalker(options, listener).run(inputs);
    }

    /** The options this reader was made with. */
    public IntakeOptions options() {
        return options;
    }

    /** The newest class file major version intake accepts (what the bundled ASM can read). */
    public static int maxSupportedClassVersion() {
        return dev.triage.intake.internal.ClassCheck.MAX_SUPPORTED;
    }

    /** Reads everything into memory. */
    public AppBundle readAll(List<Path> inputs) {
        AppBundle bundle = new AppBundle();
        read(inputs, bundle);
        return bundle;
    }
}
