package dev.triage.cli;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures of a stage are the heap running out (exit 5) and which are bugs (exit 4). */
class StageFailureTest {
    @Test
    void outOfMemoryAnywhereInTheCauseChain() {
        assertTrue(ScanPipeline.causedByOutOfMemory(new OutOfMemoryError("Java heap space")));
        assertTrue(ScanPipeline.causedByOutOfMemory(new IllegalStateException("analysis task failed",
                new ExecutionException(new OutOfMemoryError("Java heap space")))));
    }

    @Test
    void staticInitialiserThatRanOutOfMemory() {
        // what the JVM throws on a later use of a class whose <clinit> ran out of heap (Java 17 wording)
        NoClassDefFoundError later = new NoClassDefFoundError("Could not initialize class dev.triage.program.PlatformIndex");
        later.initCause(new ExceptionInInitializerError(
                "Exception java.lang.OutOfMemoryError: Java heap space [in thread \"triage-analysis\"]"));
        assertTrue(ScanPipeline.causedByOutOfMemory(new IllegalStateException("analysis task failed",
                new ExecutionException(later))));
    }

    @Test
    void bugsAreNotOutOfMemory() {
        assertFalse(ScanPipeline.causedByOutOfMemory(new IllegalStateException("analysis task failed",
                new ExecutionException(new NullPointerException()))));
        NoClassDefFoundError missing = new NoClassDefFoundError("Could not initialize class a.B");
        missing.initCause(new ExceptionInInitializerError("Exception java.lang.IllegalArgumentException: bad"));
        assertFalse(ScanPipeline.causedByOutOfMemory(missing));
        RuntimeException selfCaused = new RuntimeException("loop");
        assertFalse(ScanPipeline.causedByOutOfMemory(selfCaused));
    }
}
