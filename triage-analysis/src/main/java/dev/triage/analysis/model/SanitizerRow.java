package dev.triage.analysis.model;

import java.util.List;
import java.util.Map;

/**
 * A call whose result ({@code to}) is clean for the listed sink kinds ({@code all}: for every kind)
 * when it is computed from {@code from}; {@code when} restricts it to calls whose other arguments are
 * constants matching a pattern (replacing '\n' clears log forging; replacing 'a' does not).
 */
public record SanitizerRow(MethodPattern method, List<Integer> from, int to, List<String> clears,
                        Map<Integer, String> when, String provenance, String file) {
}
