package dev.triage.intake.internal;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * Silences what a library prints on {@code System.out} / {@code System.err} while it works for intake (dex2jar writes
 * warnings about the code it converts there: on a hostile DEX, thousands of lines into the middle of a report on
 * stdout). Only the calling thread is silenced: the standard streams are wrapped once in a filter that drops the
 * writes of threads inside {@link #quietly}, so other threads (another scan in the same JVM) still print.
 */
final class QuietOutput {
    private static final ThreadLocal<Boolean> QUIET = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private QuietOutput() {
    }

    static <T> T quietly(Supplier<T> work) {
        install();
        boolean was = QUIET.get();
        QUIET.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            QUIET.set(was);
        }
    }

    private static synchronized void install() {
        if (!(System.out instanceof Filter)) System.setOut(new Filter(System.out));
        if (!(System.err instanceof Filter)) System.setErr(new Filter(System.err));
    }

    /** Passes writes through except from silenced threads. */
    private static final class Filter extends PrintStream {
        Filter(PrintStream to) {
            super(new OutputStream() {
                @Override
                public void write(int b) {
                    if (!QUIET.get()) to.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    if (!QUIET.get()) to.write(b, off, len);
                }

                @Override
                public void flush() {
                    to.flush();
                }
            }, true);
        }
    }
}
