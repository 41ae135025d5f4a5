package dev.triage.cli.fuzz;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.io.PrintWriter;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

/**
 * Runs one fuzz target of {@link ParserFuzzTest} in this JVM (Jazzer fuzzes one target per JVM): {@code .ci/fuzz}
 * starts one per target with {@code JAZZER_FUZZ=1}, so Maven is not started twelve times. Exit 0 when it passed.
 */
public final class FuzzMain {
    private FuzzMain() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: FuzzMain <target method of ParserFuzzTest>");
            System.exit(2);
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectMethod(ParserFuzzTest.class.getName() + "#" + args[0] + "(byte[])"))
                // When fuzzing, the whole run is one JUnit invocation: JUnit's own @Timeout would end it after one
                // per-input timeout's worth of fuzzing. Jazzer still reads @Timeout as libFuzzer's per-input timeout.
                .configurationParameter("junit.jupiter.execution.timeout.mode", "disabled")
                .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(request, summary);
        TestExecutionSummary s = summary.getSummary();
        s.printFailuresTo(new PrintWriter(System.err, true), 30);
        System.out.println("fuzz " + args[0] + ": " + s.getTestsSucceededCount() + " passed, " + s.getTotalFailureCount() + " failed");
        System.exit(s.getTotalFailureCount() == 0 && s.getTestsFoundCount() > 0 ? 0 : 1);
    }
}
