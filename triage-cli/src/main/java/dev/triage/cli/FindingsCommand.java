package dev.triage.cli;

import dev.triage.store.Mitigation;
import dev.triage.store.Store;
import dev.triage.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code triage findings list|triage|approve|reject|revoke|decisions}: the stored flaws and their triage. A
 * mitigation is proposed with a reason by one person and approved or rejected by another; an approved one survives
 * rescans and keeps the flaw out of the portfolio report's counts (which list it separately).
 */
@Command(name = "findings", mixinStandardHelpOptions = true,
        description = "List stored flaws and triage them: propose a mitigation, approve or reject it.",
        subcommands = {FindingsCommand.ListFlaws.class, FindingsCommand.Triage.class, FindingsCommand.Approve.class,
                FindingsCommand.Reject.class, FindingsCommand.Revoke.class, FindingsCommand.Decisions.class})
final class FindingsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: list, triage, approve, reject, revoke or decisions");
    }

    /** Options every subcommand shares. */
    static class StoreOption {
        @Option(names = "--store", paramLabel = "URL|PATH", description = PortfolioCommand.STORE_HELP)
        String store;
    }

    /** Runs {@code work} on the opened store; a refusal is one line on stderr and exit code 4. */
    static int withStore(CommandLine.Model.CommandSpec spec, String store, StoreWork work) {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        try (Store s = Store.open(store)) {
            work.run(s, out);
            out.flush();
            return Main.OK;
        } catch (StoreException e) {
            err.println("triage: " + e.getMessage());
            err.flush();
            return PortfolioCommand.STORE_FAILED;
        }
    }

    @FunctionalInterface
    interface StoreWork {
        void run(Store store, PrintWriter out);
    }

    static String who(String by) {
        return by != null && !by.isBlank() ? by.strip() : System.getProperty("user.name", "");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Stored flaws with their lifecycle state and mitigation.")
    static final class ListFlaws extends StoreOption implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--app", paramLabel = "KEY", description = "only this app")
        String app;

        @Option(names = "--state", paramLabel = "STATE", description = "only flaws in this state: new, open, fixed, reopened")
        String state;

        @Override
        public Integer call() {
            if (state != null && !List.of("new", "open", "fixed", "reopened").contains(state)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown state '" + state + "' (new, open, fixed, reopened)");
            }
            return withStore(spec, store, (s, out) -> {
                var flaws = s.flaws(app, state);
                for (Store.Flaw f : flaws) {
                    out.printf(Locale.ROOT, "%6d  %-8s %d  %-32s %-30s %s%s%n", f.id(), f.state(), f.severity(),
                            PortfolioProgress.Text.safe(f.ruleId()), PortfolioProgress.Text.safe(f.appKey()),
                            PortfolioProgress.Text.safe(f.location()),
                            f.mitigation() == null ? "" : "  [" + f.mitigation() + ", " + f.mitigationStatus() + "]");
                }
                out.println(flaws.size() + " flaw(s)");
            });
        }
    }

    @Command(name = "triage", mixinStandardHelpOptions = true,
            description = "Propose a mitigation of a flaw, with a reason; someone else approves or rejects it.")
    static final class Triage extends StoreOption implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FLAW", description = "flaw id (from 'triage findings list')")
        long flaw;

        @Option(names = "--as", required = true, paramLabel = "KIND",
                description = "false-positive, accepted-risk, mitigated-by-design or mitigated-by-environment")
        String kind;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why (kept for the audit)")
        String reason;

        @Option(names = "--by", paramLabel = "NAME", description = "who proposes it (default: $USER)")
        String by;

        @Override
        public Integer call() {
            Mitigation m;
            try {
                m = Mitigation.of(kind);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            return withStore(spec, store, (s, out) -> {
                long id = s.propose(flaw, m, reason, who(by), System.currentTimeMillis());
                out.println("Decision " + id + " proposed: flaw " + flaw + " as " + m.id() + "; it needs someone else's approval"
                        + " (triage findings approve " + id + ").");
            });
        }
    }

    abstract static class Review extends StoreOption implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DECISION", description = "decision id (from 'triage findings decisions')")
        long decision;

        @Option(names = "--by", paramLabel = "NAME", description = "who reviews it (default: $USER); not the proposer")
        String by;

        @Option(names = "--note", paramLabel = "TEXT", description = "a note kept with the review")
        String note;
    }

    @Command(name = "approve", mixinStandardHelpOptions = true, description = "Approve a proposed mitigation (not your own).")
    static final class Approve extends Review {
        @Override
        public Integer call() {
            return withStore(spec, store, (s, out) -> {
                s.approve(decision, who(by), note, System.currentTimeMillis());
                out.println("Decision " + decision + " approved.");
            });
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true, description = "Reject a proposed mitigation (not your own).")
    static final class Reject extends Review {
        @Override
        public Integer call() {
            return withStore(spec, store, (s, out) -> {
                s.reject(decision, who(by), note, System.currentTimeMillis());
                out.println("Decision " + decision + " rejected.");
            });
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Withdraw an approved mitigation: the flaw counts again.")
    static final class Revoke extends Review {
        @Override
        public Integer call() {
            return withStore(spec, store, (s, out) -> {
                s.revoke(decision, who(by), note, System.currentTimeMillis());
                out.println("Decision " + decision + " revoked.");
            });
        }
    }

    @Command(name = "decisions", mixinStandardHelpOptions = true, description = "Triage decisions, newest first.")
    static final class Decisions extends StoreOption implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--pending", description = "only proposals waiting for review")
        boolean pending;

        @Override
        public Integer call() {
            return withStore(spec, store, (s, out) -> {
                var all = s.decisions(pending);
                for (Store.Decision d : all) {
                    out.printf(Locale.ROOT, "%6d  flaw %-6d %-9s %-24s %s  proposed by %s %s%s%n  reason: %s%n", d.id(), d.flawId(),
                            d.status(), d.kind(), PortfolioProgress.Text.safe(d.appKey() + " " + d.ruleId()),
                            PortfolioProgress.Text.safe(d.proposedBy()), Instant.ofEpochMilli(d.proposedAt()),
                            d.reviewedBy() == null ? "" : ", " + d.status() + " by " + PortfolioProgress.Text.safe(d.reviewedBy()),
                            PortfolioProgress.Text.safe(d.reason()));
                }
                out.println(all.size() + " decision(s)");
            });
        }
    }
}
