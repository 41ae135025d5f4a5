package dev.triage.intake;

import java.nio.file.Path;
import java.util.List;

/**
 * @param limits      safety bounds
 * @param appPackages when non-empty, overrides the split of app code from libraries: a class is app
 *                    code exactly when its package starts with one of these prefixes (dotted or slashed)
 * @param classpath   extra jars or directories that are libraries of the app (never reported on)
 */
public record IntakeOptions(IntakeLimits limits, List<String> appPackages, List<Path> classpath) {
    public IntakeOptions {
        appPackages = List.copyOf(appPackages);
        classpath = List.copyOf(classpath);
    }

    public static IntakeOptions defaults() {
        return new IntakeOptions(IntakeLimits.DEFAULTS, List.of(), List.of());
    }
}
