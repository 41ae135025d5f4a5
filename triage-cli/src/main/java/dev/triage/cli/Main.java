package dev.triage.cli;

import dev.triage.contract.TriageVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code triage}: the command line. Exit codes: 0 ok, 1 policy failed, 2 usage error or no readable input, 3 advisory
 * database, 4 internal error, 5 out of memory, 6 store (see the README's table).
 */
@Command(name = "triage", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Finds security flaws in Java web apps from their compiled code.",
        subcommands = {ScanCommand.class, RulesCommand.class, DbCommand.class, PortfolioCommand.class, FindingsCommand.class,
                ServeCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int POLICY_FAILED = 1;
    public static final int USAGE = 2;
    /** A bug: an exception no stage expected. Never 1 (CI would read it as "flaws found") nor 2. */
    public static final int INTERNAL_ERROR = 4;
    /** The heap ran out (raise it with TRIAGE_JAVA_OPTS=-Xmx...): the report, when one was written, is partial. */
    public static final int OUT_OF_MEMORY = 5;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: scan or rules");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (for tests and embedding). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExitCodeExceptionMapper(e -> USAGE);
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("triage: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try 'triage --help' or 'triage " + "scan --help'.");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parsed) -> {
            java.io.PrintWriter err = commandLine.getErr();
            if (ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException) {
                // a file that cannot be read or written (an output directory that is a file, a full disk)
                err.println("triage: " + ex.getMessage());
                err.flush();
                return USAGE;
            }
            if (ScanPipeline.causedByOutOfMemory(ex)) {
                err.println("triage: out of memory (raise the heap, e.g. TRIAGE_JAVA_OPTS=-Xmx4g): " + ex);
                err.flush();
                return OUT_OF_MEMORY;
            }
            err.println("triage: internal error: " + ex);
            ex.printStackTrace(err);
            err.flush();
            return INTERNAL_ERROR;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("triage: out of memory (raise the heap, e.g. TRIAGE_JAVA_OPTS=-Xmx4g); no report was written");
            System.err.flush();
            return OUT_OF_MEMORY;
        } catch (Error e) {
            if (ScanPipeline.causedByOutOfMemory(e)) {
                System.err.println("triage: out of memory (raise the heap, e.g. TRIAGE_JAVA_OPTS=-Xmx4g): " + e);
                System.err.flush();
                return OUT_OF_MEMORY;
            }
            System.err.println("triage: internal error: " + e);
            e.printStackTrace(System.err);
            System.err.flush();
            return INTERNAL_ERROR;
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"triage " + TriageVersion.get(), "Java " + System.getProperty("java.version")};
        }
    }
}
