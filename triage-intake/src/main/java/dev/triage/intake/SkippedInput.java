package dev.triage.intake;

/**
 * Something intake could not or would not read. The scan goes on without it and the report lists it.
 *
 * @param input  the input path as given on the command line
 * @param entry  the entry inside the input (archives joined by {@code !/}), or empty for the whole input
 * @param reason one line saying why, e.g. "compression ratio 1032:1 exceeds the limit 200:1 (zip bomb?)"
 */
public record SkippedInput(String input, String entry, String reason) {
    /** How the reason of an entry that exhausted the heap starts. */
    public static final String OUT_OF_MEMORY = "out of memory";

    /** The problem for an input or entry whose reading exhausted the heap: what was read before it is kept. */
    public static SkippedInput outOfMemory(String input, String entry, String what) {
        return new SkippedInput(input, entry, OUT_OF_MEMORY + " while " + what + " (the heap limit was reached); not scanned");
    }

    /** True when reading this input or entry exhausted the heap. */
    public boolean isOutOfMemory() {
        return reason != null && reason.startsWith(OUT_OF_MEMORY + " while ");
    }

    /** One line for a person: {@code input!/entry: reason}. */
    public String describe() {
        return (entry == null || entry.isEmpty() ? input : input + "!/" + entry) + ": " + reason;
    }
}
