package dev.triage.analysis.model;

import java.util.List;
import java.util.Map;

/**
 * A check whose success makes a value safe on the branch where it succeeded: an allow-list lookup
 * ({@code ALLOWED.contains(x)}), a pattern match ({@code x.matches("[a-z]+")}), a comparison with a
 * constant. {@code checks} is the position of the checked value; {@code when} may ask for constants
 * (position {@code -1} is the receiver).
 */
public record GuardRow(MethodPattern method, int checks, List<String> clears, Map<Integer, String> when,
                    String provenance, String file) {
}
