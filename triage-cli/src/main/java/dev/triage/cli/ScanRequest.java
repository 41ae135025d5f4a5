package dev.triage.cli;

import dev.triage.analysis.model.Models;
import dev.triage.analysis.model.SourceKind;
import dev.triage.components.ComponentOptions;
import dev.triage.intake.IntakeOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What to scan and how.
 *
 * @param inputs        artifacts: classes directories, .class, .jar, .war, .ear, Spring Boot jars
 * @param intake        intake limits, app-package override and extra class path
 * @param enabledRules  rule ids or prefixes to run (e.g. {@code java/weak-cipher}, {@code java/}); empty = all
 * @param disabledRules rule ids or prefixes not to run
 * @param threads       worker threads for analysing classes
 * @param budget        wall-time budget for the analyses; what is not finished is reported as a problem
 * @param sourceKinds   kinds of input the taint rules start from: {@link #DEFAULT_SOURCES}, and the
 *                      lower-confidence environment, system-property, command-line, file, socket, database, clipboard
 * @param components    the components stage: advisory database, staleness thresholds, clock
 */
public record ScanRequest(List<Path> inputs, IntakeOptions intake, Set<String> enabledRules,
                          Set<String> disabledRules, int threads, Duration budget, Set<String> sourceKinds,
                          ComponentOptions components) {
    /**
     * The source kinds the models switch on by default ({@code source-kinds} in taint.yml): untrusted input from the
     * network and from other apps (intents to exported components, content provider calls, web content), and the
     * sensitive data the Android privacy rules follow.
     */
    public static final Set<String> DEFAULT_SOURCES = sourceKinds(true);
    /** Every source kind a scan may switch on: the defaults and the lower-confidence inputs (environment, files...). */
    public static final Set<String> ALL_SOURCES = sourceKinds(false);

    private static Set<String> sourceKinds(boolean defaultsOnly) {
        Set<String> out = new java.util.TreeSet<>();
        for (SourceKind k : Models.builtIn().sourceKinds) {
            if (k.selectable() && (!defaultsOnly || k.onByDefault())) out.add(k.kind());
        }
        return java.util.Collections.unmodifiableSet(out);
    }

    public ScanRequest {
        inputs = List.copyOf(inputs);
        enabledRules = Set.copyOf(enabledRules);
        disabledRules = Set.copyOf(disabledRules);
        sourceKinds = Set.copyOf(sourceKinds);
        if (components == null) components = ComponentOptions.defaults();
    }

    /** A request with remote sources and the default components options (no advisory database). */
    public ScanRequest(List<Path> inputs, IntakeOptions intake, Set<String> enabledRules,
                       Set<String> disabledRules, int threads, Duration budget) {
        this(inputs, intake, enabledRules, disabledRules, threads, budget, DEFAULT_SOURCES, ComponentOptions.defaults());
    }

    /** The same request following other source kinds. */
    public ScanRequest withSourceKinds(Set<String> kinds) {
        return new ScanRequest(inputs, intake, enabledRules, disabledRules, threads, budget, kinds, components);
    }

    /** The same request with other components options. */
    public ScanRequest withComponents(ComponentOptions options) {
        return new ScanRequest(inputs, intake, enabledRules, disabledRules, threads, budget, sourceKinds, options);
    }

    /** Defaults: all rules, default limits, one thread per core, a 30-minute budget. */
    public static ScanRequest of(List<Path> inputs) {
        return new ScanRequest(inputs, IntakeOptions.defaults(), Set.of(), Set.of(),
                Runtime.getRuntime().availableProcessors(), Duration.ofMinutes(30));
    }
}
