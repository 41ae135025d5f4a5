package dev.triage.analysis.value;

/** A byte or char array whose content is fixed by the code (e.g. {@code "secret".getBytes()}). */
public record ConstBytes(String description) {
}
