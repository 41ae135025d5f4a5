package dev.triage.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code triage}: the command line. Exit codes: 0 ok, 1 policy failed, 2 usage error or no readable input. */
@Command(name = "triage", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Finds security flaws in Java web apps from their compiled code.",
        subcommands = {ScanCommand.class, RulesCommand.class, DbCommand.class, PortfolioCommand.class, FindingsCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int POLICY_FAILED = 1;
    public static final int USAGE = 2;

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
        return cl.execute(args);
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"triage " + Version.get(), "Java " + System.getProperty("java.version")};
        }
    }
}
