package dev.triage.analysis.value;

/**
 * A byte or char array whose content is fixed by the code (e.g. {@code "secret".getBytes()}).
 *
 * @param description how it was made, for messages
 * @param text        the string it was made from
 */
public record ConstBytes(String description, String text) {
}
