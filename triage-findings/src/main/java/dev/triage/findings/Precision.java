package dev.triage.findings;

/** A rule's measured or expected precision, as CodeQL's {@code @precision}. */
public enum Precision { LOW, MEDIUM, HIGH, VERY_HIGH }
