package dev.triage.findings;

/**
 * Something that was not scanned or not finished: an unreadable entry, an exhausted budget, or a stage that failed.
 *
 * @param input  the input as given
 * @param entry  the entry inside it, or empty
 * @param reason one line
 * @param kind   why: the input (most problems), or Triage itself (an internal error, exhausted memory), which the
 *               exit code reports
 */
public record ScanProblem(String input, String entry, String reason, Kind kind) {
    /** Whose fault a problem is. */
    public enum Kind {
        /** The input could not or would not be read, or the budget ran out: the scan is otherwise sound. */
        INPUT,
        /** A stage of Triage failed unexpectedly (a bug): what it had not finished is missing from the report. */
        INTERNAL_ERROR,
        /** The heap ran out: what was being read or analysed then is missing from the report. */
        OUT_OF_MEMORY
    }

    public ScanProblem {
        if (kind == null) kind = Kind.INPUT;
    }

    /** A problem with the input. */
    public ScanProblem(String input, String entry, String reason) {
        this(input, entry, reason, Kind.INPUT);
    }

    public String describe() {
        return (entry.isEmpty() ? input : input + "!/" + entry) + ": " + reason;
    }
}
