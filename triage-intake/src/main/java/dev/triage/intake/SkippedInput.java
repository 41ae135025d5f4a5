package dev.triage.intake;

/**
 * Something intake could not or would not read. The scan goes on without it and the report lists it.
 *
 * @param input  the input path as given on the command line
 * @param entry  the entry inside the input (archives joined by {@code !/}), or empty for the whole input
 * @param reason one line saying why, e.g. "compression ratio 1032:1 exceeds the limit 200:1 (zip bomb?)"
 */
public record SkippedInput(String input, String entry, String reason) {
    /** One line for a person: {@code input!/entry: reason}. */
    public String describe() {
        return (entry == null || entry.isEmpty() ? input : input + "!/" + entry) + ": " + reason;
    }
}
