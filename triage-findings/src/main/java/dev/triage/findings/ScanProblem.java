package dev.triage.findings;

/**
 * Something that was not scanned or not finished: an unreadable entry, an exhausted budget.
 *
 * @param input  the input as given
 * @param entry  the entry inside it, or empty
 * @param reason one line
 */
public record ScanProblem(String input, String entry, String reason) {
    public String describe() {
        return (entry.isEmpty() ? input : input + "!/" + entry) + ": " + reason;
    }
}
